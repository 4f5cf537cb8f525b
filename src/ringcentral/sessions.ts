import type { LinksStore, MemberKey } from '../store/types';
import { requireActive } from './active-link';
import type { RingCentralAppCredentials } from './platform-factory';
import type { RateBudget } from './rate-budget';
import type { TokenRefresher } from './token-refresher';
import { UserSession } from './user-session';

/** Opens a RingCentral session for a Slack member from their own stored link, or says why not. */
export class RingCentralSessions {
  constructor(
    private readonly store: LinksStore,
    private readonly credentials: RingCentralAppCredentials,
    private readonly refresher: TokenRefresher,
    private readonly budget: RateBudget,
  ) {}

  async open(member: MemberKey): Promise<UserSession> {
    const link = requireActive(await this.store.getLink(member));
    return new UserSession(link, this.credentials, this.refresher, this.budget);
  }
}
