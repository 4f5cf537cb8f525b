/** Pure renderers from directory results to Slack Block Kit. No I/O, no Slack runtime. */

export { type AuditPage, type AuditPageValue, parseAuditPageValue, renderAudit } from './audit';
export { callButton, callUrl } from './call';
export { renderShared, withoutButtons, withoutShareButtons } from './channel-post';
export { renderCompany } from './company';
export {
  type Cell,
  type CsvFile,
  type CsvFiles,
  type CsvTable,
  csvCell,
  csvFiles,
  csvText,
  type SplitLimits,
} from './csv';
export {
  type ErrorAction,
  type ErrorContext,
  GENERIC_ERROR,
  renderError,
  userMessage,
} from './error-text';
export { auditTable, forwardingTable, numbersTable } from './export-tables';
export { renderExtension, renderNumbers } from './extension';
export { renderFind } from './find';
export { formatNumber } from './format';
export { renderForwarding } from './forwarding';
export { renderHelp, renderInvalid, type UsageEntry } from './help';
export { type HomeLinkedInput, homeBroken, homeLinked, homeUnlinked } from './home';
export { ActionIds, BlockIds, CallbackIds, ShortcutIds } from './ids';
export { renderLinked, renderLinkPrompt, renderUnlinked } from './link';
export {
  accountWords,
  refusalWords,
  renderLinkedElsewhere,
  renderLinkRefused,
} from './link-notices';
export { renderLookup } from './lookup';
export { renderMe, tokenState } from './me';
export { NO_NUMBERS_FOUND, renderMessageNumbers } from './message-numbers';
export {
  type ConfirmShareInput,
  confirmShareModal,
  type LookupModalInput,
  lookupModal,
} from './modal';
export { renderNotice } from './notice';
export {
  type OnboardCounts,
  onboardSummary,
  onboardSummaryText,
  reminderMessage,
  welcomeMessage,
} from './onboarding';
export { presenceText } from './presence';
export { isProgressText, renderProgress } from './progress';
export { refusedShareModal, renderRefusal } from './refusal';
export { SIGNED_ACTION_IDS, type SignValue, signButtons } from './sign-buttons';
export { type Opened, type Refusal, ValueSigner } from './signed-values';
export type { Message, RenderOptions } from './types';
export {
  type PagedKind,
  type PageValue,
  parsePageValue,
  parseShareValue,
  type ShareKind,
  type ShareValue,
} from './values';
