// The background machinery every module uses: live push, domain events and jobs. Built once per
// process by the composition root; started when the app is ready, stopped when it closes.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import { type Compute, createCompute } from './compute/compute.ts';
import type { Database } from './db/database.ts';
import { createMaintenance, type Maintenance } from './db/maintenance.ts';
import { pruneReceipts } from './events/events.repo.ts';
import { createEvents, type Events } from './events/events.ts';
import { diagnosticsJob } from './jobs/diagnostics.ts';
import { createJobs, type Jobs, jobExists } from './jobs/jobs.ts';
import { createRealtime, type Realtime } from './realtime/realtime.ts';

export interface Runtime {
  realtime: Realtime;
  events: Events;
  jobs: Jobs;
  /** Hourly housekeeping, in processes that run job workers; modules register their tasks. */
  maintenance: Maintenance;
  /** Worker threads for CPU-bound work. */
  compute: Compute;
  start(options: { workers: boolean; listen: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/** How long the receipts of published events are kept (they only guard against a second delivery). */
export const EVENT_RECEIPTS_RETENTION_DAYS = 7;

export function createRuntime({
  config,
  database,
  logger,
}: {
  config: Config;
  database: Database;
  logger: FastifyBaseLogger;
}): Runtime {
  const db = database.db;
  let events: Events | undefined;
  const realtime = createRealtime({
    database,
    logger,
    loadEvent: (tenantId, id) => (events ? events.load(tenantId, id) : Promise.resolve(undefined)),
  });
  // The embedded database has one process (its data directory is locked): no other process's dead
  // workers or expired claims to look for, and its notifications cannot be lost on the way. Its
  // backstop polls run less often.
  const embedded = database.raw.kind === 'pglite';
  const backstopPollSeconds = embedded ? 120 : 30;
  events = createEvents({
    db,
    database,
    realtime,
    logger,
    maxAttempts: config.eventMaxAttempts,
    backstopPollSeconds,
  });
  const jobs = createJobs({
    db,
    database,
    realtime,
    logger,
    config: {
      workerConcurrency: config.workerConcurrency,
      superviseSeconds: config.jobsSuperviseSeconds ?? (embedded ? 300 : 30),
      backstopPollSeconds,
    },
  });
  jobs.define(diagnosticsJob(db));
  realtime.registerTopic('job', (principal, id) =>
    principal.tenantId ? jobExists(db, principal.tenantId, id) : Promise.resolve(false),
  );
  const ready = events;
  let listening = false;
  const maintenance = createMaintenance({ database, logger });
  const compute = createCompute({ threads: config.computeThreads });
  maintenance.register('events.receipts', (db) => pruneReceipts(db, EVENT_RECEIPTS_RETENTION_DAYS));

  return {
    realtime,
    events: ready,
    jobs,
    maintenance,
    compute,
    async start({ workers, listen }) {
      if (listen) {
        await realtime.start();
        listening = true;
      }
      await jobs.start({ workers });
      await ready.start();
      if (workers) maintenance.start();
    },
    /** Stops everything, even when one part fails (e.g. the database is already gone). */
    async stop() {
      const steps = [
        () => maintenance.stop(),
        () => ready.stop(),
        () => jobs.stop(),
        () => (listening ? realtime.stop() : undefined),
        () => compute.stop(),
      ];
      listening = false;
      for (const step of steps) {
        try {
          await step();
        } catch (err) {
          logger.warn({ err }, 'background services did not stop cleanly');
        }
      }
    },
  };
}
