// Rate limits per API key, user and client address on /api routes (issue 20).
// Same shape as config.settings.ts: environment variable, default, parser; SETTINGS lists them all.
// The engine and its design: src/platform/http/rate-limit/.

import { boolean, integer } from './config.parsers.ts';
import type { Config, Setting } from './config.settings.ts';

export interface RateLimitConfig {
  /** Master switch: off → no limits and no RateLimit-* headers. */
  rateLimitEnabled: boolean;
  /** Requests per minute for one API key or one signed-in user, per route class. */
  rateLimitReadsPerMinute: number;
  rateLimitWritesPerMinute: number;
  rateLimitIngestPerMinute: number;
  rateLimitAiPerMinute: number;
  /** Requests per minute from one client address (whoever is or is not signed in), per route class. */
  rateLimitAddressReadsPerMinute: number;
  rateLimitAddressWritesPerMinute: number;
  rateLimitAddressIngestPerMinute: number;
  rateLimitAddressAiPerMinute: number;
  /** PostgreSQL: how often (ms) a process exchanges its counts with the others. */
  rateLimitSyncMs: number;
}

const budget = integer(1, 100_000_000);
const PER_PRINCIPAL = 'for one API key or one signed-in user';
const PER_ADDRESS = 'from one client address (before authentication; see TRUST_PROXY)';

export const RATE_LIMIT_SETTINGS = [
  {
    key: 'rateLimitEnabled',
    env: 'RATE_LIMIT_ENABLED',
    description:
      'Rate limits on every /api route (429 with Retry-After, RateLimit-* headers on every answer); false turns them off',
    fallback: () => true,
    parse: boolean,
  },
  {
    key: 'rateLimitReadsPerMinute',
    env: 'RATE_LIMIT_READS_PER_MINUTE',
    description: `Reads (GET, HEAD) per minute ${PER_PRINCIPAL}`,
    fallback: () => 3000,
    parse: budget,
  },
  {
    key: 'rateLimitWritesPerMinute',
    env: 'RATE_LIMIT_WRITES_PER_MINUTE',
    description: `Writes (POST, PUT, PATCH, DELETE other than ingest and AI) per minute ${PER_PRINCIPAL}`,
    fallback: () => 1200,
    parse: budget,
  },
  {
    key: 'rateLimitIngestPerMinute',
    env: 'RATE_LIMIT_INGEST_PER_MINUTE',
    description: `Telemetry ingest calls (sensor readings, bulk, line protocol, sensor CSV import) per minute ${PER_PRINCIPAL}`,
    fallback: () => 30_000,
    parse: budget,
  },
  {
    key: 'rateLimitAiPerMinute',
    env: 'RATE_LIMIT_AI_PER_MINUTE',
    description: `AI calls (the gateway's chat/completions and messages, analysis chat, pipeline generation) per minute ${PER_PRINCIPAL}`,
    fallback: () => 300,
    parse: budget,
  },
  {
    key: 'rateLimitAddressReadsPerMinute',
    env: 'RATE_LIMIT_ADDRESS_READS_PER_MINUTE',
    description: `Reads per minute ${PER_ADDRESS}`,
    fallback: () => 12_000,
    parse: budget,
  },
  {
    key: 'rateLimitAddressWritesPerMinute',
    env: 'RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE',
    description: `Writes per minute ${PER_ADDRESS}`,
    fallback: () => 6000,
    parse: budget,
  },
  {
    key: 'rateLimitAddressIngestPerMinute',
    env: 'RATE_LIMIT_ADDRESS_INGEST_PER_MINUTE',
    description: `Telemetry ingest calls per minute ${PER_ADDRESS}`,
    fallback: () => 120_000,
    parse: budget,
  },
  {
    key: 'rateLimitAddressAiPerMinute',
    env: 'RATE_LIMIT_ADDRESS_AI_PER_MINUTE',
    description: `AI calls per minute ${PER_ADDRESS}`,
    fallback: () => 1200,
    parse: budget,
  },
  {
    key: 'rateLimitSyncMs',
    env: 'RATE_LIMIT_SYNC_MS',
    description:
      "PostgreSQL: how often (ms) each serve process adds its counts to the shared table and reads the others' (sooner when a key nears its budget; nothing while idle)",
    fallback: () => 1000,
    parse: integer(50, 60_000),
  },
] as const satisfies readonly Setting<keyof Config>[];
