/** The registered OAuth apps: client authentication and redirect URI checks. */
import type { IncomingMessage } from 'node:http';
import { invalidClient, OAU } from '../http/errors';
import type { SandboxClient } from '../types';

export class ClientRegistry {
  private readonly byId = new Map<string, SandboxClient>();

  constructor(clients: SandboxClient[]) {
    for (const c of clients) this.byId.set(c.clientId, c);
  }

  get(clientId: string | null | undefined): SandboxClient | undefined {
    return clientId ? this.byId.get(clientId) : undefined;
  }

  /**
   * The redirect URI an authorize request will use, or null when it must be refused: a registered
   * one (the only one may be left out), or with none registered any http(s) URL.
   */
  resolveRedirect(client: SandboxClient, given: string | null): string | null {
    if (client.redirectUris.length > 0) {
      if (given === null)
        return client.redirectUris.length === 1 ? (client.redirectUris[0] ?? null) : null;
      return client.redirectUris.includes(given) ? given : null;
    }
    if (given === null) return null;
    try {
      const url = new URL(given);
      return url.protocol === 'http:' || url.protocol === 'https:' ? given : null;
    } catch {
      return null;
    }
  }

  /**
   * Authenticates the client of a token or revoke request: HTTP Basic for confidential clients,
   * `client_id` in the body for public ones. Throws 401 invalid_client otherwise.
   */
  authenticate(req: IncomingMessage, form: URLSearchParams): SandboxClient {
    const header = req.headers.authorization ?? '';
    const match = /^Basic\s+(.+)$/i.exec(header);
    if (match?.[1]) {
      const decoded = Buffer.from(match[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const id = colon < 0 ? decoded : decoded.slice(0, colon);
      const secret = colon < 0 ? '' : decoded.slice(colon + 1);
      const client = this.byId.get(id);
      if (!client) throw invalidClient(OAU.invalidClient, 'Invalid client');
      if ((client.clientSecret ?? '') !== secret) {
        throw invalidClient(OAU.invalidClient, 'Invalid client credentials');
      }
      return client;
    }
    const client = this.get(form.get('client_id'));
    if (!client) throw invalidClient(OAU.clientAuthRequired, 'Client authentication is required');
    if (client.clientSecret) {
      throw invalidClient(OAU.clientAuthRequired, 'Client authentication is required');
    }
    return client;
  }
}
