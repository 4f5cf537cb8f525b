import { forwardingEntry } from '../../src/directory/convert';
import { isPersonalTarget } from '../../src/directory/personal-numbers';

const company = new Set(['+16503316251', '+18555440014']);
const isCompanyNumber = (e164: string) => company.has(e164);
const personal = (record: Parameters<typeof forwardingEntry>[0]) =>
  forwardingEntry(record, isCompanyNumber).personal;

describe('personal forwarding numbers', () => {
  it('counts every typed-in number outside the company, whatever its type or label', () => {
    for (const type of ['Home', 'Mobile', 'Work', 'Other', 'Outage', 'BusinessMobilePhone']) {
      expect({
        type,
        personal: personal({ phoneNumber: '+18559878944', type, label: 'Work' }),
      }).toEqual({ type, personal: true });
    }
    expect(personal({ phoneNumber: '+18559878944' })).toBe(true);
    expect(personal({ phoneNumber: '+18559878944', label: 'Office' })).toBe(true);
  });

  it('does not count the company’s own numbers, however they are typed', () => {
    expect(personal({ phoneNumber: '+16503316251', type: 'Mobile', label: 'Mobile' })).toBe(false);
    expect(personal({ phoneNumber: '+18555440014', type: 'Work' })).toBe(false);
  });

  it('does not count the company’s devices and extensions', () => {
    expect(personal({ phoneNumber: '+14803960003', type: 'PhoneLine', label: 'Softphone' })).toBe(
      false,
    );
    expect(personal({ type: 'PhoneLine', device: { id: '8001' } })).toBe(false);
    expect(personal({ type: 'ExtensionApps', extension: { id: '435068008' } })).toBe(false);
  });

  it('counts a number it cannot read as personal', () => {
    expect(personal({ phoneNumber: 'not a number', type: 'Other' })).toBe(true);
    expect(isPersonalTarget({ e164: null, companyEndpoint: false }, () => true)).toBe(true);
  });
});
