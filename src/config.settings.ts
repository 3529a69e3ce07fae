// Every setting PlantIntel reads, with its environment variable, default and parser. config.ts
// reads them (from the environment and the optional YAML file); nothing here touches process.env.
import {
  boolean,
  databaseUrl,
  email,
  httpUrl,
  integer,
  type LogLevel,
  logLevel,
  optionalText,
  origins,
  type Raw,
  secret,
  type TrustProxy,
  text,
  trustProxy,
} from './config.parsers.ts';
import { LIMIT_SETTINGS, type LimitsConfig } from './config.settings.limits.ts';
import { LOGGING_SETTINGS, type LoggingConfig } from './config.settings.logging.ts';
import {
  AI_SETTINGS,
  FILE_SETTINGS,
  type ModulesConfig,
  NOTIFICATION_SETTINGS,
  TELEMETRY_SETTINGS,
} from './config.settings.modules.ts';
import { OBSERVABILITY_SETTINGS, type ObservabilityConfig } from './config.settings.observability.ts';
import { RATE_LIMIT_SETTINGS, type RateLimitConfig } from './config.settings.ratelimit.ts';
import type { EmbeddingSettings } from './modules/pipelines/cache/embedders.ts';
import { defaultComputeThreads } from './platform/compute/compute.ts';

export interface Config
  extends ModulesConfig,
    RateLimitConfig,
    ObservabilityConfig,
    LimitsConfig,
    LoggingConfig,
    EmbeddingSettings {
  version: string;
  port: number;
  host: string;
  dataDir: string;
  /** Absent → embedded PGlite stored under dataDir. */
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  /** Browser origins allowed to call the API cross-origin; empty = same origin only. */
  corsOrigins: string[];
  bodyLimitBytes: number;
  /** Which reverse proxies' X-Forwarded-For to believe for the client address (rate limits, audit). */
  trustProxy: TrustProxy;
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** HMAC key for access tokens; absent → a random key generated once and kept in the database. */
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Failed logins allowed per (email, client address) pair, and per address, before 429. */
  loginMaxFailuresPerEmail: number;
  loginMaxFailuresPerIp: number;
  loginWindowSeconds: number;
  /** Failures of one email (from any address) after which every attempt on it is slowed down. */
  loginSlowdownAfter: number;
  loginMaxDelayMs: number;
  /** How long a credential's checked state is reused before the database is asked again. */
  authCacheMs: number;
  /** Longest lifetime an API key may be given. */
  apiKeyMaxLifetimeDays: number;
  /** External identity provider: both set → its JWTs are accepted and mapped to our users. */
  oidcJwksUrl: string | undefined;
  oidcIssuer: string | undefined;
  oidcAudience: string | undefined;
  /** The platform superadmin created on first start. */
  adminEmail: string;
  adminPassword: string | undefined;
  /** Seed the demo tenant on the first start of a fresh embedded database. */
  demo: boolean;
  /** Start a fresh embedded database from the migrated dump built at install (see db/baseline.ts). */
  embeddedBaseline: boolean;
  demoPassword: string | undefined;
  /** Run the demo tenant's sensor simulator in `serve` (feeds the real ingest path). */
  simulator: boolean;
  /** Run job workers inside `serve` (false: only `plantintel worker` processes run jobs). */
  workers: boolean;
  workerConcurrency: number;
  /** Worker threads for CPU-bound work (OEE, analyses); started on demand, ended when idle. */
  computeThreads: number;
  /** Unset → 30 s on PostgreSQL, 300 s on the embedded database (one process: no other's dead workers). */
  jobsSuperviseSeconds: number | undefined;
  /** How many days back a status change or batch start/completion may be dated. */
  plantBackdateDays: number;
  /** Failed deliveries of an event before it is dead (left for an admin to redeliver). */
  eventMaxAttempts: number;
  wsHeartbeatSeconds: number;
  wsBatchMs: number;
  /** Password for `plantintel user create`; unset → generated and printed once. */
  newUserPassword: string | undefined;
  /** Path of the optional YAML file the values were merged from. */
  configFile: string | undefined;
}

export interface Setting<K extends keyof Config> {
  key: K;
  env: string;
  description: string;
  fallback: () => Config[K];
  parse: (raw: Raw, name: string) => Config[K];
  secret?: boolean;
}

