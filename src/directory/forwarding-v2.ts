/**
 * The new call-handling backend's lists, turned into the one forwarding answer the renderers,
 * the share confirmation and the Home tab know. Where v1.0 gave one list, v2 gives two: call-flip
 * numbers (feature CallFlip, with their flip order) and forwarding targets (CallForwarding). A
 * number in both becomes one entry with both features.
 *
 * Personal or not, by the one rule in personal-numbers.ts. RingCentral's own endpoints of the
 * company are devices and phone lines (`DeviceRingTarget`, flip type `PhoneLine`), the business
 * mobiles the company provides (`BusinessMobile`, FMC and IMS targets), coworkers, integrations
 * and cloud connectors; a flip number of type `External` and a `PhoneNumberRingTarget` are typed
 * in, so they are personal unless the viewer knows the number as one of the company's.
 */
import type { ForwardingEntry } from '../model';
import type { CallFlipNumberRecord, ForwardingTargetRecord } from '../ringcentral/types';
import { ringCentralE164 } from './convert';
import { isPersonalTarget } from './personal-numbers';

/** The word shown as each target's type, and whether it rings somewhere outside the company. */
const TARGET_KINDS: Record<string, { type: string; outside: boolean }> = {
  PhoneNumberRingTarget: { type: 'External', outside: true },
  DeviceRingTarget: { type: 'PhoneLine', outside: false },
  FmcPhoneNumberRingTarget: { type: 'BusinessMobile', outside: false },
  ImsPhoneNumberRingTarget: { type: 'BusinessMobile', outside: false },
  CoworkerRingTarget: { type: 'Coworker', outside: false },
  CoworkerAppsRingTarget: { type: 'Coworker', outside: false },
  IntegrationRingTarget: { type: 'Integration', outside: false },
  CloudConnectorRingTarget: { type: 'CloudConnector', outside: false },
};

function entry(
  phoneNumber: string | undefined,
  fields: Omit<ForwardingEntry, 'e164' | 'raw'>,
): ForwardingEntry {
  const e164 = ringCentralE164(phoneNumber);
  return { ...fields, e164, raw: e164 ? null : (phoneNumber ?? null) };
}

function targetNumber(target: ForwardingTargetRecord): string | undefined {
  return (
    target.destination?.phoneNumber ?? target.device?.phoneNumber ?? target.integration?.phoneNumber
  );
}

function fromTarget(
  target: ForwardingTargetRecord,
  isCompanyNumber: (e164: string) => boolean,
): ForwardingEntry {
  const kind = TARGET_KINDS[target.type ?? ''] ?? { type: target.type ?? 'Other', outside: false };
  const made = entry(targetNumber(target), {
    label: target.name ?? target.device?.name ?? null,
    type: kind.type,
    features: ['CallForwarding'],
    flipNumber: null,
    personal: false,
  });
  made.personal = isPersonalTarget(
    { e164: made.e164, companyEndpoint: !kind.outside },
    isCompanyNumber,
  );
  return made;
}

function fromFlip(
  flip: CallFlipNumberRecord,
  isCompanyNumber: (e164: string) => boolean,
): ForwardingEntry {
  const made = entry(flip.phoneNumber, {
    label: flip.label ?? null,
    type: flip.type ?? null,
    features: ['CallFlip'],
    flipNumber: flip.flipNumber ?? null,
    personal: false,
  });
  made.personal = isPersonalTarget(
    { e164: made.e164, companyEndpoint: flip.type !== 'External' },
    isCompanyNumber,
  );
  return made;
}

/** One entry per number: flip numbers in flip order, then targets that are not flip numbers. */
export function forwardingEntriesV2(
  flips: CallFlipNumberRecord[],
  targets: ForwardingTargetRecord[],
  isCompanyNumber: (e164: string) => boolean,
): ForwardingEntry[] {
  const entries = flips.map((flip) => fromFlip(flip, isCompanyNumber));
  const byNumber = new Map<string, ForwardingEntry>();
  for (const made of entries) {
    const key = made.e164 ?? made.raw;
    if (key) byNumber.set(key, made);
  }
  for (const target of targets) {
    const made = fromTarget(target, isCompanyNumber);
    const key = made.e164 ?? made.raw;
    const same = key ? byNumber.get(key) : undefined;
    if (same) {
      // The same phone both rings on incoming calls and takes flipped ones.
      same.features = ['CallForwarding', ...same.features];
      same.label ??= made.label;
      same.personal = same.personal || made.personal;
      continue;
    }
    entries.push(made);
    if (key) byNumber.set(key, made);
  }
  return entries;
}
