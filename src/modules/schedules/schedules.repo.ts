import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { analysisScheduleRuns, analysisSchedules, facilities } from '../../platform/db/schema/index.ts';

export type ScheduleRow = typeof analysisSchedules.$inferSelect;
export type ScheduleInsert = typeof analysisSchedules.$inferInsert;
export type RunRow = typeof analysisScheduleRuns.$inferSelect;
export type RunInsert = typeof analysisScheduleRuns.$inferInsert;

/** A schedule with what its list and page show beside it: the facility, in whose time it runs. */
export interface ScheduleView extends ScheduleRow {
  facilityCode: string;
  facilityName: string;
  timezone: string;
}

const viewColumns = {
  schedule: analysisSchedules,
  facilityCode: facilities.code,
  facilityName: facilities.name,
  timezone: facilities.timezone,
};
const toView = (r: {
  schedule: ScheduleRow;
  facilityCode: string;
  facilityName: string;
  timezone: string;
}) => ({
  ...r.schedule,
  facilityCode: r.facilityCode,
  facilityName: r.facilityName,
  timezone: r.timezone,
});

export async function insertSchedule(tx: Executor, values: ScheduleInsert): Promise<ScheduleRow> {
  const [row] = await tx.insert(analysisSchedules).values(values).returning();
  if (!row) throw new Error('schedule not inserted');
  return row;
}

export async function findSchedule(
  tx: Executor,
  id: string,
  lock = false,
): Promise<ScheduleView | undefined> {
  const query = tx
    .select(viewColumns)
    .from(analysisSchedules)
    .innerJoin(facilities, eq(facilities.id, analysisSchedules.facilityId))
    .where(eq(analysisSchedules.id, id));
  const [row] = lock ? await query.for('update', { of: analysisSchedules }) : await query;
  return row ? toView(row) : undefined;
}

export async function updateSchedule(tx: Executor, id: string, values: Partial<ScheduleInsert>) {
  const [row] = await tx
    .update(analysisSchedules)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(analysisSchedules.id, id))
    .returning();
  return row;
}

export async function deleteSchedule(tx: Executor, id: string) {
  const rows = await tx
    .delete(analysisSchedules)
    .where(eq(analysisSchedules.id, id))
    .returning({ id: analysisSchedules.id });
  return rows.length > 0;
}

export async function listSchedules(
  tx: Executor,
  filter: { facilityId?: string | undefined; status?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    filter.facilityId ? eq(analysisSchedules.facilityId, filter.facilityId) : undefined,
    filter.status ? eq(analysisSchedules.status, filter.status) : undefined,
  );
  const rows = await tx
    .select({ ...viewColumns, total: matchedRows() })
    .from(analysisSchedules)
    .innerJoin(facilities, eq(facilities.id, analysisSchedules.facilityId))
    .where(where)
    .orderBy(asc(analysisSchedules.name))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(rows, filter.offset, toView, () => countWhere(tx, analysisSchedules, where));
}

/** The latest run of each schedule (by when it was created). */
export async function lastRuns(tx: Executor, scheduleIds: string[]): Promise<Map<string, RunRow>> {
  if (scheduleIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([analysisScheduleRuns.scheduleId])
    .from(analysisScheduleRuns)
    .where(inArray(analysisScheduleRuns.scheduleId, scheduleIds))
    .orderBy(analysisScheduleRuns.scheduleId, desc(analysisScheduleRuns.createdAt));
  return new Map(rows.map((r) => [r.scheduleId, r]));
}

/**
 * Inserts the run of a slot unless the slot already has one (another process, a second tick):
 * undefined then. The unique (schedule_id, slot) is what makes a slot run once.
 */
export async function claimSlot(tx: Executor, values: RunInsert): Promise<RunRow | undefined> {
  const [row] = await tx.insert(analysisScheduleRuns).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findRun(tx: Executor, id: string, lock = false): Promise<RunRow | undefined> {
  const query = tx.select().from(analysisScheduleRuns).where(eq(analysisScheduleRuns.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateRun(tx: Executor, id: string, values: Partial<RunInsert>): Promise<RunRow> {
  const [row] = await tx
    .update(analysisScheduleRuns)
    .set(values)
    .where(eq(analysisScheduleRuns.id, id))
    .returning();
  if (!row) throw new Error('run vanished');
  return row;
}

export async function listRuns(tx: Executor, scheduleId: string, page: { limit: number; offset: number }) {
  const where = eq(analysisScheduleRuns.scheduleId, scheduleId);
  const rows = await tx
    .select({ run: analysisScheduleRuns, total: matchedRows() })
    .from(analysisScheduleRuns)
    .where(where)
    .orderBy(desc(analysisScheduleRuns.createdAt), desc(analysisScheduleRuns.slot))
    .limit(page.limit)
    .offset(page.offset);
  return pageOf(
    rows,
    page.offset,
    (r) => r.run,
    () => countWhere(tx, analysisScheduleRuns, where),
  );
}

/** The run a completed run compares with: the schedule's latest earlier completed run with an analysis. */
export async function previousSuccess(tx: Executor, run: RunRow): Promise<RunRow | undefined> {
  const [row] = await tx
    .select()
    .from(analysisScheduleRuns)
    .where(
      and(
        eq(analysisScheduleRuns.scheduleId, run.scheduleId),
        eq(analysisScheduleRuns.status, 'completed'),
        ne(analysisScheduleRuns.id, run.id),
        sql`${analysisScheduleRuns.analysisId} is not null`,
        lt(analysisScheduleRuns.createdAt, run.createdAt),
      ),
    )
    .orderBy(desc(analysisScheduleRuns.completedAt))
    .limit(1);
  return row;
}

/** Active schedules whose next slot has come, across tenants (the tick runs as the platform role). */
export function dueSchedules(tx: Executor, now: Date) {
  return queryRows<{ id: string; tenant_id: string }>(
    tx,
    sql`select id, tenant_id from analysis_schedules
        where status = 'active' and next_run_at <= ${now.toISOString()}::timestamptz
        order by next_run_at limit 500`,
  );
}

/** The schedule, locked for this tick; none when another process holds it (it is running the slot). */
export async function lockDue(tx: Executor, id: string): Promise<ScheduleView | undefined> {
  const [row] = await tx
    .select(viewColumns)
    .from(analysisSchedules)
    .innerJoin(facilities, eq(facilities.id, analysisSchedules.facilityId))
    .where(and(eq(analysisSchedules.id, id), eq(analysisSchedules.status, 'active')))
    .for('update', { of: analysisSchedules, skipLocked: true });
  return row ? toView(row) : undefined;
}

/**
 * Removes, across tenants, the runs that found nothing to do (`skipped`) once older than `days`,
 * keeping each schedule's latest run: a per-minute folder schedule would otherwise pile up a row a
 * minute. Their slots are long past (the scheduler only runs slots at or after a schedule's next
 * run), so no slot can run again for it.
 */
export async function pruneSkippedRuns(tx: Executor, days: number): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`delete from analysis_schedule_runs r
        where r.status = 'skipped' and r.created_at < now() - make_interval(days => ${days})
          and r.id <> (select l.id from analysis_schedule_runs l where l.schedule_id = r.schedule_id
                       order by l.created_at desc limit 1)
        returning r.id`,
  );
  return rows.length;
}
