export { TokenCipher, TokenDecryptError } from './crypto';
export { openStore } from './open-store';
export {
  type PostgresConnection,
  PostgresLinkStore,
  type PostgresLinkStoreOptions,
} from './postgres';
export { SqliteLinkStore, type SqliteLinkStoreOptions } from './sqlite';
export type * from './types';
