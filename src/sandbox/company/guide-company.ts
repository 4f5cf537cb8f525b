/**
 * The company of RingCentral's guide "Managing Phone Numbers, Extensions and Settings": the ids,
 * numbers and forwarding lists of its examples, completed with a few made-up but stable people so
 * that every visibility rule has someone to show it (two admins, regular users, a disabled user)
 * and every kind of number exists. Lena Fischer (108) is on RingCentral's new call-handling
 * backend, Rosa Lind (112) is hidden from the directory, both work at the Austin site, and the
 * directory federates one person of another account. Deterministic: tests may rely on every
 * value here.
 */
import type { Company, Extension, ForwardingNumber, PhoneNumber } from './company';
import { withGuidePresence } from './presence';

const ACCOUNT_ID = '159048008';
const AUSTIN = { id: '872781820006', name: 'Austin Office', code: '1007' };

function person(
  id: string,
  extensionNumber: string,
  firstName: string,
  lastName: string,
  opts: Partial<Extension> = {},
): Extension {
  return {
    id,
    extensionNumber,
    type: 'User',
    status: 'Enabled',
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    email: `${firstName}.${lastName}@example.com`.toLowerCase(),
    isAdmin: false,
    forwarding: [],
    ...opts,
  };
}

function system(
  id: string,
  extensionNumber: string,
  name: string,
  type: Extension['type'],
): Extension {
  return { id, extensionNumber, type, status: 'Enabled', name, isAdmin: false, forwarding: [] };
}

function fwd(
  id: string,
  phoneNumber: string,
  label: string,
  type: ForwardingNumber['type'],
  features: ForwardingNumber['features'],
  flipNumber: string,
): ForwardingNumber {
  return { id, phoneNumber, label, type, features, flipNumber };
}

function direct(
  id: string,
  phoneNumber: string,
  extensionId: string,
  opts: Partial<PhoneNumber> = {},
): PhoneNumber {
  const base: PhoneNumber = {
    id,
    phoneNumber,
    usageType: 'DirectNumber',
    paymentType: 'Local',
    type: 'VoiceFax',
    status: 'Normal',
    features: ['CallerId', 'SmsSender'],
    extensionId,
  };
  return { ...base, ...opts };
}

