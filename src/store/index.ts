export { TokenCipher, TokenDecryptError } from './crypto';
export { openStore } from './open-store';
export { type PostgresConnection, PostgresStore, type PostgresStoreOptions } from './postgres';
export { UNREADABLE_TOKENS_REASON } from './rows';
export { SqliteStore, type SqliteStoreOptions } from './sqlite';
export type * from './types';
