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
} from './data/company';
export { EXTENSION_TYPES, USAGE_TYPES } from './data/company';
export { CompanyIndex } from './data/company-index';
export { type GenerateCompanyOptions, generateCompany } from './data/generate-company';
export { guideCompany } from './data/guide-company';
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
