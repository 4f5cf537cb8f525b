import { DerivedMacs } from '../derived-macs';
import type { MemberKey } from '../model';

/** Why a signed value was not accepted: made for another member, or not as this app made it. */
export type Refusal = 'other_member' | 'changed';

export type Opened =
  | { ok: true; value: string }
  | { ok: false; refusal: Refusal; madeFor?: MemberKey };

/** `<team>.<user>.<mac>.<value>`: Slack ids are short and alphanumeric, the MAC 43 base64url chars. */
const ENVELOPE = /^([A-Za-z0-9]{0,32})\.([A-Za-z0-9]{0,32})\.([A-Za-z0-9_-]{43})\.([\s\S]*)$/;

/**
 * Signs what the app hands to Slack and takes back on a click: button values and a modal's
 * private_metadata. Anyone holding a response_url can post messages as the app with buttons of
 * their own making, and Slack then sends the click as if the app had made the button; the MAC
 * (HMAC-SHA256 over purpose, team, user and value) proves the app made this value for this very
 * member, so a forged or edited button does nothing, and one made for someone else is refused.
 * The value itself stays readable: it names a command to run again, never a result.
 *
 * The keys are derived (HKDF, an info string of their own) from TOKEN_ENCRYPTION_KEY, so no
 * extra secret is needed: new values are signed with the first key, and values signed with any
 * listed key are accepted, so rotating the key does not void the buttons already shown.
 */
export class ValueSigner {
  private readonly macs: DerivedMacs;

  constructor(encryptionKeysBase64: string) {
    this.macs = new DerivedMacs(encryptionKeysBase64, 'rcnumber signed values');
  }

  /** `value` bound to the member and to its purpose (an action id or a callback id). */
  sign(member: MemberKey, purpose: string, value: string): string {
    const mac = this.macs.sign(macBody(member, purpose, value));
    return `${member.teamId}.${member.userId}.${mac}.${value}`;
  }

  /** The value, when the app signed it for this member and purpose; otherwise why not. */
  open(member: MemberKey, purpose: string, signed: unknown): Opened {
    const parts = typeof signed === 'string' ? ENVELOPE.exec(signed) : null;
    if (!parts) return { ok: false, refusal: 'changed' };
    const [, teamId = '', userId = '', mac = '', value = ''] = parts;
    if (teamId !== member.teamId || userId !== member.userId) {
      return { ok: false, refusal: 'other_member', madeFor: { teamId, userId } };
    }
    const genuine = this.macs.verify(macBody(member, purpose, value), mac);
    return genuine ? { ok: true, value } : { ok: false, refusal: 'changed' };
  }
}

/** JSON keeps the fields apart: no choice of value can pose as another purpose or member. */
function macBody(member: MemberKey, purpose: string, value: string): string {
  return JSON.stringify([purpose, member.teamId, member.userId, value]);
}
