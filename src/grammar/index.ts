/** The `/rcnumber` grammar: what a member typed, parsed into a command, and the usage text. */
export {
  type Command,
  MAX_COMMAND_LENGTH,
  parseCommand,
  type Target,
  USAGE,
  type UsageLine,
} from './parse-command';
