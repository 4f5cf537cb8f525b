import { DerivedMacs } from '../derived-macs';

/**
 * Signs the cookie that ties a sign-in to the browser that started it. The HMAC keys are
 * derived from the token encryption keys, so no extra secret is needed: new values are signed
 * with the first key, and a value signed with any listed key is accepted, so rotating
 * TOKEN_ENCRYPTION_KEY (new key first, old one kept behind it) does not void sign-ins under way.
 */
export class BrowserBindingKey {
  private readonly macs: DerivedMacs;

  constructor(encryptionKeysBase64: string) {
    this.macs = new DerivedMacs(encryptionKeysBase64, 'rcnumber link start');
  }

  /**
   * The cookie value that binds `subject` (an OAuth state, or a sign-in waiting for its second
   * confirmation) to a browser. Derived from the subject, so nothing more needs storing.
   */
  sign(subject: string): string {
    return this.macs.sign(`browser:${subject}`);
  }

  /** Whether a cookie value binds this subject (under any listed key). */
  verify(subject: string, value: string | undefined): boolean {
    return this.macs.verify(`browser:${subject}`, value);
  }
}
