import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import {
  type Principal,
  ROLE_SCOPES,
  type Scope,
  scopesOfRole,
  type TenantRole,
} from '../../platform/auth/principal.ts';
import {
  type AccessClaims,
  type AccessTokens,
  claimedIssuer,
  type ExternalTokens,
  hashToken,
  InvalidToken,
  TOKEN_ISSUER,
} from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { acrossTenants, readAcrossTenants } from '../../platform/db/scope.ts';
import { forbidden, unauthorized } from '../../platform/http/errors.ts';
import { findUsableApiKey, touchApiKey } from './api-keys.repo.ts';
import type { Revocations } from './revocations.ts';
import { sessionState } from './sessions.repo.ts';
import {
  activeMemberships,
  findUserByEmail,
  findUserByExternalSubject,
  type UserRow,
  updateUser,
} from './users.repo.ts';

export const API_KEY_PREFIX = 'pi_';
const TENANT_HEADER = 'x-tenant-id';
// last_used_at is informative: writing it at most once a minute per key keeps requests read-only.
const TOUCH_INTERVAL_MS = 60_000;

export interface AuthenticatorDeps {
  db: Db;
  accessTokens: AccessTokens;
  externalTokens: ExternalTokens | undefined;
  revocations: Revocations;
  logger: FastifyBaseLogger;
}

/** The scopes a role has, narrowed to those a key was given (a key never does more than its creator). */
function keyScopes(granted: readonly string[], creatorRole: string): Set<Scope> {
  const creatorScopes = new Set<string>(ROLE_SCOPES[creatorRole as TenantRole] ?? []);
  return new Set(granted.filter((s): s is Scope => creatorScopes.has(s)));
}

/**
 * Turns the credentials a client sends (bearer token, API key, external token) into a principal
 * that reflects the current state of the session, membership, key and customer — not what they
 * were when the token was issued. That state is cached per process (see credential-cache.ts).
 */
