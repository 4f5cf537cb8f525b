/**
 * OAuth state: authorization codes, sessions and their token pairs, with RingCentral's rotation
 * rules. A refresh token is single-use: refreshing issues a new pair. The old refresh token,
 * presented again while the new access token is unused, answers with the same new pair; once the
 * new access token has been used, the old refresh token dies shortly after. Revoking any token of
 * a session ends the whole session. Pure logic with an injectable clock; no HTTP here.
 */
import { createHash, randomBytes } from 'node:crypto';
import { invalidGrant, OAU } from '../http/errors';
import type { TokenLifetimes } from '../types';

export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  /** Whether the authorize request named the redirect URI (then the token request must too). */
  redirectUriGiven: boolean;
  extensionId: string;
  scope: string;
  challenge?: { value: string; method: 'S256' | 'plain' };
}

interface AuthCode extends CodeGrant {
  expiresAt: number;
  used: boolean;
}

export interface Session {
  id: string;
  clientId: string;
  extensionId: string;
  scope: string;
  endpointId: string;
  createdAt: number;
  ended: boolean;
  current: TokenPair;
}

export interface TokenPair {
  session: Session;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  /** Set by `expireAccessTokens`: the access token answers as expired from then on. */
  forcedExpired: boolean;
  firstUsedAt: number | null;
  successor: TokenPair | null;
  rotatedAt: number | null;
}

/** TTLs a token request asked for (`access_token_ttl`, `refresh_token_ttl`). */
export interface RequestedTtl {
  accessTtlSec?: number;
  refreshTtlSec?: number;
}

export type AccessCheck =
  | { ok: true; pair: TokenPair }
  | { ok: false; reason: 'expired' | 'invalid'; extensionId?: string };

const CODE_KEEP_MS = 10 * 60 * 1000;

