/** Reads `SANDBOX_COMPANY`: unset for the guide's company, `generated:<ext>:<numbers>:<seed>` for a big one. */
import type { Company } from './company/company';
import { generateCompany } from './company/generate-company';
import { guideCompany } from './company/guide-company';

export function companyFromSpec(spec: string | undefined): Company {
  if (!spec || spec === 'guide') return guideCompany();
  const m = /^generated:(\d+):(\d+):(.+)$/.exec(spec);
  if (!m) {
    throw new Error(
      `SANDBOX_COMPANY must be "guide" or "generated:<extensions>:<numbers>:<seed>", not "${spec}"`,
    );
  }
  const seed = /^\d+$/.test(m[3] as string) ? Number(m[3]) : (m[3] as string);
  return generateCompany({ extensions: Number(m[1]), numbers: Number(m[2]), seed });
}
