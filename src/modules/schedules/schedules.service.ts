// Scheduled analyses, the request side: schedules (validated cron in the facility's time zone, a
// source, a profile), pause/resume, run now, run history, the preview of the next runs; and the
// scheduler's tick, which turns every due slot into exactly one run (see `tick`).
import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inCallerTenant, inTenant, readAcrossTenants, readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest, conflict, conflictOnUnique, notFound } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { findProfile } from '../analytics/profiles.repo.ts';
import { facilityInScope } from '../identity/index.ts';
import { CronError, dueSlot, isTimeZone, nextRun, nextRuns, validateCron } from './cron.ts';
import {
  claimSlot,
  deleteSchedule,
  dueSchedules,
  findSchedule,
  insertSchedule,
  lastRuns,
  listRuns,
  listSchedules,
  lockDue,
  type RunRow,
  type ScheduleView,
  updateRun,
  updateSchedule,
} from './schedules.repo.ts';
import { ensureInbox } from './sources.ts';

export interface ScheduleInput {
  name: string;
  facilityId: string;
  cron: string;
  source: { kind: 'folder' } | { kind: 'url'; url: string; headers?: Record<string, string> | undefined };
  profileId: string;
  status?: 'active' | 'paused' | undefined;
}

export type ScheduleUpdate = Partial<Omit<ScheduleInput, 'facilityId'>>;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers fetch sets itself, or that would change what is fetched rather than authorise it. */
const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'expect']);

