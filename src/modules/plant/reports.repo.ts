import { type AnyColumn, and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { batchOeeSegments, lineStatusHistory, productionLines } from '../../platform/db/schema/index.ts';
import { statementTemplate } from '../../platform/db/statement-template.ts';

export type GroupBy = 'line' | 'day' | 'shift';

export interface ReportScope {
  facilityId?: string | undefined;
  lineId?: string | undefined;
  /** Local days (YYYY-MM-DD), inclusive. */
  fromDay: string;
  toDay: string;
}

export interface SegmentTotals {
  key: string;
  label: string;
  plannedProductionSeconds: number;
  unplannedDowntimeSeconds: number;
  runSeconds: number;
  idealRunSeconds: number;
  idealGoodSeconds: number;
  totalCount: number;
  goodCount: number;
  batches: number;
}

const s = batchOeeSegments;
const GROUP_KEY: Record<GroupBy, SQL> = {
  line: sql`${s.lineId}::text`,
  day: sql`${s.day}::text`,
  shift: sql`coalesce(${s.shiftName}, '')`,
};
const GROUP_LABEL: Record<GroupBy, SQL> = {
  line: sql`max(${productionLines.name})`,
  day: sql`${s.day}::text`,
  shift: sql`coalesce(${s.shiftName}, 'No shift')`,
};
const total = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)::float8`;

// Shape: the grouping, then whether the facility and the line filters are given.
const segmentTotalsQuery = statementTemplate((tx: Executor, shape: `${GroupBy}:${boolean}:${boolean}`) => {
  const [groupBy, byFacility, byLine] = shape.split(':') as [GroupBy, string, string];
  return tx
    .select({
      key: sql<string>`${GROUP_KEY[groupBy]}`,
      label: sql<string>`${GROUP_LABEL[groupBy]}`,
      plannedProductionSeconds: total(s.plannedProductionSeconds),
      unplannedDowntimeSeconds: total(s.unplannedDowntimeSeconds),
      runSeconds: total(s.runSeconds),
      idealRunSeconds: total(s.idealRunSeconds),
      idealGoodSeconds: total(s.idealGoodSeconds),
      totalCount: total(s.totalCount),
      goodCount: total(s.goodCount),
      batches: sql<number>`count(distinct ${s.batchId})::int`,
    })
    .from(s)
    .innerJoin(productionLines, eq(productionLines.id, s.lineId))
    .where(
      and(
        gte(s.day, sql.placeholder('fromDay')),
        lte(s.day, sql.placeholder('toDay')),
        byFacility === 'true' ? eq(s.facilityId, sql.placeholder('facilityId')) : undefined,
        byLine === 'true' ? eq(s.lineId, sql.placeholder('lineId')) : undefined,
      ),
    )
    .groupBy(GROUP_KEY[groupBy], ...(groupBy === 'shift' ? [s.shiftName] : []))
    .orderBy(asc(GROUP_KEY[groupBy]));
});

/** OEE segments summed per group: one row per line, day or shift. */
export async function segmentTotals(
  tx: Executor,
  scope: ReportScope,
  groupBy: GroupBy,
): Promise<SegmentTotals[]> {
  const { facilityId, lineId, fromDay, toDay } = scope;
  return segmentTotalsQuery(tx, `${groupBy}:${!!facilityId}:${!!lineId}`, {
    facilityId,
    lineId,
    fromDay,
    toDay,
  });
}

export interface DowntimeTotals {
  reasonCode: string | null;
  status: string;
  stops: number;
  seconds: number;
}

/** Non-running time per reason in [from, to), clipped to the range; the open span counts until now. */
export async function downtimeTotals(
  tx: Executor,
  scope: { facilityId?: string | undefined; lineId?: string | undefined; from: Date; to: Date },
): Promise<DowntimeTotals[]> {
  const h = lineStatusHistory;
  const end = sql`least(coalesce(${h.endedAt}, now()), ${scope.to.toISOString()}::timestamptz)`;
  const start = sql`greatest(${h.startedAt}, ${scope.from.toISOString()}::timestamptz)`;
  const conditions = and(
    sql`${h.status} <> 'running'`,
    sql`${h.startedAt} < ${scope.to.toISOString()}::timestamptz`,
    sql`coalesce(${h.endedAt}, now()) > ${scope.from.toISOString()}::timestamptz`,
    scope.facilityId ? eq(productionLines.facilityId, scope.facilityId) : undefined,
    scope.lineId ? eq(h.lineId, scope.lineId) : undefined,
  );
  const rows = await queryRows<{
    reason_code: string | null;
    status: string;
    stops: number;
    seconds: number;
  }>(
    tx,
    sql`select ${h.reasonCode} as reason_code, ${h.status} as status, count(*)::int as stops,
               coalesce(sum(extract(epoch from ${end} - ${start})), 0)::float8 as seconds
          from ${h} join ${productionLines} on ${productionLines.id} = ${h.lineId}
         where ${conditions}
         group by ${h.reasonCode}, ${h.status}`,
  );
  return rows.map((r) => ({
    reasonCode: r.reason_code,
    status: r.status,
    stops: r.stops,
    seconds: r.seconds,
  }));
}
