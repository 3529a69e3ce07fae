import type { Principal, Scope } from '../../platform/auth/principal.ts';
import { hashToken, randomToken } from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTenant, readInTenant, tenantOf } from '../../platform/db/scope.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { findApiKey, insertApiKey, listApiKeys, revokeApiKey } from './api-keys.repo.ts';
import { type RequestMeta, recordAudit } from './audit.service.ts';
import { API_KEY_PREFIX } from './authenticate.ts';
import type { Revocations } from './revocations.ts';

export const DEFAULT_KEY_LIFETIME_DAYS = 90;

export interface NewApiKey {
  name: string;
  scopes: Scope[];
  /** Omitted → DEFAULT_KEY_LIFETIME_DAYS from now; never later than the configured maximum. */
  expiresAt?: Date | undefined;
}

/**
 * Who may see and revoke which keys: a signed-in user their own (admins every key of the tenant);
 * an API key only with the `admin` scope — a key is never its creator's whole identity.
 */
function keyManager(principal: Principal): { createdBy: string | undefined } {
  const admin = principal.scopes.has('admin');
  if (principal.kind === 'apiKey' && !admin) {
    throw forbidden('Managing API keys with an API key needs the scope "admin"');
  }
  return { createdBy: admin ? undefined : principal.userId };
}

/** API keys act for their creator's tenant with scopes no wider than the creator's role. */
export function createApiKeysService({
  db,
  revocations,
  maxLifetimeDays,
}: {
  db: Db;
  revocations: Pick<Revocations, 'revoke'>;
  maxLifetimeDays: number;
}) {
  async function create(principal: Principal, input: NewApiKey, meta: RequestMeta) {
    if (principal.kind !== 'user') throw forbidden('API keys cannot create API keys; sign in as a user');
    const wider = input.scopes.filter((s) => !principal.scopes.has(s));
    if (wider.length > 0) {
      throw forbidden(`Scopes wider than your role (${principal.role}): ${wider.join(', ')}`);
    }
    const lifetimeDays = Math.min(DEFAULT_KEY_LIFETIME_DAYS, maxLifetimeDays);
    const expiresAt = input.expiresAt ?? new Date(Date.now() + lifetimeDays * 86_400_000);
    if (expiresAt.getTime() <= Date.now()) throw badRequest('expiresAt must be in the future');
    if (expiresAt.getTime() > Date.now() + maxLifetimeDays * 86_400_000) {
      throw badRequest(`An API key may live at most ${maxLifetimeDays} days; choose an earlier expiresAt`);
    }
    const key = `${API_KEY_PREFIX}${randomToken(24)}`;
    const tenantId = tenantOf(principal);
    const row = await inTenant(db, tenantId, async (tx) => {
      const inserted = await insertApiKey(tx, {
        tenantId,
        createdBy: principal.userId,
        name: input.name,
        prefix: key.slice(0, API_KEY_PREFIX.length + 8),
        secretHash: hashToken(key),
        scopes: [...new Set(input.scopes)],
        expiresAt,
      });
      await recordAudit(tx, principal, meta, {
        action: 'api_key.create',
        targetType: 'api_key',
        targetId: inserted.id,
        details: { name: input.name, scopes: inserted.scopes, expiresAt },
      });
      return inserted;
    });
    return { row, creatorEmail: principal.label, key };
  }

  /** Admins see every key of the tenant; everyone else sees their own. */
  function list(principal: Principal, filter: { includeRevoked: boolean; limit: number; offset: number }) {
    const { createdBy } = keyManager(principal);
    return readInTenant(db, tenantOf(principal), (tx) => listApiKeys(tx, { ...filter, createdBy }));
  }

  async function revoke(principal: Principal, id: string, meta: RequestMeta) {
    const { createdBy } = keyManager(principal);
    await inTenant(db, tenantOf(principal), async (tx) => {
      const found = await findApiKey(tx, id);
      // Someone else's key is "not found" for a non-admin: no hint that it exists.
      if (!found || (createdBy !== undefined && found.key.createdBy !== createdBy)) {
        throw notFound('API key');
      }
      await revokeApiKey(tx, id);
      await revocations.revoke(tx, `key:${id}`);
      await recordAudit(tx, principal, meta, {
        action: 'api_key.revoke',
        targetType: 'api_key',
        targetId: id,
        details: { name: found.key.name },
      });
    });
  }

  return { create, list, revoke };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
