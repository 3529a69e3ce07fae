// Logs, traces, metrics and the database pool (issue 20).
// Same shape as config.settings.ts: environment variable, default, parser; SETTINGS lists them all.

import { integer } from './config.parsers.ts';
import type { Config, Setting } from './config.settings.ts';

export type ObservabilityConfig = {
  /** PostgreSQL connections per process for requests and workers (the job queue has 4 of its own). */
  databasePoolSize: number;
};

export const OBSERVABILITY_SETTINGS = [
  {
    key: 'databasePoolSize',
    env: 'DATABASE_POOL_SIZE',
    description:
      'PostgreSQL connections each process opens for requests and job workers (the job queue adds 4, live push 1); unused with the embedded database',
    fallback: () => 10,
    parse: integer(1, 1000),
  },
] as const satisfies readonly Setting<keyof Config>[];
