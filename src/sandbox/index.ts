/** The RingCentral sandbox: server, company data and their types. */

export type {
  Company,
  Extension,
  ExtensionStatus,
  ExtensionType,
  ForwardingNumber,
  NumberType,
  PaymentType,
  Person,
  PhoneNumber,
  UsageType,
} from './company/company';
export { EXTENSION_TYPES, USAGE_TYPES } from './company/company';
export { CompanyIndex } from './company/company-index';
export { type GenerateCompanyOptions, generateCompany } from './company/generate-company';
export { guideCompany } from './company/guide-company';
export { partnerCompany } from './company/partner-company';
export {
  DEFAULT_CLIENT,
  type FaultSpec,
  type RateGroup,
  type RateLimitSettings,
  type RecordedRequest,
  type RequestFilter,
  type Sandbox,
  type SandboxClient,
  type SandboxFaults,
  type SandboxOptions,
  startSandbox,
  type TokenLifetimes,
} from './server';
