// The background machinery every module uses: live push, domain events and jobs. Built once per
// process by the composition root; started when the app is ready, stopped when it closes.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from './db/database.ts';
import { scheduleStatistics } from './db/maintenance.ts';
import { createEvents, type Events } from './events/events.ts';
import { diagnosticsJob } from './jobs/diagnostics.ts';
import { createJobs, type Jobs, jobExists } from './jobs/jobs.ts';
import { createRealtime, type Realtime } from './realtime/realtime.ts';

export interface Runtime {
  realtime: Realtime;
  events: Events;
  jobs: Jobs;
  start(options: { workers: boolean; listen: boolean }): Promise<void>;
  stop(): Promise<void>;
}

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
  events = createEvents({ db, database, realtime, logger, maxAttempts: config.eventMaxAttempts });
  const jobs = createJobs({
    db,
    database,
    realtime,
    logger,
    config: { workerConcurrency: config.workerConcurrency, superviseSeconds: config.jobsSuperviseSeconds },
  });
  jobs.define(diagnosticsJob(db));
  realtime.registerTopic('job', (principal, id) =>
    principal.tenantId ? jobExists(db, principal.tenantId, id) : Promise.resolve(false),
  );
  const ready = events;
  let listening = false;
  let stopStatistics = () => {};

  return {
    realtime,
    events: ready,
    jobs,
    async start({ workers, listen }) {
      if (listen) {
        await realtime.start();
        listening = true;
      }
      await jobs.start({ workers });
      await ready.start();
      stopStatistics = scheduleStatistics(database, logger);
    },
    /** Stops everything, even when one part fails (e.g. the database is already gone). */
    async stop() {
      stopStatistics();
      const steps = [() => ready.stop(), () => jobs.stop(), () => (listening ? realtime.stop() : undefined)];
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
