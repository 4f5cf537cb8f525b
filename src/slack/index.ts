/** Slack I/O for the flows: replies, DMs, people and mentions, channel checks, error codes. */
export { type ActionPlace, answerInPlace, placeOf } from './answer-in-place';
export { boltLogger } from './bolt-logger';
export { channelMembers } from './channel-members';
export type { SlackDeps } from './deps';
export { type DmFailure, sendDirectMessage } from './direct-message';
export { slackErrorCode } from './error-code';
export { forEachLimited } from './for-each-limited';
export { type MemberLabel, memberLabel } from './member-label';
export { memberOf } from './member-of';
export { type SlackMember, SlackPeople } from './people';
export { postToResponseUrl } from './respond';
export { cannotPost, type ShareChannel, shareChannel } from './share-channel';