function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export class TokenStore {
  refreshCount = 0;
  spentReuse = 0;
  private readonly codes = new Map<string, AuthCode>();
  private readonly byAccess = new Map<string, TokenPair>();
  private readonly byRefresh = new Map<string, TokenPair>();
  private readonly sessions: Session[] = [];

  constructor(
    private lifetimes: TokenLifetimes,
    private readonly maxSessionsPerUser = 0,
    private readonly now: () => number = Date.now,
  ) {}

  setLifetimes(partial: Partial<TokenLifetimes>): void {
    this.lifetimes = { ...this.lifetimes, ...partial };
  }

  issueCode(grant: CodeGrant): string {
    const now = this.now();
    for (const [code, entry] of this.codes) {
      if (entry.expiresAt + CODE_KEEP_MS < now) this.codes.delete(code);
    }
    const code = token(24);
    this.codes.set(code, {
      ...grant,
      expiresAt: now + this.lifetimes.authCodeTtlSec * 1000,
      used: false,
    });
    return code;
  }

  codeOwner(code: string): string | null {
    return this.codes.get(code)?.extensionId ?? null;
  }

  refreshOwner(refreshToken: string): string | null {
    return this.byRefresh.get(refreshToken)?.session.extensionId ?? null;
  }

  accessOwner(accessToken: string): string | null {
    return this.byAccess.get(accessToken)?.session.extensionId ?? null;
  }

  redeemCode(
    req: { code: string; clientId: string; redirectUri?: string; codeVerifier?: string },
    ttl: RequestedTtl,
  ): TokenPair {
    const entry = this.codes.get(req.code);
    if (!entry || entry.clientId !== req.clientId) {
      throw invalidGrant(OAU.invalidCode, 'Invalid authorization code');
    }
    if (entry.used) throw invalidGrant(OAU.invalidCode, 'Authorization code has already been used');
    entry.used = true;
    if (this.now() >= entry.expiresAt) {
      throw invalidGrant(OAU.invalidCode, 'Authorization code is expired');
    }
    const redirectOk = entry.redirectUriGiven
      ? req.redirectUri === entry.redirectUri
      : req.redirectUri === undefined || req.redirectUri === entry.redirectUri;
    if (!redirectOk) throw invalidGrant(OAU.invalidRedirectUri, 'Redirect URI mismatch');
    if (entry.challenge) {
      if (!req.codeVerifier)
        throw invalidGrant(OAU.codeVerifierMismatch, 'Code verifier is missing');
      const derived =
        entry.challenge.method === 'S256'
          ? createHash('sha256').update(req.codeVerifier).digest('base64url')
          : req.codeVerifier;
      if (derived !== entry.challenge.value) {
        throw invalidGrant(OAU.codeVerifierMismatch, 'Code verifier does not match code challenge');
      }
    }
    return this.startSession(entry.clientId, entry.extensionId, entry.scope, ttl);
  }

  startSession(clientId: string, extensionId: string, scope: string, ttl: RequestedTtl): TokenPair {
    const now = this.now();
    if (this.maxSessionsPerUser > 0) {
      const live = this.sessions.filter(
        (s) => !s.ended && s.clientId === clientId && s.extensionId === extensionId,
      );
      // Like RingCentral, a user's oldest session ends when they open one too many.
      for (const s of live.slice(0, Math.max(0, live.length - this.maxSessionsPerUser + 1))) {
        s.ended = true;
      }
    }
    const session = {
      id: token(12),
      clientId,
      extensionId,
      scope,
      endpointId: token(16),
      createdAt: now,
      ended: false,
    } as Session;
    session.current = this.newPair(session, ttl);
    this.sessions.push(session);
    return session.current;
  }

  refresh(req: { refreshToken: string; clientId: string }, ttl: RequestedTtl): TokenPair {
    const pair = this.byRefresh.get(req.refreshToken);
    if (!pair || pair.session.clientId !== req.clientId) {
      throw invalidGrant(OAU.invalidToken, 'Invalid token');
    }
    const session = pair.session;
    if (session.ended) throw invalidGrant(OAU.tokenRevoked, 'Token is revoked');
    const now = this.now();
    const next = pair.successor;
    if (next) {
      if (this.inGrace(pair, next, now)) {
        this.refreshCount += 1;
        return next;
      }
      this.spentReuse += 1;
      throw invalidGrant(OAU.invalidToken, 'Token is not valid: it has already been used');
    }
    if (now >= pair.refreshExpiresAt) throw invalidGrant(OAU.tokenExpired, 'Token expired');
    const fresh = this.newPair(session, ttl);
    pair.successor = fresh;
    pair.rotatedAt = now;
    session.current = fresh;
    this.refreshCount += 1;
    return fresh;
  }

  checkAccess(accessToken: string): AccessCheck {
    const pair = this.byAccess.get(accessToken);
    if (!pair || pair.session.ended) return { ok: false, reason: 'invalid' };
    const now = this.now();
    if (pair.forcedExpired || now >= pair.accessExpiresAt) {
      return { ok: false, reason: 'expired', extensionId: pair.session.extensionId };
    }
    pair.firstUsedAt ??= now;
    return { ok: true, pair };
  }

  /** Ends the session of an access or refresh token; false when the token is unknown. */
  revoke(anyToken: string): boolean {
    const pair = this.byAccess.get(anyToken) ?? this.byRefresh.get(anyToken);
    if (!pair) return false;
    pair.session.ended = true;
    return true;
  }

  expireAccessTokens(extensionId?: string): void {
    for (const pair of this.byAccess.values()) {
      if (extensionId === undefined || pair.session.extensionId === extensionId) {
        pair.forcedExpired = true;
      }
    }
  }

  /** The token endpoint's JSON for a pair; a replayed pair reports its remaining lifetimes. */
  tokenResponse(pair: TokenPair): Record<string, unknown> {
    const now = this.now();
    const left = (at: number) => Math.max(0, Math.ceil((at - now) / 1000));
    return {
      access_token: pair.accessToken,
      token_type: 'bearer',
      expires_in: left(pair.accessExpiresAt),
      refresh_token: pair.refreshToken,
      refresh_token_expires_in: left(pair.refreshExpiresAt),
      scope: pair.session.scope,
      owner_id: pair.session.extensionId,
      endpoint_id: pair.session.endpointId,
      session_id: pair.session.id,
    };
  }

  private inGrace(old: TokenPair, next: TokenPair, now: number): boolean {
    if (next.successor) return false;
    if (next.firstUsedAt === null) {
      return now < (old.rotatedAt ?? now) + this.lifetimes.refreshGraceUnusedSec * 1000;
    }
    return now < next.firstUsedAt + this.lifetimes.refreshGraceAfterUseSec * 1000;
  }

  private newPair(session: Session, ttl: RequestedTtl): TokenPair {
    const now = this.now();
    const accessSec = Math.min(this.lifetimes.accessTokenTtlSec, ttl.accessTtlSec ?? Infinity);
    const refreshSec = Math.min(this.lifetimes.refreshTokenTtlSec, ttl.refreshTtlSec ?? Infinity);
    const pair: TokenPair = {
      session,
      accessToken: token(32),
      refreshToken: token(32),
      accessExpiresAt: now + accessSec * 1000,
      refreshExpiresAt: now + refreshSec * 1000,
      forcedExpired: false,
      firstUsedAt: null,
      successor: null,
      rotatedAt: null,
    };
    this.byAccess.set(pair.accessToken, pair);
    this.byRefresh.set(pair.refreshToken, pair);
    return pair;
  }
}
