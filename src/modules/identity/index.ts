// The identity module's public surface: authentication for the platform, its HTTP routes, and the
// bootstrap / demo / CLI operations. Other modules use nothing else of it.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { AccessTokens, ExternalTokens } from '../../platform/auth/tokens.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import type { Events } from '../../platform/events/events.ts';
import type { App } from '../../platform/http/types.ts';
import { adminRoutes } from './admin.routes.ts';
import { type ApiKeysService, createApiKeysService } from './api-keys.service.ts';
import { createAuditService } from './audit.service.ts';
import { authRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';
import { createAuthenticator } from './authenticate.ts';
import { createCustomersService } from './customers.service.ts';
import { IDENTITY_SCHEMAS } from './identity.schemas.ts';
import { pruneLoginAttempts } from './login-attempts.repo.ts';
import { affectsPrincipal, createRevocations } from './revocations.ts';
import { pruneRefreshTokens } from './sessions.repo.ts';
import { loadSigningKey } from './signing-key.ts';
import { tenantRoutes } from './tenant.routes.ts';
import { createUsersService } from './users.service.ts';

export type { ApiKeysService, NewApiKey } from './api-keys.service.ts';
export { type AuditEvent, recordAudit } from './audit.service.ts';
export {
  type Announce,
  createUserFromCli,
  DEMO_TENANT,
  DEMO_USERS,
  ensureSuperadmin,
  seedDemoTenant,
} from './bootstrap.ts';
export { facilityInScope, findTenantByName } from './customers.repo.ts';

export interface IdentityDeps {
  db: Db;
  /** For the credential-change notifications every process listens to. */
  database: Database;
  config: Config;
  logger: FastifyBaseLogger;
  /** Member changes are domain events (pushed live on the `tenant` topic). */
  events: Pick<Events, 'record'>;
}

/** How long sign-in attempts are kept (at least one rate-limit window). */
export const LOGIN_ATTEMPTS_RETENTION_DAYS = 31;
/** How long a refresh token of an ended sign-in is kept after it expired. */
export const REFRESH_TOKENS_GRACE_DAYS = 1;

export async function createIdentity({ db, database, config, logger, events }: IdentityDeps) {
  const accessTokens = new AccessTokens(
    await loadSigningKey(db, config.jwtSecret),
    config.accessTokenTtlSeconds,
  );
  const externalTokens =
    config.oidcJwksUrl && config.oidcIssuer
      ? new ExternalTokens({
          jwksUrl: config.oidcJwksUrl,
          issuer: config.oidcIssuer,
          audience: config.oidcAudience,
        })
      : undefined;
  const revocations = createRevocations({ database, ttlMs: config.authCacheMs, logger });
  const authenticator = createAuthenticator({ db, accessTokens, externalTokens, revocations, logger });
  const auth = createAuthService({ db, accessTokens, revocations, settings: config });
  const users = createUsersService({ db, events, revocations });
  const apiKeys = createApiKeysService({ db, revocations, maxLifetimeDays: config.apiKeyMaxLifetimeDays });
  const customers = createCustomersService({ db, revocations });
  const audit = createAuditService({ db });

  return {
    authenticate: authenticator.authenticate,
    authenticateToken: authenticator.authenticateToken,
    /**
     * Calls `listener` after every committed change that may end or narrow a credential, with a
     * test of which principals it may affect.
     */
    onCredentialsChanged: (listener: (affects: (principal: Principal) => boolean) => void) =>
      revocations.onRevoked((tag) => listener((principal) => affectsPrincipal(tag, principal))),
    /** Listens for credential changes of other processes; call when the app is ready. */
    start: () => revocations.start(),
    stop: () => revocations.stop(),
    /** The credential cache's lookups in this process (hits, misses), for /metrics. */
    credentialLookups: revocations.cache.lookups as Readonly<{ hit: number; miss: number }>,
    /** Housekeeping: sign-in attempts and ended sign-ins' refresh tokens past their retention. */
    maintenanceTasks: {
      'identity.login-attempts': (db: Db) =>
        pruneLoginAttempts(
          db,
          Math.max(LOGIN_ATTEMPTS_RETENTION_DAYS, Math.ceil(config.loginWindowSeconds / 86_400)),
        ),
      'identity.refresh-tokens': (db: Db) => pruneRefreshTokens(db, REFRESH_TOKENS_GRACE_DAYS),
    },
    /** API keys, for modules that issue keys bound to something of theirs (AI workspace keys). */
    apiKeys: { create: apiKeys.create, revoke: apiKeys.revoke } satisfies Pick<
      ApiKeysService,
      'create' | 'revoke'
    >,
    /** Registers the identity routes; call inside the /api/v1 scope. */
    routes(app: App) {
      for (const schema of IDENTITY_SCHEMAS) app.addSchema(schema);
      authRoutes(app, auth);
      adminRoutes(app, { customers, users });
      tenantRoutes(app, { audit, users, apiKeys, customers });
    },
  };
}

export type Identity = Awaited<ReturnType<typeof createIdentity>>;
