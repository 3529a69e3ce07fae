// Scheduled analyses (issue 19): schedules per facility with a watched-folder or URL source and a
// mapping profile; runs import, analyse and compare with the previous run, on pg-boss's scheduler.
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { acrossTenants } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import type { App } from '../../platform/http/types.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { AnalysesService } from '../analytics/analyses.service.ts';
import type { ImportsService } from '../analytics/imports.service.ts';
import { scheduleRunJob } from './run.job.ts';
import { pruneSkippedRuns } from './schedules.repo.ts';
import { schedulesRoutes } from './schedules.routes.ts';
import { SCHEDULE_SCHEMAS } from './schedules.schemas.ts';
import { createSchedulesService } from './schedules.service.ts';

export interface SchedulesDeps {
  db: Db;
  jobs: Pick<Jobs, 'enqueue' | 'define' | 'every'>;
  events: Pick<Events, 'record'>;
  imports: Pick<ImportsService, 'store' | 'upload' | 'maxBytes'>;
  analyses: Pick<AnalysesService, 'startForImport'>;
  logger: FastifyBaseLogger;
  dataDir: string;
  stableSeconds: number;
  fetchTimeoutSeconds: number;
}

/** The scheduler's tick: pg-boss runs it once per minute for the whole deployment. */
export const SCHEDULES_TICK = 'schedules.tick';
/** Runs that found nothing to take are kept this long (the latest of each schedule always). */
const SKIPPED_RUNS_DAYS = 7;

export function createSchedules(deps: SchedulesDeps) {
  const inboxRoot = join(deps.dataDir, 'inbox');
  const schedules = createSchedulesService({ db: deps.db, jobs: deps.jobs, inboxRoot, logger: deps.logger });
  deps.jobs.define(
    scheduleRunJob({
      db: deps.db,
      events: deps.events,
      imports: deps.imports,
      analyses: deps.analyses,
      inboxRoot,
      stableMs: deps.stableSeconds * 1000,
      fetchTimeoutMs: deps.fetchTimeoutSeconds * 1000,
      maxBytes: deps.imports.maxBytes,
    }),
  );
  deps.jobs.every({
    name: SCHEDULES_TICK,
    cron: '* * * * *',
    run: async () => {
      await schedules.tick();
    },
  });
  return {
    schedules,
    /** Housekeeping: old runs that found nothing to take. */
    maintenanceTasks: {
      'schedules.skipped-runs': (db: Db) =>
        acrossTenants(db, (tx) => pruneSkippedRuns(tx, SKIPPED_RUNS_DAYS)),
    },
    routes(app: App) {
      for (const schema of SCHEDULE_SCHEMAS) app.addSchema(schema);
      schedulesRoutes(app, { schedules });
    },
  };
}

export type Schedules = ReturnType<typeof createSchedules>;