/** Every setting, with its environment variable. The README's configuration table mirrors this list. */
export const SETTINGS = [
  { key: 'port', env: 'PORT', description: 'HTTP port', fallback: () => 8080, parse: integer(0, 65535) },
  {
    key: 'host',
    env: 'HOST',
    description: 'Interface to listen on',
    fallback: () => '127.0.0.1',
    parse: text,
  },
  {
    key: 'dataDir',
    env: 'DATA_DIR',
    description: 'Directory for the embedded database and stored files',
    fallback: () => './data',
    parse: text,
  },
  {
    key: 'databaseUrl',
    env: 'DATABASE_URL',
    description: 'PostgreSQL connection URL; unset → embedded PGlite in DATA_DIR',
    fallback: () => undefined,
    parse: databaseUrl,
    secret: true,
  },
  { key: 'logLevel', env: 'LOG_LEVEL', description: 'Log level', fallback: () => 'info', parse: logLevel },
  {
    key: 'corsOrigins',
    env: 'CORS_ORIGINS',
    description: 'Comma-separated origins allowed cross-origin; empty = same origin only',
    fallback: () => [],
    parse: origins,
  },
  {
    key: 'bodyLimitBytes',
    env: 'BODY_LIMIT_BYTES',
    description: 'Largest accepted JSON request body in bytes (larger → 413)',
    fallback: () => 1_048_576,
    parse: integer(1024, 1_073_741_824),
  },
  {
    key: 'trustProxy',
    env: 'TRUST_PROXY',
    description: 'Proxies whose X-Forwarded-For is believed: false, true (all), a hop count or IPs/CIDRs',
    fallback: () => false,
    parse: trustProxy,
  },
  {
    key: 'metricsToken',
    env: 'METRICS_TOKEN',
    description: 'When set, GET /metrics requires this bearer token',
    fallback: () => undefined,
    parse: optionalText,
    secret: true,
  },
  {
    key: 'jwtSecret',
    env: 'JWT_SECRET',
    description: 'Key that signs access tokens (≥ 32 chars); unset → generated once and kept in the database',
    fallback: () => undefined,
    parse: secret(32),
    secret: true,
  },
  {
    key: 'accessTokenTtlSeconds',
    env: 'ACCESS_TOKEN_TTL_SECONDS',
    description: 'Lifetime of access tokens',
    fallback: () => 900,
    parse: integer(30, 86_400),
  },
  {
    key: 'refreshTokenTtlSeconds',
    env: 'REFRESH_TOKEN_TTL_SECONDS',
    description: 'Lifetime of refresh tokens',
    fallback: () => 604_800,
    parse: integer(300, 7_776_000),
  },
  {
    key: 'loginMaxFailuresPerEmail',
    env: 'LOGIN_MAX_FAILURES_PER_EMAIL',
    description: 'Failed logins per email from one client address within LOGIN_WINDOW_SECONDS before 429',
    fallback: () => 5,
    parse: integer(1, 10_000),
  },
  {
    key: 'loginMaxFailuresPerIp',
    env: 'LOGIN_MAX_FAILURES_PER_IP',
    description:
      'Failed logins per client address within LOGIN_WINDOW_SECONDS before 429 (not for emails signed in from there before)',
    fallback: () => 20,
    parse: integer(1, 100_000),
  },
  {
    key: 'loginWindowSeconds',
    env: 'LOGIN_WINDOW_SECONDS',
    description: 'Window of the login rate limits',
    fallback: () => 900,
    parse: integer(1, 86_400),
  },
  {
    key: 'loginSlowdownAfter',
    env: 'LOGIN_SLOWDOWN_AFTER',
    description:
      'Failed logins of one email (any address) in the window after which attempts on it are delayed',
    fallback: () => 10,
    parse: integer(1, 100_000),
  },
  {
    key: 'loginMaxDelayMs',
    env: 'LOGIN_MAX_DELAY_MS',
    description: 'Longest delay of a slowed-down sign-in',
    fallback: () => 5000,
    parse: integer(0, 60_000),
  },
  {
    key: 'authCacheMs',
    env: 'AUTH_CACHE_MS',
    description: 'How long a checked credential is trusted before the database is asked again',
    fallback: () => 1000,
    parse: integer(0, 2000),
  },
  {
    key: 'apiKeyMaxLifetimeDays',
    env: 'API_KEY_MAX_LIFETIME_DAYS',
    description: 'Longest lifetime of an API key',
    fallback: () => 365,
    parse: integer(1, 3650),
  },
  {
    key: 'oidcJwksUrl',
    env: 'OIDC_JWKS_URL',
    description: 'JWKS URL of an external identity provider (with OIDC_ISSUER)',
    fallback: () => undefined,
    parse: httpUrl,
  },
  {
    key: 'oidcIssuer',
    env: 'OIDC_ISSUER',
    description: 'Issuer (iss) of the external identity provider',
    fallback: () => undefined,
    parse: optionalText,
  },
  {
    key: 'oidcAudience',
    env: 'OIDC_AUDIENCE',
    description: 'Audience (aud) the external tokens must carry; unset → not checked',
    fallback: () => undefined,
    parse: optionalText,
  },
  {
    key: 'adminEmail',
    env: 'PLANTINTEL_ADMIN_EMAIL',
    description: 'Email of the platform superadmin created on first start',
    fallback: () => 'admin@plantintel.local',
    parse: email,
  },
  {
    key: 'adminPassword',
    env: 'PLANTINTEL_ADMIN_PASSWORD',
    description: 'Password of that superadmin; unset → a random one, printed once',
    fallback: () => undefined,
    parse: secret(8),
    secret: true,
  },
  {
    key: 'demo',
    env: 'PLANTINTEL_DEMO',
    description: 'Seed the demo tenant on the first start of a fresh embedded database',
    fallback: () => true,
    parse: boolean,
  },
  {
    key: 'embeddedBaseline',
    env: 'PLANTINTEL_EMBEDDED_BASELINE',
    description:
      'Start a fresh embedded database from the migrated dump `npm install` builds (`npm run db:baseline`) instead of replaying every migration (0 = replay them)',
    fallback: () => true,
    parse: boolean,
  },
  {
    key: 'demoPassword',
    env: 'PLANTINTEL_DEMO_PASSWORD',
    description: 'Password of the demo users; unset → a random one, printed once',
    fallback: () => undefined,
    parse: secret(8),
    secret: true,
  },
  {
    key: 'simulator',
    env: 'PLANTINTEL_SIMULATOR',
    description:
      "Run the demo tenant's sensor simulator (through the real ingest path) when the demo tenant exists",
    fallback: () => true,
    parse: boolean,
  },
  {
    key: 'workers',
    env: 'WORKERS',
    description: 'Run background job workers inside `serve` (0 = HTTP only; run `plantintel worker` instead)',
    fallback: () => true,
    parse: boolean,
  },
  {
    key: 'workerConcurrency',
    env: 'WORKER_CONCURRENCY',
    description: 'Jobs of each type one process runs at once',
    fallback: () => 2,
    parse: integer(1, 64),
  },
  {
    key: 'computeThreads',
    env: 'COMPUTE_THREADS',
    description: 'Worker threads for CPU-bound work such as OEE (started on demand, ended after 30 s idle)',
    fallback: () => defaultComputeThreads(),
    parse: integer(1, 64),
  },
  {
    key: 'jobsSuperviseSeconds',
    env: 'JOBS_SUPERVISE_SECONDS',
    description:
      'How often the queue looks for jobs whose worker died or timed out (unset: 30 s on PostgreSQL, 300 s embedded)',
    fallback: () => undefined,
    parse: integer(1, 3600),
  },
  {
    key: 'plantBackdateDays',
    env: 'PLANT_BACKDATE_DAYS',
    description: 'How far back a status change, batch start or completion may be dated (`at`)',
    fallback: () => 31,
    parse: integer(1, 366),
  },
  {
    key: 'eventMaxAttempts',
    env: 'EVENT_MAX_ATTEMPTS',
    description: 'Failed deliveries of a domain event before it is given up (dead) for an admin to redeliver',
    fallback: () => 10,
    parse: integer(1, 100),
  },
  {
    key: 'wsHeartbeatSeconds',
    env: 'WS_HEARTBEAT_SECONDS',
    description: 'WebSocket ping interval; a client that misses one is disconnected',
    fallback: () => 30,
    parse: integer(1, 3600),
  },
  {
    key: 'wsBatchMs',
    env: 'WS_BATCH_MS',
    description: 'Frames to one WebSocket client within this window are written together (0 = never wait)',
    fallback: () => 15,
    parse: integer(0, 1000),
  },
  {
    key: 'newUserPassword',
    env: 'PLANTINTEL_USER_PASSWORD',
    description: 'Password given by `plantintel user create`; unset → a random one, printed once',
    fallback: () => undefined,
    parse: secret(8),
    secret: true,
  },
  ...FILE_SETTINGS,
  ...TELEMETRY_SETTINGS,
  ...AI_SETTINGS,
  ...NOTIFICATION_SETTINGS,
  ...RATE_LIMIT_SETTINGS,
  ...OBSERVABILITY_SETTINGS,
  ...LIMIT_SETTINGS,
  ...LOGGING_SETTINGS,
] as const satisfies readonly Setting<keyof Config>[];
