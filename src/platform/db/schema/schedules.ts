import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { analyses } from './analyses.ts';
import { imports, mappingProfiles } from './analytics.ts';
import { createdAt, updatedAt } from './columns.ts';
import { facilities, tenantRef } from './identity.ts';

// Scheduled analyses (issue 19): a schedule fetches a file (a watched folder or a URL) on a cron
// expression evaluated in its facility's time zone, imports it with a mapping profile, analyses it
// and compares the analysis with the previous run's. One run per (schedule, slot), by the database.

const at = (name: string) => timestamp(name, { withTimezone: true });

export const analysisSchedules = pgTable(
  'analysis_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    cron: text('cron').notNull(),
    /** `folder`: DATA_DIR/inbox/<facility code>/; `url`: an HTTP(S) GET. */
    sourceKind: text('source_kind').notNull(),
    url: text('url'),
    /** Request headers for the URL (API tokens): stored, only ever shown masked. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** Null once the profile is deleted: the next run then fails with that reason. */
    profileId: uuid('profile_id').references(() => mappingProfiles.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('active'),
    /** The next slot the scheduler will run (null while paused). */
    nextRunAt: at('next_run_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('analysis_schedules_name_key').on(t.tenantId, t.name),
    index('analysis_schedules_due_idx').on(t.nextRunAt).where(sql`${t.status} = 'active'`),
    check('analysis_schedules_status_check', sql`${t.status} in ('active', 'paused')`),
    check('analysis_schedules_source_check', sql`${t.sourceKind} in ('folder', 'url')`),
  ],
);

/** One run of a schedule: a slot of its cron expression, or a "run now". */
export const analysisScheduleRuns = pgTable(
  'analysis_schedule_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => analysisSchedules.id, { onDelete: 'cascade' }),
    /** The cron occurrence this run is for (a manual run: the moment it was asked for). */
    slot: at('slot').notNull(),
    trigger: text('trigger').notNull(),
    status: text('status').notNull().default('queued'),
    /** The file taken: its name in the folder, or the URL's last path segment. */
    fileName: text('file_name'),
    importId: uuid('import_id').references(() => imports.id, { onDelete: 'set null' }),
    analysisId: uuid('analysis_id').references(() => analyses.id, { onDelete: 'set null' }),
    /** Why the run failed, or why it had nothing to do (skipped). */
    error: text('error'),
    /** Against the previous successful run: new, worse and resolved insights, and the run compared with. */
    comparison: jsonb('comparison').$type<Record<string, unknown>>(),
    /** Milliseconds per phase (fetch, import, analysis, total). */
    timings: jsonb('timings').$type<Record<string, number>>().notNull().default({}),
    jobId: text('job_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
  },
  (t) => [
    uniqueIndex('analysis_schedule_runs_slot_key').on(t.scheduleId, t.slot),
    index('analysis_schedule_runs_schedule_idx').on(t.scheduleId, t.createdAt),
    check('analysis_schedule_runs_trigger_check', sql`${t.trigger} in ('schedule', 'manual')`),
    check(
      'analysis_schedule_runs_status_check',
      sql`${t.status} in ('queued', 'running', 'completed', 'failed', 'skipped')`,
    ),
  ],
);