export function guideCompany(): Company {
  const extensions: Extension[] = [
    // The system extension: its id is the account id, and it is the operator.
    person(ACCOUNT_ID, '101', 'John', 'Smith', {
      isAdmin: true,
      jobTitle: 'Office Manager',
      forwarding: [
        fwd('60001', '+17609410044', 'John Smith Desk Phone', 'PhoneLine', ['CallFlip'], '1'),
        fwd('60002', '+18559878944', 'Work', 'Work', ['CallForwarding', 'CallFlip'], '2'),
      ],
    }),
    person('435068008', '104', 'Ana', 'Ruiz', {
      jobTitle: 'Account Executive',
      department: 'Sales',
      forwarding: [
        fwd('60011', '+14803960003', 'Ana Ruiz Softphone', 'PhoneLine', ['CallFlip'], '1'),
        fwd('60012', '+16505550123', 'Mobile', 'Mobile', ['CallForwarding', 'CallFlip'], '2'),
        fwd('60013', '+14155550199', 'Home', 'Home', ['CallForwarding'], '3'),
      ],
    }),
    person('435069008', '105', 'Ben', 'Okafor', {
      jobTitle: 'Support Engineer',
      department: 'Support',
      forwarding: [
        fwd('60021', '+14803960004', 'Ben Okafor Softphone', 'PhoneLine', ['CallFlip'], '1'),
        fwd('60022', '+16505550177', 'Mobile', 'Mobile', ['CallForwarding', 'CallFlip'], '2'),
      ],
    }),
    person('435070008', '106', 'Carla', 'Diaz', { status: 'Disabled', department: 'Finance' }),
    person('435071008', '107', 'Dev', 'Patel', {
      isAdmin: true,
      jobTitle: 'IT Administrator',
      forwarding: [
        fwd('60041', '+14803960005', 'Dev Patel Desk Phone', 'PhoneLine', ['CallFlip'], '1'),
      ],
    }),
    // On RingCentral's new call-handling backend: her lists come from the v2 APIs only.
    person('435075008', '108', 'Lena', 'Fischer', {
      jobTitle: 'Field Engineer',
      department: 'Support',
      site: AUSTIN,
      upgradedCallHandling: true,
      newCallHandling: {
        flip: [
          {
            id: '70081',
            phoneNumber: '+15125550180',
            type: 'PhoneLine',
            label: 'Lena Fischer Desk Phone',
            flipNumber: '1',
          },
          {
            id: '70082',
            phoneNumber: '+14155550142',
            type: 'External',
            label: 'Mobile',
            flipNumber: '2',
          },
        ],
        targets: [
          {
            type: 'DeviceRingTarget',
            deviceId: '80081',
            name: 'Lena Fischer Desk Phone',
            phoneNumber: '+15125550180',
          },
          { type: 'PhoneNumberRingTarget', phoneNumber: '+14155550142', name: 'Mobile' },
          { type: 'PhoneNumberRingTarget', phoneNumber: '+13125550166', name: 'Home' },
        ],
      },
    }),
    // Hidden from the company directory: regular users are not to be shown her.
    person('435076008', '112', 'Rosa', 'Lind', { site: AUSTIN, hidden: true }),
    system('1201056008', '110', 'AO Ext', 'Announcement'),
    system('435072008', '120', 'Fax Desk', 'FaxUser'),
    system('435073008', '200', 'Support', 'Department'),
    system('435074008', '300', 'Main Menu', 'IvrMenu'),
  ];

  const voice = ['CallerId', 'SmsSender'] as PhoneNumber['features'];
  const phoneNumbers: PhoneNumber[] = [
    {
      id: '246714008',
      phoneNumber: '+18555440014',
      usageType: 'MainCompanyNumber',
      paymentType: 'TollFree',
      type: 'VoiceFax',
      status: 'Normal',
      features: ['CallerId'],
    },
    {
      id: '246715008',
      phoneNumber: '+18559105564',
      usageType: 'CompanyNumber',
      paymentType: 'TollFree',
      type: 'VoiceFax',
      status: 'Normal',
      features: ['CallerId'],
      extensionId: '435074008',
    },
    {
      id: '359733008',
      phoneNumber: '+17869876543',
      usageType: 'ForwardedNumber',
      paymentType: 'External',
      status: 'Normal',
      features: [],
    },
    {
      id: '723454008',
      phoneNumber: '+16503316251',
      usageType: 'DirectNumber',
      paymentType: 'Local',
      type: 'VoiceFax',
      status: 'Normal',
      features: voice,
      extensionId: ACCOUNT_ID,
    },
    {
      id: '723455008',
      phoneNumber: '+16503316252',
      usageType: 'DirectNumber',
      paymentType: 'Local',
      type: 'VoiceOnly',
      status: 'Normal',
      features: voice,
      extensionId: '435068008',
    },
    {
      id: '723456008',
      phoneNumber: '+16503316253',
      usageType: 'DirectNumber',
      paymentType: 'Local',
      type: 'VoiceFax',
      status: 'Normal',
      features: voice,
      extensionId: '435069008',
    },
    {
      id: '723457008',
      phoneNumber: '+16503316254',
      usageType: 'DirectNumber',
      paymentType: 'Local',
      type: 'VoiceFax',
      status: 'Normal',
      features: voice,
      extensionId: '435071008',
    },
    {
      id: '723460008',
      phoneNumber: '+16503316260',
      usageType: 'DirectNumber',
      paymentType: 'Local',
      type: 'VoiceOnly',
      status: 'Normal',
      features: ['CallerId'],
      extensionId: '435073008',
    },
    {
      id: '723470008',
      phoneNumber: '+16503316270',
      usageType: 'CompanyFaxNumber',
      paymentType: 'Local',
      type: 'FaxOnly',
      status: 'Normal',
      features: [],
      extensionId: '435072008',
    },
    direct('723480008', '+15125550108', '435075008'),
    // Lena's second line, hidden from the directory.
    direct('723481008', '+15125550109', '435075008', { type: 'VoiceOnly', hidden: true }),
    direct('723482008', '+15125550112', '435076008'),
    {
      id: '723499008',
      phoneNumber: '+16503316299',
      usageType: 'CompanyNumber',
      paymentType: 'Local',
      type: 'VoiceFax',
      status: 'Normal',
      features: ['CallerId'],
    },
  ];

  return {
    accountId: ACCOUNT_ID,
    companyName: 'MyCompany Inc.',
    mainNumber: '+18555440014',
    status: 'Confirmed',
    brand: { id: '1210', name: 'MyCompany Inc.' },
    homeCountry: { id: '1', isoCode: 'US', name: 'United States', callingCode: '1' },
    servicePlan: { id: '1216', name: 'Professional', edition: 'Standard' },
    billingPlan: {
      id: '159',
      name: 'Monthly - 14.99 - Pro 101503',
      durationUnit: 'Month',
      duration: 1,
      type: 'Regular',
    },
    operatorExtensionId: ACCOUNT_ID,
    extensions: withGuidePresence(extensions),
    phoneNumbers,
    federation: [
      {
        accountId: '400131426008',
        companyName: 'MyCompany West LLC',
        federatedName: 'MyCompany West',
        contacts: [
          {
            id: '500201008',
            extensionNumber: '201',
            firstName: 'Kim',
            lastName: 'Lee',
            email: 'kim.lee@west.example.com',
            phoneNumber: '+13105550201',
          },
        ],
      },
    ],
  };
}
