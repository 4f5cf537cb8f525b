export {
  type Command,
  MAX_COMMAND_LENGTH,
  parseCommand,
  type Target,
  USAGE,
  type UsageLine,
} from './parse-command';
