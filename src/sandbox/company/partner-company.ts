/**
 * A second, small company for the sandbox to serve beside the guide's: an administrator and a
 * regular user with their own numbers. Tests use it for a sign-in from another RingCentral
 * account than the one a workspace uses. Deterministic: tests may rely on every value here.
 */
import type { Company, Extension, PhoneNumber } from './company';

const ACCOUNT_ID = '400123008';

function person(
  id: string,
  extensionNumber: string,
  firstName: string,
  lastName: string,
  isAdmin: boolean,
): Extension {
  return {
    id,
    extensionNumber,
    type: 'User',
    status: 'Enabled',
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    email: `${firstName}.${lastName}@northwind.example`.toLowerCase(),
    isAdmin,
    forwarding: [],
  };
}

function direct(id: string, phoneNumber: string, extensionId: string): PhoneNumber {
  return {
    id,
    phoneNumber,
    usageType: 'DirectNumber',
    paymentType: 'Local',
    type: 'VoiceFax',
    status: 'Normal',
    features: ['CallerId', 'SmsSender'],
    extensionId,
  };
}

export function partnerCompany(): Company {
  return {
    accountId: ACCOUNT_ID,
    companyName: 'Northwind Traders',
    mainNumber: '+12125550100',
    status: 'Confirmed',
    brand: { id: '1210', name: 'RingCentral Inc.' },
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
    extensions: [
      // The system extension: its id is the account id, and it is the operator.
      person(ACCOUNT_ID, '101', 'Mia', 'Chen', true),
      person('400124008', '102', 'Omar', 'Haddad', false),
    ],
    phoneNumbers: [
      {
        id: '500100008',
        phoneNumber: '+12125550100',
        usageType: 'MainCompanyNumber',
        paymentType: 'Local',
        type: 'VoiceFax',
        status: 'Normal',
        features: ['CallerId'],
      },
      direct('500101008', '+12125550101', ACCOUNT_ID),
      direct('500102008', '+12125550102', '400124008'),
    ],
  };
}