function checkSource(source: ScheduleInput['source']) {
  if (source.kind === 'folder') return { sourceKind: 'folder', url: null, headers: {} };
  let url: URL;
  try {
    url = new URL(source.url);
  } catch {
    throw badRequest(`"${source.url}" is not a URL`, [{ path: '/source/url', message: 'not a URL' }]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw badRequest('The source URL must be http:// or https://', [
      { path: '/source/url', message: 'not HTTP(S)' },
    ]);
  const headers = source.headers ?? {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || RESERVED.has(name.toLowerCase()))
      throw badRequest(`"${name}" cannot be sent as a header`, [
        { path: `/source/headers/${name}`, message: 'not allowed' },
      ]);
    if (/[\r\n]/.test(value))
      throw badRequest(`The value of header "${name}" has a line break`, [
        { path: `/source/headers/${name}`, message: 'line break' },
      ]);
  }
  return { sourceKind: 'url', url: url.toString(), headers };
}

export function createSchedulesService(deps: {
  db: Db;
  jobs: Pick<Jobs, 'enqueue'>;
  inboxRoot: string;
  logger: FastifyBaseLogger;
}) {
  const { db, jobs, inboxRoot, logger } = deps;

  const cronOrBadRequest = (cron: string, timezone: string) => {
    try {
      return validateCron(cron, timezone);
    } catch (err) {
      if (err instanceof CronError) throw badRequest(err.message, [{ path: '/cron', message: err.message }]);
      throw err;
    }
  };

  async function get(principal: Principal, id: string): Promise<ScheduleView> {
    const row = await readInCallerTenant(db, principal, (tx) => findSchedule(tx, id));
    if (!row) throw notFound('Schedule');
    return row;
  }

  async function withLastRun(principal: Principal, row: ScheduleView) {
    const runs = await readInCallerTenant(db, principal, (tx) => lastRuns(tx, [row.id]));
    return { schedule: row, lastRun: runs.get(row.id) ?? null };
  }

  async function profileOk(tx: Tx, profileId: string) {
    if (!(await findProfile(tx, profileId)))
      throw badRequest('Unknown mapping profile', [{ path: '/profileId', message: 'unknown' }]);
  }

  /** A run of `slot` with its job, in `tx`; undefined when the slot already has its run. */
  async function startRun(
    tx: Tx,
    schedule: ScheduleView,
    slot: Date,
    trigger: 'schedule' | 'manual',
    by: string | null,
  ) {
    const run = await claimSlot(tx, {
      tenantId: schedule.tenantId,
      scheduleId: schedule.id,
      slot,
      trigger,
      status: 'queued',
      createdBy: by,
    });
    if (!run) return undefined;
    const jobId = await jobs.enqueue(
      tx,
      'schedules.run',
      { runId: run.id },
      { tenantId: schedule.tenantId, createdBy: by },
    );
    return updateRun(tx, run.id, { jobId });
  }

  return {
    get: async (principal: Principal, id: string) => withLastRun(principal, await get(principal, id)),

    async list(
      principal: Principal,
      filter: { facilityId?: string | undefined; status?: string | undefined; limit: number; offset: number },
    ) {
      return readInCallerTenant(db, principal, async (tx) => {
        const page = await listSchedules(tx, filter);
        const runs = await lastRuns(
          tx,
          page.items.map((s) => s.id),
        );
        return {
          items: page.items.map((s) => ({ schedule: s, lastRun: runs.get(s.id) ?? null })),
          total: page.total,
        };
      });
    },

    async create(principal: Principal, input: ScheduleInput) {
      const created = await inCallerTenant(db, principal, async (tx, tenantId) => {
        const facility = await facilityInScope(tx, input.facilityId);
        if (!facility) throw badRequest('Unknown facilityId', [{ path: '/facilityId', message: 'unknown' }]);
        const cron = cronOrBadRequest(input.cron, facility.timezone);
        await profileOk(tx, input.profileId);
        const status = input.status ?? 'active';
        const row = await insertSchedule(tx, {
          tenantId,
          facilityId: facility.id,
          name: input.name.trim(),
          cron,
          ...checkSource(input.source),
          profileId: input.profileId,
          status,
          nextRunAt: status === 'active' ? nextRun(cron, facility.timezone, new Date()) : null,
          createdBy: principal.userId,
        }).catch(conflictOnUnique(`A schedule named "${input.name.trim()}" exists`));
        const view = await findSchedule(tx, row.id);
        if (!view) throw new Error('schedule vanished');
        return view;
      });
      // The watched folder exists from the start, so files can be dropped in before the first run.
      if (created.sourceKind === 'folder') await ensureInbox(inboxRoot, created.facilityCode);
      return { schedule: created, lastRun: null };
    },

    async update(principal: Principal, id: string, input: ScheduleUpdate) {
      const row = await inCallerTenant(db, principal, async (tx) => {
        const current = await findSchedule(tx, id, true);
        if (!current) throw notFound('Schedule');
        const cron = input.cron !== undefined ? cronOrBadRequest(input.cron, current.timezone) : current.cron;
        if (input.profileId) await profileOk(tx, input.profileId);
        let source = {};
        if (input.source) {
          const checked = checkSource(input.source);
          // Headers left out of an edit of the same URL source are kept (they are never shown to copy back).
          const keep =
            input.source.kind === 'url' && input.source.headers === undefined && current.sourceKind === 'url';
          source = keep ? { ...checked, headers: current.headers } : checked;
        }
        const status = input.status ?? current.status;
        await updateSchedule(tx, id, {
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          cron,
          ...source,
          ...(input.profileId ? { profileId: input.profileId } : {}),
          status,
          nextRunAt: status === 'active' ? nextRun(cron, current.timezone, new Date()) : null,
        }).catch(conflictOnUnique(`A schedule named "${input.name?.trim()}" exists`));
        const view = await findSchedule(tx, id);
        if (!view) throw new Error('schedule vanished');
        return view;
      });
      if (row.sourceKind === 'folder') await ensureInbox(inboxRoot, row.facilityCode);
      return withLastRun(principal, row);
    },

    async setStatus(principal: Principal, id: string, status: 'active' | 'paused') {
      const row = await inCallerTenant(db, principal, async (tx) => {
        const current = await findSchedule(tx, id, true);
        if (!current) throw notFound('Schedule');
        if (current.status === status) return current;
        await updateSchedule(tx, id, {
          status,
          nextRunAt: status === 'active' ? nextRun(current.cron, current.timezone, new Date()) : null,
        });
        return (await findSchedule(tx, id)) as ScheduleView;
      });
      return withLastRun(principal, row);
    },

    async remove(principal: Principal, id: string) {
      const deleted = await inCallerTenant(db, principal, (tx) => deleteSchedule(tx, id));
      if (!deleted) throw notFound('Schedule');
    },

    /** Runs the schedule now, paused or not (its own slot: the moment asked). */
    async runNow(principal: Principal, id: string): Promise<RunRow> {
      return inCallerTenant(db, principal, async (tx) => {
        const schedule = await findSchedule(tx, id, true);
        if (!schedule) throw notFound('Schedule');
        if (!schedule.profileId)
          throw conflict('The mapping profile of this schedule was deleted; choose another first');
        const run = await startRun(tx, schedule, new Date(), 'manual', principal.userId);
        if (!run) throw conflict('A run was started this very moment; try again');
        return run;
      });
    },

    async runs(principal: Principal, id: string, page: { limit: number; offset: number }) {
      await get(principal, id);
      return readInCallerTenant(db, principal, (tx) => listRuns(tx, id, page));
    },

    preview(cron: string, timezone: string, count = 5) {
      if (!isTimeZone(timezone))
        throw badRequest(`Unknown time zone "${timezone}"`, [{ path: '/timezone', message: 'unknown' }]);
      const valid = cronOrBadRequest(cron, timezone);
      return nextRuns(valid, timezone, new Date(), count);
    },

    /**
     * The scheduler's tick (pg-boss cron, every minute, one process per slot): every active schedule
     * whose next run has come gets the run of its latest due slot — one, however long the scheduler
     * was away — and its next run moves on. A schedule being ticked elsewhere is skipped (row
     * lock), and the unique (schedule, slot) of the runs makes a second run of a slot impossible.
     */
    async tick(now = new Date()): Promise<number> {
      const due = await readAcrossTenants(db, (tx) => dueSchedules(tx, now));
      let started = 0;
      for (const { id, tenant_id: tenantId } of due) {
        try {
          const run = await inTenant(db, tenantId, async (tx) => {
            const schedule = await lockDue(tx, id);
            if (!schedule?.nextRunAt || schedule.nextRunAt.getTime() > now.getTime()) return undefined;
            const slot =
              dueSlot(schedule.cron, schedule.timezone, now, schedule.nextRunAt) ?? schedule.nextRunAt;
            const after = new Date(Math.max(now.getTime(), slot.getTime()));
            await updateSchedule(tx, id, { nextRunAt: nextRun(schedule.cron, schedule.timezone, after) });
            return startRun(tx, schedule, slot, 'schedule', schedule.createdBy);
          });
          if (run) started++;
        } catch (err) {
          logger.error({ err, scheduleId: id }, 'could not start a scheduled run');
        }
      }
      return started;
    },
  };
}

export type SchedulesService = ReturnType<typeof createSchedulesService>;
