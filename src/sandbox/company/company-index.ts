/**
 * Lookup tables over a company, built once, so that a 10,000-extension company answers
 * `perPage=1000` pages and number searches without scanning everything on each request.
 */
import {
  type Company,
  canSignIn,
  type Extension,
  type Person,
  type PhoneNumber,
  personOf,
} from './company';

export class CompanyIndex {
  readonly company: Company;
  private readonly byId = new Map<string, Extension>();
  private readonly byNumber = new Map<string, Extension>();
  private readonly byEmail = new Map<string, Extension>();
  private readonly numbersOf = new Map<string, PhoneNumber[]>();
  private readonly byE164 = new Map<string, PhoneNumber>();
  /** Every number, sorted by E.164, for prefix searches. */
  readonly numbersSorted: PhoneNumber[];
  readonly people: Person[];

  constructor(company: Company) {
    this.company = company;
    for (const ext of company.extensions) {
      this.byId.set(ext.id, ext);
      this.byNumber.set(ext.extensionNumber, ext);
      if (ext.email) this.byEmail.set(ext.email.toLowerCase(), ext);
    }
    for (const n of company.phoneNumbers) {
      this.byE164.set(n.phoneNumber, n);
      if (!n.extensionId) continue;
      const list = this.numbersOf.get(n.extensionId);
      if (list) list.push(n);
      else this.numbersOf.set(n.extensionId, [n]);
    }
    this.numbersSorted = [...company.phoneNumbers].sort((a, b) =>
      a.phoneNumber < b.phoneNumber ? -1 : a.phoneNumber > b.phoneNumber ? 1 : 0,
    );
    this.people = company.extensions.filter(canSignIn).map(personOf);
  }

  extension(id: string): Extension | undefined {
    return this.byId.get(id);
  }

  extensionByNumber(extensionNumber: string): Extension | undefined {
    return this.byNumber.get(extensionNumber);
  }

  extensionByEmail(email: string): Extension | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  numbersOfExtension(id: string): PhoneNumber[] {
    return this.numbersOf.get(id) ?? [];
  }

  number(e164: string): PhoneNumber | undefined {
    return this.byE164.get(e164);
  }

  /**
   * Gives or takes an extension's admin rights, as an administrator changing its role would.
   * Its sessions keep working; what they may read follows the new role from the next request.
   */
  setAdmin(id: string, enabled: boolean): void {
    const ext = this.byId.get(id);
    if (!ext) throw new Error(`no extension ${id}`);
    ext.isAdmin = enabled;
    for (const person of this.people) if (person.extensionId === id) person.isAdmin = enabled;
  }

  /** Gives an extension another email, as an admin handing it to someone else would. */
  setEmail(id: string, email: string): void {
    const ext = this.byId.get(id);
    if (!ext) throw new Error(`no extension ${id}`);
    if (ext.email) this.byEmail.delete(ext.email.toLowerCase());
    ext.email = email;
    this.byEmail.set(email.toLowerCase(), ext);
    for (const person of this.people) if (person.extensionId === id) person.email = email;
  }

  /**
   * Moves a number to another extension (or to none), as an admin reassigning it would; returns
   * the extension it left, if any.
   */
  reassignNumber(e164: string, extensionId: string | undefined): string | undefined {
    const number = this.byE164.get(e164);
    if (!number) throw new Error(`no number ${e164}`);
    if (extensionId !== undefined && !this.byId.has(extensionId)) {
      throw new Error(`no extension ${extensionId}`);
    }
    const previous = number.extensionId;
    if (previous) {
      const left = (this.numbersOf.get(previous) ?? []).filter((n) => n !== number);
      this.numbersOf.set(previous, left);
    }
    if (extensionId === undefined) delete number.extensionId;
    else {
      number.extensionId = extensionId;
      this.numbersOf.set(extensionId, [...(this.numbersOf.get(extensionId) ?? []), number]);
    }
    return previous;
  }

  /** Finds someone who can sign in by email or extension number. */
  findPerson(who: string): Person | undefined {
    const key = who.trim().toLowerCase();
    return this.people.find((p) => p.email.toLowerCase() === key || p.extensionNumber === key);
  }

  /**
   * Numbers matching an E.164 pattern in which `*` stands for one digit, except a trailing `*`,
   * which stands for the rest of the number (so `+165033*` is a prefix search).
   */
  numbersMatching(pattern: string): PhoneNumber[] {
    const star = pattern.indexOf('*');
    const prefix = star < 0 ? pattern : pattern.slice(0, star);
    if (star < 0) {
      const exact = this.byE164.get(pattern);
      return exact ? [exact] : [];
    }
    const trailing = pattern.length - pattern.replace(/\*+$/, '').length;
    let source = pattern.slice(0, pattern.length - trailing).replace(/\+/g, '\\+');
    source = source.replace(/\*/g, '\\d');
    if (trailing > 0) source += `${'\\d'.repeat(trailing - 1)}\\d+`;
    const re = new RegExp(`^${source}$`);
    const out: PhoneNumber[] = [];
    for (let i = this.lowerBound(prefix); i < this.numbersSorted.length; i++) {
      const n = this.numbersSorted[i] as PhoneNumber;
      if (!n.phoneNumber.startsWith(prefix)) break;
      if (re.test(n.phoneNumber)) out.push(n);
    }
    return out;
  }

  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.numbersSorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.numbersSorted[mid] as PhoneNumber).phoneNumber < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
