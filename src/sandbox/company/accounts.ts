/**
 * Every account one sandbox serves. RingCentral serves many companies behind one server URL;
 * each person signs in to their own, and their token reads that account only. The first company
 * is the sandbox's own (`Sandbox.company`); the others are there so an app can meet a sign-in
 * from another company.
 */
import type { Company, Person } from './company';
import { CompanyIndex } from './company-index';

export class Accounts {
  readonly all: CompanyIndex[];
  /** Everyone who can sign in, the first company's people first. */
  readonly people: Person[];
  private readonly byExtension = new Map<string, CompanyIndex>();

  constructor(companies: Company[]) {
    this.all = companies.map((company) => new CompanyIndex(company));
    const accountIds = new Set<string>();
    for (const index of this.all) {
      if (accountIds.has(index.company.accountId)) {
        throw new Error(`two sandbox companies share account id ${index.company.accountId}`);
      }
      accountIds.add(index.company.accountId);
      // Extension ids are unique across RingCentral, not only within an account.
      for (const ext of index.company.extensions) {
        if (this.byExtension.has(ext.id)) {
          throw new Error(`two sandbox companies share extension id ${ext.id}`);
        }
        this.byExtension.set(ext.id, index);
      }
    }
    this.people = this.all.flatMap((index) => index.people);
  }

  /** The sandbox's own company. */
  get primary(): CompanyIndex {
    return this.all[0] as CompanyIndex;
  }

  /** The account an extension belongs to. */
  forExtension(extensionId: string): CompanyIndex | undefined {
    return this.byExtension.get(extensionId);
  }

  /** Someone who can sign in, by email or extension number (the first company's first). */
  findPerson(who: string): Person | undefined {
    for (const index of this.all) {
      const person = index.findPerson(who);
      if (person) return person;
    }
    return undefined;
  }

  /** Someone who can sign in, by extension id. */
  personById(extensionId: string): Person | undefined {
    return this.forExtension(extensionId)?.people.find((p) => p.extensionId === extensionId);
  }
}
