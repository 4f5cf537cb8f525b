/**
 * Which call-handling backend an extension is on, and its lists on the new one. An extension
 * upgraded without lists of its own gets them derived from its v1.0 forwarding list, so a whole
 * account can be switched to the new backend and keep everyone's numbers.
 */
import type { Company, Extension, ForwardingTarget, NewCallHandling } from './company';

export function isUpgraded(company: Company, ext: Extension): boolean {
  return company.upgradedCallHandling === true || ext.upgradedCallHandling === true;
}

export function newCallHandlingOf(ext: Extension): NewCallHandling {
  if (ext.newCallHandling) return ext.newCallHandling;
  const flip = ext.forwarding
    .filter((f) => f.features.includes('CallFlip') && f.flipNumber)
    .map((f) => ({
      id: f.id,
      phoneNumber: f.phoneNumber,
      type: f.type === 'PhoneLine' ? ('PhoneLine' as const) : ('External' as const),
      label: f.label,
      flipNumber: f.flipNumber ?? '',
    }));
  // A phone line is one of the extension's own devices; other numbers ring as phone numbers.
  const targets: ForwardingTarget[] = ext.forwarding.flatMap((f): ForwardingTarget[] => {
    if (f.type === 'PhoneLine') {
      return [
        {
          type: 'DeviceRingTarget',
          deviceId: `8${f.id}`,
          name: f.label,
          phoneNumber: f.phoneNumber,
        },
      ];
    }
    if (!f.features.includes('CallForwarding')) return [];
    return [{ type: 'PhoneNumberRingTarget', phoneNumber: f.phoneNumber, name: f.label }];
  });
  return { flip, targets };
}
