/** Use cases answered under the asking member's own RingCentral token: no Slack, no store. */
export type * from '../model/answers';
export { companyInfo } from './company';
export type { DirectoryContext, ProgressFn } from './context';
export { exportForwarding, type ForwardingExportOptions } from './export-forwarding';
export { exportNumbers } from './export-numbers';
export { extensionDetails, findExtensions, numbersOf } from './extensions';
export { forwardingOf } from './forwarding';
export { IdentityCache, type IdentityCacheOptions } from './identity-cache';
export { lookupNumber, type PageRequest } from './lookup';
export { MESSAGE_NUMBERS_MAX, ownersOfNumbersIn } from './message-numbers';
export {
  PRESENCE_BATCH,
  PRESENCE_FRESH_MS,
  type PresenceAnswer,
  presenceCandidates,
  presenceOf,
} from './presence';
export type { Target } from './targets';
