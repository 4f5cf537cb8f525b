/** The `/rcnumber` grammar: what a member typed, parsed into a command, and the usage text. */
export {
  type Command,
  type ExportKind,
  MAX_COMMAND_LENGTH,
  MAX_DAYS,
  parseCommand,
  type Target,
  USAGE,
  type UsageLine,
} from './parse-command';
