// KPI measurements: the external records' insert, the list and read of the API, the figures of a
// KPI over a range for reports and the dashboard, and the tenant's targets.
import { and, asc, desc, eq, gte, inArray, isNull, lte, notInArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';
import { supplyMetrics, supplySettings } from '../../../platform/db/schema/index.ts';
import { KPI_NAMES } from './kpis.ts';

export type MetricRow = typeof supplyMetrics.$inferSelect;

export async function insertMetric(tx: Executor, values: typeof supplyMetrics.$inferInsert) {
  const [row] = await tx.insert(supplyMetrics).values(values).returning();
  if (!row) throw new Error('metric not inserted');
  return row;
}

export async function findMetric(tx: Executor, id: string) {
  const [row] = await tx.select().from(supplyMetrics).where(eq(supplyMetrics.id, id));
  return row;
}

export interface MetricFilter {
  kpi?: string | undefined;
  warehouseId?: string | undefined;
  source?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export async function listMetrics(tx: Executor, filter: MetricFilter) {
  const where = and(
    filter.kpi ? eq(supplyMetrics.kpi, filter.kpi) : undefined,
    filter.warehouseId ? eq(supplyMetrics.warehouseId, filter.warehouseId) : undefined,
    filter.source ? eq(supplyMetrics.source, filter.source) : undefined,
    filter.from ? gte(supplyMetrics.day, filter.from) : undefined,
    filter.to ? lte(supplyMetrics.day, filter.to) : undefined,
  );
  const rows = await tx
    .select({ metric: supplyMetrics, total: matchedRows() })
    .from(supplyMetrics)
    .where(where)
    .orderBy(
      desc(supplyMetrics.day),
      asc(supplyMetrics.kpi),
      desc(supplyMetrics.createdAt),
      asc(supplyMetrics.id),
    )
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.metric,
    () => countWhere(tx, supplyMetrics, where),
  );
}

export interface FigureScope {
  kpis: string[];
  from: string;
  to: string;
  /** One warehouse's figures, or (null) the whole tenant's. */
  warehouseId: string | null;
  source?: string | undefined;
}

/** The measurements of `kpis` in the scope, oldest first. */
export function figures(tx: Executor, scope: FigureScope) {
  return tx
    .select({
      kpi: supplyMetrics.kpi,
      day: supplyMetrics.day,
      value: supplyMetrics.value,
      dimensions: supplyMetrics.dimensions,
    })
    .from(supplyMetrics)
    .where(
      and(
        inArray(supplyMetrics.kpi, scope.kpis),
        gte(supplyMetrics.day, scope.from),
        lte(supplyMetrics.day, scope.to),
        scope.warehouseId
          ? eq(supplyMetrics.warehouseId, scope.warehouseId)
          : isNull(supplyMetrics.warehouseId),
        scope.source ? eq(supplyMetrics.source, scope.source) : undefined,
      ),
    )
    .orderBy(asc(supplyMetrics.day));
}

/** Custom KPIs (not of the known set) with a measurement in the range, by name (at most `limit`). */
export async function customKpis(tx: Executor, from: string, to: string, limit: number): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ kpi: supplyMetrics.kpi })
    .from(supplyMetrics)
    .where(
      and(
        notInArray(supplyMetrics.kpi, [...KPI_NAMES]),
        gte(supplyMetrics.day, from),
        lte(supplyMetrics.day, to),
      ),
    )
    .orderBy(asc(supplyMetrics.kpi))
    .limit(limit);
  return rows.map((r) => r.kpi);
}

export async function kpiSettings(tx: Executor) {
  const [row] = await tx
    .select({ targets: supplySettings.kpiTargets, rolledThrough: supplySettings.kpiRolledThrough })
    .from(supplySettings);
  return { targets: row?.targets ?? {}, rolledThrough: row?.rolledThrough ?? null };
}

export async function saveTargets(tx: Executor, tenantId: string, targets: Record<string, number>) {
  await tx
    .insert(supplySettings)
    .values({ tenantId, kpiTargets: targets })
    .onConflictDoUpdate({
      target: supplySettings.tenantId,
      set: { kpiTargets: targets, updatedAt: new Date() },
    });
}

export async function lockTargets(tx: Executor, tenantId: string) {
  await tx.insert(supplySettings).values({ tenantId }).onConflictDoNothing();
  const [row] = await tx.select({ targets: supplySettings.kpiTargets }).from(supplySettings).for('update');
  return row?.targets ?? {};
}

/** Whether the tenant has any measurement of `kpi` (a custom KPI exists once it has one). */
export async function kpiExists(tx: Executor, kpi: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: supplyMetrics.id })
    .from(supplyMetrics)
    .where(eq(supplyMetrics.kpi, kpi))
    .limit(1);
  return row !== undefined;
}
