import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';
import {
  type ForecastScope,
  supplyForecastRuns,
  supplyForecasts,
  supplyInventory,
} from '../../../platform/db/schema/index.ts';
import { scopeWhere } from '../entities/stock.repo.ts';

// Forecast runs (a job over a scope) and the forecasts they stored, one row per SKU × warehouse.

export type ForecastRunRow = typeof supplyForecastRuns.$inferSelect;
export type ForecastRow = typeof supplyForecasts.$inferSelect;
export type ForecastInsert = typeof supplyForecasts.$inferInsert;

export async function insertRun(tx: Executor, values: typeof supplyForecastRuns.$inferInsert) {
  const [row] = await tx.insert(supplyForecastRuns).values(values).returning();
  if (!row) throw new Error('forecast run not inserted');
  return row;
}

export async function findRun(tx: Executor, id: string): Promise<ForecastRunRow | undefined> {
  const [row] = await tx.select().from(supplyForecastRuns).where(eq(supplyForecastRuns.id, id));
  return row;
}

export async function updateRun(tx: Executor, id: string, values: Partial<ForecastRunRow>) {
  const [row] = await tx
    .update(supplyForecastRuns)
    .set(values)
    .where(eq(supplyForecastRuns.id, id))
    .returning();
  return row;
}

export async function listRuns(
  tx: Executor,
  filter: { status?: string | undefined; limit: number; offset: number },
) {
  const where = filter.status ? eq(supplyForecastRuns.status, filter.status) : undefined;
  const rows = await tx
    .select({ run: supplyForecastRuns, total: matchedRows() })
    .from(supplyForecastRuns)
    .where(where)
    .orderBy(desc(supplyForecastRuns.createdAt))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.run,
    () => countWhere(tx, supplyForecastRuns, where),
  );
}

const INSERT_BATCH = 500;

export async function insertForecasts(tx: Executor, rows: ForecastInsert[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await tx.insert(supplyForecasts).values(rows.slice(i, i + INSERT_BATCH));
}

export async function listRunForecasts(
  tx: Executor,
  filter: {
    runId: string;
    sku?: string | undefined;
    warehouseId?: string | undefined;
    method?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const where = and(
    eq(supplyForecasts.runId, filter.runId),
    filter.sku ? eq(supplyForecasts.sku, filter.sku) : undefined,
    filter.warehouseId ? eq(supplyForecasts.warehouseId, filter.warehouseId) : undefined,
    filter.method ? eq(supplyForecasts.method, filter.method) : undefined,
  );
  const rows = await tx
    .select({ forecast: supplyForecasts, total: matchedRows() })
    .from(supplyForecasts)
    .where(where)
    .orderBy(asc(supplyForecasts.sku), asc(supplyForecasts.warehouseId))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.forecast,
    () => countWhere(tx, supplyForecasts, where),
  );
}

/** The newest forecast of one SKU at one warehouse, from a completed run. */
export async function latestForecast(
  tx: Executor,
  key: { warehouseId: string; sku: string },
): Promise<(ForecastRow & { bucket: string; level: number }) | undefined> {
  const [row] = await tx
    .select({ forecast: supplyForecasts, bucket: supplyForecastRuns.bucket, level: supplyForecastRuns.level })
    .from(supplyForecasts)
    .innerJoin(supplyForecastRuns, eq(supplyForecastRuns.id, supplyForecasts.runId))
    .where(
      and(
        eq(supplyForecasts.warehouseId, key.warehouseId),
        eq(supplyForecasts.sku, key.sku),
        eq(supplyForecastRuns.status, 'completed'),
      ),
    )
    .orderBy(desc(supplyForecasts.createdAt), desc(supplyForecasts.id))
    .limit(1);
  return row ? { ...row.forecast, bucket: row.bucket, level: row.level } : undefined;
}

/** All forecasts of a completed run, keyed by warehouse and SKU (for a decision over its scope). */
export async function forecastsOfRun(tx: Executor, runId: string): Promise<ForecastRow[]> {
  return tx.select().from(supplyForecasts).where(eq(supplyForecasts.runId, runId));
}

/** How many inventory rows (SKU × warehouse) a scope names. */
export async function scopeSize(tx: Executor, scope: ForecastScope): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number).as('n') })
    .from(supplyInventory)
    .where(scopeWhere(scope));
  return row?.n ?? 0;
}

/** The scope's filters on inventory rows: one definition, in the stock repository. */
export { scopeWhere } from '../entities/stock.repo.ts';