export function createAuthenticator({
  db,
  accessTokens,
  externalTokens,
  revocations,
  logger,
}: AuthenticatorDeps) {
  const lastTouched = new Map<string, number>();
  const { cache } = revocations;

  function touch(keyId: string) {
    const now = Date.now();
    if (now - (lastTouched.get(keyId) ?? 0) <= TOUCH_INTERVAL_MS) return;
    lastTouched.set(keyId, now);
    acrossTenants(db, (tx) => touchApiKey(tx, keyId)).catch((err) =>
      logger.warn({ err }, 'could not record API key use'),
    );
  }

  async function fromApiKey(key: string): Promise<Principal> {
    const secretHash = hashToken(key);
    const principal = await cache.resolve(`key:${secretHash}`, async () => {
      const row = await readAcrossTenants(db, (tx) => findUsableApiKey(tx, secretHash));
      if (!row) return null;
      return {
        value: {
          kind: 'apiKey',
          userId: row.key.createdBy,
          tenantId: row.key.tenantId,
          role: null,
          platformRole: null,
          scopes: keyScopes(row.key.scopes, row.creatorRole),
          apiKeyId: row.key.id,
          label: row.key.prefix,
          sessionId: null,
        } satisfies Principal,
        tags: [`key:${row.key.id}`, `user:${row.key.createdBy}`, `tenant:${row.key.tenantId}`],
        validUntil: row.key.expiresAt?.getTime(),
      };
    });
    if (!principal) throw unauthorized('The API key is invalid, revoked or expired');
    touch(principal.apiKeyId ?? '');
    return principal;
  }

  /** The token proves who signed in; the database (cached) says whether that still stands, and as what. */
  async function fromAccessToken(token: string): Promise<Principal> {
    const claims = await accessTokens.verify(token);
    const cacheKey = `session:${claims.sessionId}:${claims.userId}:${claims.tenantId ?? '-'}`;
    const principal = await cache.resolve(cacheKey, () => loadSession(claims));
    if (!principal) throw unauthorized('This sign-in has ended or no longer has access; sign in again');
    return principal;
  }

  async function loadSession(claims: AccessClaims) {
    const state = await readAcrossTenants(db, (tx) =>
      sessionState(tx, { userId: claims.userId, tenantId: claims.tenantId, familyId: claims.sessionId }),
    );
    if (!state?.open || state.userStatus !== 'active') return null;
    let role: TenantRole | null = null;
    if (claims.tenantId) {
      if (state.membershipStatus !== 'active' || state.tenantStatus === 'inactive') return null;
      role = state.role as TenantRole;
    }
    const tags = [`session:${claims.sessionId}`, `user:${claims.userId}`] as const;
    return {
      value: {
        kind: 'user',
        userId: claims.userId,
        tenantId: claims.tenantId,
        role,
        platformRole: state.platformRole === 'superadmin' ? 'superadmin' : null,
        scopes: scopesOfRole(role),
        apiKeyId: null,
        label: state.email,
        sessionId: claims.sessionId,
      } satisfies Principal,
      tags: claims.tenantId ? [...tags, `tenant:${claims.tenantId}`] : tags,
    };
  }

  /** External identity: the provider says who it is, our memberships say what they may do. */
  async function fromExternalToken(
    verifier: ExternalTokens,
    token: string,
    tenantId: string | undefined,
  ): Promise<Principal> {
    const identity = await verifier.verify(token);
    const principal = await cache.resolve(`oidc:${identity.subject}:${tenantId ?? '-'}`, () =>
      loadExternal(identity.subject, identity.email, tenantId),
    );
    if (!principal) throw unauthorized('This identity is not linked to an active PlantIntel user');
    return principal;
  }

  function loadExternal(subject: string, email: string | undefined, tenantId: string | undefined) {
    return acrossTenants(db, async (tx) => {
      let user: UserRow | undefined = await findUserByExternalSubject(tx, subject);
      if (!user && email) {
        // First sign-in: link by verified email — never to a platform superadmin, whose account
        // an identity provider must not be able to claim.
        user = await findUserByEmail(tx, email);
        if (user?.platformRole === 'superadmin') user = undefined;
        if (user?.externalSubject && user.externalSubject !== subject) user = undefined;
        if (user && !user.externalSubject) await updateUser(tx, user.id, { externalSubject: subject });
      }
      if (user?.status !== 'active') return null;
      const memberships = await activeMemberships(tx, user.id);
      const chosen = tenantId ? memberships.find((m) => m.tenant.id === tenantId) : memberships[0];
      if (tenantId && !chosen) throw forbidden('You are not an active member of that organisation');
      const role = (chosen?.membership.role as TenantRole | undefined) ?? null;
      const chosenTenant = chosen?.tenant.id ?? null;
      return {
        value: {
          kind: 'user',
          userId: user.id,
          tenantId: chosenTenant,
          role,
          platformRole: user.platformRole === 'superadmin' ? 'superadmin' : null,
          scopes: scopesOfRole(role),
          apiKeyId: null,
          label: user.email,
          sessionId: null,
        } satisfies Principal,
        tags: chosenTenant ? [`user:${user.id}`, `tenant:${chosenTenant}`] : [`user:${user.id}`],
      };
    });
  }

  /** A bearer token or API key on its own (WebSocket connections send one this way). */
  async function authenticateToken(token: string, tenantId?: string): Promise<Principal> {
    try {
      if (token.startsWith(API_KEY_PREFIX)) return await fromApiKey(token);
      if (accessTokens.verifiedBefore(token)) return await fromAccessToken(token);
      const issuer = claimedIssuer(token);
      if (issuer === TOKEN_ISSUER) return await fromAccessToken(token);
      if (externalTokens && issuer === externalTokens.issuer) {
        return await fromExternalToken(externalTokens, token, tenantId);
      }
      throw unauthorized('The access token is invalid');
    } catch (err) {
      if (err instanceof InvalidToken) throw unauthorized(err.message);
      throw err;
    }
  }

  async function authenticate(request: FastifyRequest): Promise<Principal> {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey !== '') return authenticateToken(apiKey);
    const authorization = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) {
      throw unauthorized(
        'Authentication required: send "Authorization: Bearer <token>" or "X-API-Key: <key>"',
      );
    }
    const tenantHeader = request.headers[TENANT_HEADER];
    return authenticateToken(match[1], typeof tenantHeader === 'string' ? tenantHeader : undefined);
  }

  return { authenticate, authenticateToken };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
