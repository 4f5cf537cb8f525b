/** What the app keeps between requests (links, OAuth states, members), in SQLite or PostgreSQL. */
export { TokenCipher, TokenDecryptError } from './crypto';
export { openStore } from './open-store';
export { type PostgresConnection, PostgresStore, type PostgresStoreOptions } from './postgres';
export { UNREADABLE_TOKENS_REASON } from './rows';
export { SqliteStore, type SqliteStoreOptions } from './sqlite';
export type * from './types';
