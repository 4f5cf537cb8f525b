/** The plain data the layers hand each other: members, identities and directory answers. */
export type * from './answers';
export type * from './audit';
export type * from './counters';
export type * from './exports';
export type * from './member';
