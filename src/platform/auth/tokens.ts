import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { PlatformRole, TenantRole } from './principal.ts';

export const TOKEN_ISSUER = 'plantintel';
const AUDIENCE = 'plantintel-api';

export interface AccessClaims {
  userId: string;
  email: string;
  tenantId: string | null;
  role: TenantRole | null;
  platformRole: PlatformRole | null;
  sessionId: string;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Raised for any token that must not be accepted; the caller answers 401 with the message. */
export class InvalidToken extends Error {
  override name = 'InvalidToken';
}

// Tokens already verified, until they expire: a client sends the same token with every request,
// and checking its signature again each time (WebCrypto's HMAC, a round trip to the thread pool)
// was a fifth of a simple read's CPU. Whether the sign-in still stands is checked separately.
const VERIFIED_CACHE_SIZE = 10_000;

/** Short-lived access tokens: HS256 JWTs signed with the platform's key. */
export class AccessTokens {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(secret: string, ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
    this.ttlSeconds = ttlSeconds;
  }

  async issue(claims: AccessClaims, now = Date.now()): Promise<IssuedToken> {
    const issuedAt = Math.floor(now / 1000);
    const expires = issuedAt + this.ttlSeconds;
    const token = await new SignJWT({
      email: claims.email,
      tid: claims.tenantId ?? undefined,
      role: claims.role ?? undefined,
      pr: claims.platformRole ?? undefined,
      sid: claims.sessionId,
      typ: 'access',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(claims.userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expires)
      .sign(this.key);
    return { token, expiresAt: new Date(expires * 1000) };
  }

  /** The claims of a token this process verified before and that has not expired yet. */
  verifiedBefore(token: string, now = Date.now()): AccessClaims | undefined {
    const hit = this.verified.get(token);
    if (!hit) return undefined;
    if (hit.expiresAt > now) return hit.claims;
    this.verified.delete(token);
    return undefined;
  }

  async verify(token: string): Promise<AccessClaims> {
    const known = this.verifiedBefore(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        issuer: TOKEN_ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      }));
    } catch (err) {
      throw new InvalidToken(
        err instanceof errors.JWTExpired ? 'The access token has expired' : 'The access token is invalid',
      );
    }
    if (
      payload.typ !== 'access' ||
      typeof payload.sub !== 'string' ||
      typeof payload.sid !== 'string' ||
      typeof payload.email !== 'string'
    ) {
      throw new InvalidToken('The access token is invalid');
    }
    const claims: AccessClaims = {
      userId: payload.sub,
      email: payload.email,
      tenantId: typeof payload.tid === 'string' ? payload.tid : null,
      role: (payload.role as TenantRole | undefined) ?? null,
      platformRole: (payload.pr as PlatformRole | undefined) ?? null,
      sessionId: payload.sid,
    };
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      // The oldest entry goes first (a Map keeps insertion order).
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, { claims, expiresAt: (payload.exp ?? 0) * 1000 });
    return claims;
  }
}

/** The issuer a bearer token claims, read without verifying it (to pick the verifier). */
export function claimedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

export interface ExternalIdentity {
  subject: string;
  /** Only an email the provider says it verified (`email_verified: true`); else undefined. */
  email: string | undefined;
}

/** Verifies JWTs of an external OpenID Connect provider against its published keys (JWKS). */
export class ExternalTokens {
  readonly issuer: string;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly audience: string | undefined;

  constructor(options: { jwksUrl: string; issuer: string; audience: string | undefined }) {
    this.issuer = options.issuer;
    this.audience = options.audience;
    this.jwks = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
  }

  async verify(token: string): Promise<ExternalIdentity> {
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        issuer: this.issuer,
        ...(this.audience ? { audience: this.audience } : {}),
      });
      if (typeof payload.sub !== 'string') throw new InvalidToken('The identity token has no subject');
      const verified = payload.email_verified === true || payload.email_verified === 'true';
      const email = verified && typeof payload.email === 'string' ? payload.email.toLowerCase() : undefined;
      return { subject: payload.sub, email };
    } catch (err) {
      if (err instanceof InvalidToken) throw err;
      throw new InvalidToken(
        err instanceof errors.JWTExpired ? 'The identity token has expired' : 'The identity token is invalid',
      );
    }
  }
}

/** A random, URL-safe secret of `bytes` bytes (refresh tokens, API keys, invitations). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets with 192+ random bits are stored as SHA-256: fast to check, useless if the table leaks. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
