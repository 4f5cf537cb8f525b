import type { CompanyResult, NumberInfo } from '../model';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS, viewerOf } from './context';
import { embeddedOwner, numberInfo } from './convert';
import { account } from './listings';

/** `company`: the account's main facts and, for administrators, its company-level numbers. */
export async function companyInfo(ctx: DirectoryContext): Promise<CompanyResult> {
  const record = await account(ctx);
  const viewer = viewerOf(ctx);
  // Only administrators may list account numbers; asking for anyone else would spend a Heavy
  // request on a certain 403.
  const numbers = viewer.isAdmin
    ? (
        await ctx.cache.get(identityKey(ctx), 'company-numbers', () =>
          ctx.api.companyNumbers({ maxWaitMs: SINGLE_CALL_WAIT_MS }),
        )
      )
        .map((number) => numberInfo(number, embeddedOwner(number)))
        .filter((info): info is NumberInfo => info !== null)
    : null;
  return {
    accountId: String(record.id),
    companyName: record.serviceInfo?.brand?.name ?? null,
    mainNumber: record.mainNumber ?? null,
    servicePlan: record.serviceInfo?.servicePlan?.name ?? null,
    status: record.status ?? null,
    homeCountry:
      record.serviceInfo?.brand?.homeCountry?.isoCode ??
      record.serviceInfo?.brand?.homeCountry?.id ??
      null,
    numbers,
    viewer,
  };
}
