import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import {
  type Principal,
  ROLE_SCOPES,
  type Scope,
  scopesOfRole,
  type TenantRole,
} from '../../platform/auth/principal.ts';
import {
  type AccessTokens,
  claimedIssuer,
  type ExternalTokens,
  hashToken,
  InvalidToken,
  TOKEN_ISSUER,
} from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { acrossTenants } from '../../platform/db/scope.ts';
import { forbidden, unauthorized } from '../../platform/http/errors.ts';
import { findUsableApiKey, touchApiKey } from './api-keys.repo.ts';
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
  logger: FastifyBaseLogger;
}

/** Turns the credentials a client sends (bearer token, API key, external token) into a principal. */
export function createAuthenticator({ db, accessTokens, externalTokens, logger }: AuthenticatorDeps) {
  const lastTouched = new Map<string, number>();

  async function fromApiKey(key: string): Promise<Principal> {
    const row = await acrossTenants(db, (tx) => findUsableApiKey(tx, hashToken(key)));
    if (!row) throw unauthorized('The API key is invalid, revoked or expired');
    const now = Date.now();
    if (now - (lastTouched.get(row.key.id) ?? 0) > TOUCH_INTERVAL_MS) {
      lastTouched.set(row.key.id, now);
      acrossTenants(db, (tx) => touchApiKey(tx, row.key.id)).catch((err) =>
        logger.warn({ err }, 'could not record API key use'),
      );
    }
    // A key never does more than its creator may do today (a demoted creator's keys shrink too).
    const creatorScopes = new Set<string>(ROLE_SCOPES[row.creatorRole as TenantRole] ?? []);
    const scopes = new Set(row.key.scopes.filter((s): s is Scope => creatorScopes.has(s)));
    return {
      kind: 'apiKey',
      userId: row.key.createdBy,
      tenantId: row.key.tenantId,
      role: null,
      platformRole: null,
      scopes,
      apiKeyId: row.key.id,
      label: row.key.prefix,
      sessionId: null,
    };
  }

  async function fromAccessToken(token: string): Promise<Principal> {
    const claims = await accessTokens.verify(token);
    return {
      kind: 'user',
      userId: claims.userId,
      tenantId: claims.tenantId,
      role: claims.role,
      platformRole: claims.platformRole,
      scopes: scopesOfRole(claims.role),
      apiKeyId: null,
      label: claims.email,
      sessionId: claims.sessionId,
    };
  }

  /** External identity: the provider says who it is, our memberships say what they may do. */
  async function fromExternalToken(
    verifier: ExternalTokens,
    token: string,
    tenantId: string | undefined,
  ): Promise<Principal> {
    const identity = await verifier.verify(token);
    return acrossTenants(db, async (tx) => {
      let user: UserRow | undefined = await findUserByExternalSubject(tx, identity.subject);
      if (!user && identity.email) {
        // First sign-in: link by verified email — never to a platform superadmin, whose account
        // an identity provider must not be able to claim.
        user = await findUserByEmail(tx, identity.email);
        if (user?.platformRole === 'superadmin') user = undefined;
        if (user?.externalSubject && user.externalSubject !== identity.subject) user = undefined;
        if (user && !user.externalSubject)
          await updateUser(tx, user.id, { externalSubject: identity.subject });
      }
      if (user?.status !== 'active') {
        throw unauthorized('This identity is not linked to an active PlantIntel user');
      }
      const memberships = await activeMemberships(tx, user.id);
      const chosen = tenantId ? memberships.find((m) => m.tenant.id === tenantId) : memberships[0];
      if (tenantId && !chosen) throw forbidden('You are not an active member of that organisation');
      const role = (chosen?.membership.role as TenantRole | undefined) ?? null;
      return {
        kind: 'user',
        userId: user.id,
        tenantId: chosen?.tenant.id ?? null,
        role,
        platformRole: user.platformRole === 'superadmin' ? 'superadmin' : null,
        scopes: scopesOfRole(role),
        apiKeyId: null,
        label: user.email,
        sessionId: null,
      } satisfies Principal;
    });
  }

  /** A bearer token or API key on its own (WebSocket connections send one this way). */
  async function authenticateToken(token: string, tenantId?: string): Promise<Principal> {
    try {
      if (token.startsWith(API_KEY_PREFIX)) return await fromApiKey(token);
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
