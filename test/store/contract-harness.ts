/**
 * What the store contract suites run against: a real database behind a `Store`, and a way to
 * open a second `Store` on it, standing for a second app process.
 */
import type { TokenCipher } from '../../src/store/crypto';
import type { Store } from '../../src/store/types';

export interface StoreHarness {
  store: Store;
  /** The key (base64) the harness's own cipher seals with. */
  cipherKey: string;
  /**
   * A second, connected store on the same database (closed by `cleanup`), sealing with the
   * harness's own cipher unless given another.
   */
  openAnother(cipher?: TokenCipher): Promise<Store>;
  /** Closes every store the harness opened and removes the database. */
  cleanup(): Promise<void>;
}

/** A fresh, connected harness on an empty database; each contract test gets its own. */
export type MakeHarness = () => Promise<StoreHarness>;
