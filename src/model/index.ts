/** The plain data the layers hand each other: members, identities and directory answers. */
export type * from './answers';
export type * from './member';
