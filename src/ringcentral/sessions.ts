import { AppError } from '../errors';
import type { LinkStore, MemberKey } from '../store/types';
import type { RingCentralAppCredentials } from './platform-factory';
import type { RateBudget } from './rate-budget';
import type { TokenRefresher } from './token-refresher';
import { UserSession } from './user-session';

/** Opens a RingCentral session for a Slack member from their own stored link, or says why not. */
export class RingCentralSessions {
  constructor(
    private readonly store: LinkStore,
    private readonly credentials: RingCentralAppCredentials,
    private readonly refresher: TokenRefresher,
    private readonly budget: RateBudget,
  ) {}

  async open(member: MemberKey): Promise<UserSession> {
    const link = await this.store.getLink(member);
    if (!link) throw new AppError('not_linked', 'This Slack user has not linked RingCentral');
    if (link.status === 'broken') {
      throw new AppError('link_broken', 'The RingCentral link is broken', {
        reason: link.brokenReason ?? undefined,
      });
    }
    return new UserSession(link, this.credentials, this.refresher, this.budget);
  }
}
