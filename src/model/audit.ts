/** One answer a member posted in a channel, as the audit trail keeps it. */
import type { MemberKey } from './member';

/** Times are epoch ms. */
export interface ShareRecord extends MemberKey {
  id: string;
  /** The sharer's RingCentral identity: whose token read what was posted. */
  accountId: string;
  extensionId: string;
  extensionNumber: string;
  /** The command that was shared, as a member would type it (`forwarding ext 104`). */
  command: string;
  channelId: string;
  channelName: string | null;
  sharedAt: number;
  /** Personal numbers in what was posted (forwarding lists); 0 for other answers. */
  personalCount: number;
  /** Posted through a confirmation that named the personal numbers and the audience. */
  confirmed: boolean;
  /** The channel reaches other organisations (Slack Connect). */
  sharedExternally: boolean;
  memberCount: number | null;
}
