/**
 * Turns the company's records into the JSON RingCentral returns, shaped after the spec's
 * response schemas. Ids are integers in v1.0 records and strings in v2 and directory records,
 * as in the spec. What a caller may see is decided by the routes, which pass the flags here.
 */
import type { Company, Extension, ForwardingNumber, PhoneNumber } from '../company/company';

export function accountUri(base: string, company: Company): string {
  return `${base}/restapi/v1.0/account/${company.accountId}`;
}

export function extensionUri(base: string, company: Company, extensionId: string): string {
  return `${accountUri(base, company)}/extension/${extensionId}`;
}

function country(base: string, company: Company) {
  const c = company.homeCountry;
  return {
    id: c.id,
    uri: `${base}/restapi/v1.0/dictionary/country/${c.id}`,
    name: c.name,
    isoCode: c.isoCode,
    callingCode: c.callingCode,
  };
}

export function renderAccount(base: string, company: Company) {
  const uri = accountUri(base, company);
  const operator = company.extensions.find((e) => e.id === company.operatorExtensionId);
  return {
    uri,
    id: Number(company.accountId),
    serviceInfo: {
      uri: `${uri}/service-info`,
      brand: {
        id: company.brand.id,
        name: company.brand.name,
        homeCountry: country(base, company),
      },
      servicePlan: company.servicePlan,
      billingPlan: company.billingPlan,
    },
    ...(operator
      ? {
          operator: {
            uri: extensionUri(base, company, operator.id),
            id: Number(operator.id),
            extensionNumber: operator.extensionNumber,
          },
        }
      : {}),
    mainNumber: company.mainNumber,
    status: company.status,
    setupWizardState: 'Completed',
    regionalSettings: {
      homeCountry: country(base, company),
      timezone: {
        id: '58',
        name: 'US/Pacific',
        description: 'Pacific Time (US & Canada)',
        bias: '-480',
      },
      language: { id: '1033', localeCode: 'en-US', name: 'English (United States)' },
      timeFormat: '12h',
      currency: { id: 1, code: 'USD', name: 'US Dollar', symbol: '$' },
    },
  };
}

function contact(ext: Extension, company: Company) {
  return {
    ...(ext.firstName ? { firstName: ext.firstName } : {}),
    ...(ext.lastName ? { lastName: ext.lastName } : {}),
    company: company.companyName,
    ...(ext.email ? { email: ext.email } : {}),
    ...(ext.jobTitle ? { jobTitle: ext.jobTitle } : {}),
    ...(ext.department ? { department: ext.department } : {}),
    emailAsLoginName: !!ext.email,
  };
}

function permissions(ext: Extension) {
  return { admin: { enabled: ext.isAdmin }, internationalCalling: { enabled: false } };
}

export function renderExtensionSummary(
  base: string,
  company: Company,
  ext: Extension,
  withPermissions: boolean,
) {
  return {
    uri: extensionUri(base, company, ext.id),
    id: Number(ext.id),
    extensionNumber: ext.extensionNumber,
    name: ext.name,
    type: ext.type,
    status: ext.status,
    contact: contact(ext, company),
    ...(withPermissions ? { permissions: permissions(ext) } : {}),
    hidden: ext.hidden === true,
    // The spec types a site's `id` as a URI, which a site id is not: only its link is given.
    ...(ext.site
      ? {
          site: {
            uri: `${accountUri(base, company)}/sites/${ext.site.id}`,
            name: ext.site.name,
            code: ext.site.code,
          },
        }
      : {}),
  };
}

const PERSONAL_FEATURES = ['CallForwarding', 'SMS', 'VoipCalling', 'Presence', 'RingOut', 'Fax'];

export function renderExtensionDetail(
  base: string,
  company: Company,
  ext: Extension,
  view: { withPermissions: boolean; withServiceFeatures: boolean },
) {
  const summary = renderExtensionSummary(base, company, ext, view.withPermissions);
  const features = [
    ...PERSONAL_FEATURES.map((featureName) => ({ featureName, enabled: true })),
    { featureName: 'UserManagement', enabled: ext.isAdmin },
  ];
  return {
    ...summary,
    account: { id: company.accountId, uri: accountUri(base, company) },
    setupWizardState: ext.status === 'NotActivated' ? 'NotStarted' : 'Completed',
    ...(view.withServiceFeatures ? { serviceFeatures: features } : {}),
  };
}

export function renderExtensionPhoneNumber(
  base: string,
  company: Company,
  n: PhoneNumber,
  owner: Extension | undefined,
  view: { withFeatures: boolean; primary: boolean },
) {
  return {
    uri: `${accountUri(base, company)}/phone-number/${n.id}`,
    id: Number(n.id),
    country: {
      id: company.homeCountry.id,
      uri: country(base, company).uri,
      name: company.homeCountry.name,
    },
    ...(owner
      ? {
          extension: {
            id: Number(owner.id),
            uri: extensionUri(base, company, owner.id),
            extensionNumber: owner.extensionNumber,
            type: owner.type,
            name: owner.name,
          },
        }
      : {}),
    paymentType: n.paymentType,
    phoneNumber: n.phoneNumber,
    status: n.status,
    ...(n.type ? { type: n.type } : {}),
    usageType: n.usageType,
    primary: view.primary,
    ...(view.withFeatures ? { features: n.features } : {}),
  };
}

export function renderAccountPhoneNumber(
  base: string,
  company: Company,
  n: PhoneNumber,
  owner: Extension | undefined,
) {
  return {
    uri: `${accountUri(base, company)}/phone-number/${n.id}`,
    id: Number(n.id),
    ...(owner
      ? {
          extension: {
            id: Number(owner.id),
            uri: extensionUri(base, company, owner.id),
            name: owner.name,
            extensionNumber: owner.extensionNumber,
          },
        }
      : {}),
    ...(n.label ? { label: n.label } : {}),
    paymentType: n.paymentType,
    phoneNumber: n.phoneNumber,
    status: n.status,
    ...(n.type ? { type: n.type } : {}),
    usageType: n.usageType,
    primary: n.usageType === 'MainCompanyNumber',
  };
}

export function renderV2PhoneNumber(n: PhoneNumber, owner: Extension | undefined) {
  return {
    id: n.id,
    phoneNumber: n.phoneNumber,
    ...(n.type ? { type: n.type } : {}),
    tollType: n.paymentType === 'TollFree' ? 'TollFree' : 'Toll',
    usageType: n.usageType,
    byocNumber: false,
    status: n.status,
    ...(owner ? { extension: { id: owner.id, extensionNumber: owner.extensionNumber } } : {}),
  };
}

export function renderForwardingNumber(
  base: string,
  company: Company,
  ext: Extension,
  f: ForwardingNumber,
) {
  return {
    id: f.id,
    uri: `${extensionUri(base, company, ext.id)}/forwarding-number/${f.id}`,
    phoneNumber: f.phoneNumber,
    label: f.label,
    features: f.features,
    ...(f.flipNumber ? { flipNumber: f.flipNumber } : {}),
    type: f.type,
  };
}
