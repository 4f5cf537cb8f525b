import type { ForwardingNumberRecord } from '../ringcentral/types';

/**
 * What the personal-number rule needs to know of one forwarding or call-flip target, whichever
 * of RingCentral's two call-handling backends it came from.
 */
export interface TargetFacts {
  /** The number calls go to, in E.164; null when RingCentral gave none or an unreadable one. */
  e164: string | null;
  /**
   * RingCentral itself routes this target to the company: one of its devices or phone lines,
   * or one of its extensions, rather than a number someone typed in.
   */
  companyEndpoint: boolean;
}

/**
 * The one rule for "personal number", which decides whether sharing a forwarding list warns.
 *
 * A target is personal unless it is provably the company's own: a company device or extension
 * that RingCentral routes to, or a number the asker's own token shows as the company's (the
 * extension's own numbers, and the account's numbers when the asker's listing is at hand).
 * Labels and the Home / Mobile / Work / Other / Outage / BusinessMobilePhone types are the
 * free choice of whoever typed the number in, so they decide nothing: a "Work" number outside
 * the company is someone's phone all the same. A number we cannot place counts as personal,
 * since a needless warning costs a click and a missing one puts a mobile number in a channel.
 */
export function isPersonalTarget(
  target: TargetFacts,
  isCompanyNumber: (e164: string) => boolean,
): boolean {
  if (target.companyEndpoint) return false;
  return target.e164 === null || !isCompanyNumber(target.e164);
}

/**
 * A v1 `forwarding-number` record: `PhoneLine` entries ring a company device (the spec makes
 * them from a `device`, which cannot be given with a typed phone number) and `ExtensionApps`
 * entries ring an extension.
 */
export function v1CompanyEndpoint(record: ForwardingNumberRecord): boolean {
  return (
    record.type === 'PhoneLine' ||
    record.type === 'ExtensionApps' ||
    Boolean(record.device?.id) ||
    Boolean(record.extension?.id)
  );
}
