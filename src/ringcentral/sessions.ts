import { AppError, isAppError } from '../errors';
import type { Link, LinkedIdentity, LinksStore, MemberKey } from '../store/types';
import { requireActive } from './active-link';
import { emailChanged, type IdentityChanged, readIdentity, sameIdentity } from './fresh-identity';
import type { RingCentralAppCredentials } from './platform-factory';
import type { RateBudget } from './rate-budget';
import { sameLink, type TokenRefresher } from './token-refresher';
import { type AnswerObserver, UserSession } from './user-session';

/** Writes of a changed identity that lose to concurrent refreshes before giving up storing it. */
const STORE_ATTEMPTS = 3;

/** Opens a RingCentral session for a Slack member from their own stored link, or says why not. */
export class RingCentralSessions {
  constructor(
    private readonly store: LinksStore,
    private readonly credentials: RingCentralAppCredentials,
    private readonly refresher: TokenRefresher,
    private readonly budget: RateBudget,
    private readonly onIdentityChanged: IdentityChanged = () => undefined,
    private readonly onAnswer?: AnswerObserver,
  ) {}

  async open(member: MemberKey): Promise<UserSession> {
    return this.sessionFor(requireActive(await this.store.getLink(member)));
  }

  /**
   * Who the member is at RingCentral at this moment, read under their own token (one Light
   * request), for decisions that must not rest on what their link said when it was made or
   * last refreshed: admin-only commands. A change is stored and reported.
   */
  async currentIdentity(member: MemberKey): Promise<LinkedIdentity> {
    try {
      return await this.readAndKeep(member);
    } catch (error) {
      // A refresh on the way found the role changed and stored it: read again, as that link.
      if (!isAppError(error, 'link_changed')) throw error;
      return this.readAndKeep(member);
    }
  }

  private sessionFor(link: Link): UserSession {
    return new UserSession(link, this.credentials, this.refresher, this.budget, this.onAnswer);
  }

  private async readAndKeep(member: MemberKey): Promise<LinkedIdentity> {
    const link = requireActive(await this.store.getLink(member));
    const fresh = await readIdentity(this.sessionFor(link));
    if (fresh.extensionId !== link.identity.extensionId) throw linkChanged();
    if (emailChanged(link.identity, fresh)) {
      await this.refresher.breakForEmail(link);
      // Renewed meanwhile by another process, so not broken yet: read again, as that link.
      throw linkChanged();
    }
    for (let attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
      const current = await this.store.getLink(member);
      // Read with the tokens of a link the member has since replaced: not theirs to keep.
      if (!current || !sameLink(current, link)) throw linkChanged();
      if (sameIdentity(current.identity, fresh)) break;
      if (await this.store.updateIdentity(member, current.version, fresh)) {
        this.onIdentityChanged(member, current.identity, fresh);
        break;
      }
    }
    // What RingCentral just said decides, whether or not it could be stored.
    return fresh;
  }
}

function linkChanged(): AppError {
  return new AppError('link_changed', 'The member linked another RingCentral extension meanwhile');
}
