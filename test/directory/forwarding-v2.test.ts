// The new call-handling backend's two lists become the one forwarding answer: one entry per
// number, flip numbers with their order, and `personal` for what rings outside the company.
import { forwardingEntriesV2 } from '../../src/directory/forwarding-v2';

const none = () => false;

test('a number on both lists is one entry with both features, in flip order', () => {
  const entries = forwardingEntriesV2(
    [
      { id: '1', phoneNumber: '+15125550180', type: 'PhoneLine', label: 'Desk', flipNumber: '1' },
      { id: '2', phoneNumber: '+14155550142', type: 'External', label: 'Mobile', flipNumber: '2' },
    ],
    [
      { type: 'DeviceRingTarget', device: { id: '8', name: 'Desk', phoneNumber: '+15125550180' } },
      {
        type: 'PhoneNumberRingTarget',
        destination: { phoneNumber: '+14155550142' },
        name: 'Mobile',
      },
      { type: 'PhoneNumberRingTarget', destination: { phoneNumber: '+13125550166' }, name: 'Home' },
    ],
    none,
  );
  expect(entries).toEqual([
    {
      label: 'Desk',
      e164: '+15125550180',
      raw: null,
      type: 'PhoneLine',
      features: ['CallForwarding', 'CallFlip'],
      flipNumber: '1',
      personal: false,
    },
    {
      label: 'Mobile',
      e164: '+14155550142',
      raw: null,
      type: 'External',
      features: ['CallForwarding', 'CallFlip'],
      flipNumber: '2',
      personal: true,
    },
    {
      label: 'Home',
      e164: '+13125550166',
      raw: null,
      type: 'External',
      features: ['CallForwarding'],
      flipNumber: null,
      personal: true,
    },
  ]);
});

test('only what rings outside the company is personal', () => {
  const company = new Set(['+16503316253']);
  const entries = forwardingEntriesV2(
    [
      {
        phoneNumber: '+16505550001',
        type: 'BusinessMobile',
        label: 'Work mobile',
        flipNumber: '3',
      },
    ],
    [
      // A colleague's direct number, known to the viewer as the company's: not personal.
      { type: 'PhoneNumberRingTarget', destination: { phoneNumber: '+16503316253' } },
      { type: 'FmcPhoneNumberRingTarget', destination: { phoneNumber: '+16505550002' } },
      { type: 'CoworkerRingTarget', extension: { id: '435069008' } },
      { type: 'IntegrationRingTarget', name: 'Teams', integration: { type: 'Teams' } },
    ],
    (e164) => company.has(e164),
  );
  expect(entries.map((e) => [e.e164, e.type, e.personal])).toEqual([
    ['+16505550001', 'BusinessMobile', false],
    ['+16503316253', 'External', false],
    ['+16505550002', 'BusinessMobile', false],
    [null, 'Coworker', false],
    [null, 'Integration', false],
  ]);
});

test('a number RingCentral gives in another form is kept as given', () => {
  const [entry] = forwardingEntriesV2(
    [],
    [{ type: 'PhoneNumberRingTarget', destination: { phoneNumber: '*86' }, name: 'Voicemail' }],
    none,
  );
  expect(entry).toMatchObject({ e164: null, raw: '*86', label: 'Voicemail', personal: true });
});
