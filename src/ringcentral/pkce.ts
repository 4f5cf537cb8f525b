import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636: a random verifier and its S256 challenge. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** An unguessable OAuth state value. */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}
