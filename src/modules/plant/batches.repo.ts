import { and, count, desc, eq, getTableColumns, gt, gte, lt, type SQLWrapper, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { batches, batchOee, batchOeeSegments, productionLines } from '../../platform/db/schema/index.ts';
import { statementTemplate } from '../../platform/db/statement-template.ts';

export type BatchRow = typeof batches.$inferSelect;
export type BatchInsert = typeof batches.$inferInsert;
export type BatchOeeRow = typeof batchOee.$inferSelect;
export type SegmentInsert = typeof batchOeeSegments.$inferInsert;

// What the API shows of a batch (presenters.ts): reading only these columns keeps a page of 50
// batches cheaper to produce, transfer and parse than every column of both tables.
const {
  tenantId: _tenant,
  createdBy: _creator,
  updatedAt: _updated,
  ...batchView
} = getTableColumns(batches);
// Drizzle reads a left-joined object as absent when its first column is null, whatever the others
// hold: the first column is one that is never null in a stored row (a batch completed wholly in a
// planned stop has no availability, but it has its counts).
const oeeView = {
  totalCount: batchOee.totalCount,
  availability: batchOee.availability,
  performance: batchOee.performance,
  quality: batchOee.quality,
  oee: batchOee.oee,
  performanceAboveIdeal: batchOee.performanceAboveIdeal,
  scrapRate: batchOee.scrapRate,
  yieldRate: batchOee.yieldRate,
  plannedProductionSeconds: batchOee.plannedProductionSeconds,
  plannedStopSeconds: batchOee.plannedStopSeconds,
  unplannedDowntimeSeconds: batchOee.unplannedDowntimeSeconds,
  runSeconds: batchOee.runSeconds,
  labourCost: batchOee.labourCost,
  materialCost: batchOee.materialCost,
  scrapCost: batchOee.scrapCost,
};
const VIEW = { batch: batchView, oee: oeeView, lineName: productionLines.name };
export type BatchView = {
  batch: Omit<BatchRow, 'tenantId' | 'createdBy' | 'updatedAt'>;
  oee: Pick<BatchOeeRow, keyof typeof oeeView> | null;
  lineName: string | null;
};

export async function insertBatches(tx: Executor, values: BatchInsert[]): Promise<BatchRow[]> {
  if (values.length === 0) return [];
  return tx.insert(batches).values(values).returning();
}

/** Inserts the batch, or nothing (an empty list) when its tenant already has a batch with its code. */
export async function insertBatchUnlessCodeTaken(tx: Executor, value: BatchInsert): Promise<BatchRow[]> {
  return tx
    .insert(batches)
    .values(value)
    .onConflictDoNothing({ target: [batches.tenantId, batches.code] })
    .returning();
}

export async function findBatch(tx: Executor, id: string): Promise<BatchView | undefined> {
  const [row] = await tx
    .select(VIEW)
    .from(batches)
    .leftJoin(batchOee, eq(batchOee.batchId, batches.id))
    .leftJoin(productionLines, eq(productionLines.id, batches.lineId))
    .where(eq(batches.id, id));
  return row;
}

export async function lockBatch(tx: Executor, id: string): Promise<BatchRow | undefined> {
  const [row] = await tx.select().from(batches).where(eq(batches.id, id)).for('update');
  return row;
}

export async function runningBatchOf(tx: Executor, lineId: string): Promise<BatchRow | undefined> {
  const [row] = await tx
    .select()
    .from(batches)
    .where(and(eq(batches.lineId, lineId), eq(batches.status, 'running')))
    .limit(1);
  return row;
}

export interface BatchFilter {
  lineId?: string | undefined;
  facilityId?: string | undefined;
  status?: string | undefined;
  productSku?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

const BATCH_FILTERS = ['lineId', 'facilityId', 'status', 'productSku', 'from', 'to'] as const;
type BatchFilterName = (typeof BATCH_FILTERS)[number];

/** The filter's conditions; `value` gives each filter's value or placeholder. */
function batchConditions(
  has: (name: BatchFilterName) => boolean,
  value: (name: BatchFilterName) => SQLWrapper,
) {
  return and(
    has('lineId') ? eq(batches.lineId, value('lineId')) : undefined,
    has('facilityId') ? eq(batches.facilityId, value('facilityId')) : undefined,
    has('status') ? eq(batches.status, value('status')) : undefined,
    has('productSku') ? eq(batches.productSku, value('productSku')) : undefined,
    has('from') ? gte(batches.createdAt, value('from')) : undefined,
    has('to') ? lt(batches.createdAt, value('to')) : undefined,
  );
}

// Shape: the names of the filters given, in BATCH_FILTERS order.
const batchesPage = statementTemplate((tx: Executor, shape: string) => {
  const given = new Set(shape.split(','));
  return tx
    .select({ ...VIEW, total: matchedRows() })
    .from(batches)
    .leftJoin(batchOee, eq(batchOee.batchId, batches.id))
    .leftJoin(productionLines, eq(productionLines.id, batches.lineId))
    .where(
      batchConditions(
        (name) => given.has(name),
        (name) => sql.placeholder(name),
      ),
    )
    .orderBy(desc(batches.createdAt), desc(batches.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'));
});

export async function listBatches(tx: Executor, filter: BatchFilter) {
  const values: Record<string, unknown> = {
    ...filter,
    // Placeholders skip the column's encoder: timestamps go as PostgreSQL reads them.
    from: filter.from?.toISOString(),
    to: filter.to?.toISOString(),
  };
  const given = BATCH_FILTERS.filter((name) => Boolean(filter[name]));
  const rows = await batchesPage(tx, given.join(','), values);
  return pageOf(
    rows,
    filter.offset,
    ({ batch, oee, lineName }) => ({ batch, oee, lineName }),
    () =>
      countWhere(
        tx,
        batches,
        batchConditions(
          (name) => given.includes(name),
          (name) => sql`${filter[name]}`,
        ),
      ),
  );
}

/** Where a keyset read of batches resumes: the last row's creation time as PostgreSQL writes it. */
export interface BatchCursor {
  createdAt: string;
  id: string;
}

/**
 * The batches matching the filter after `after`, in the list's order (newest first), `size` at most,
 * each with its cursor. For exports: every page costs the same, however deep (no offset, no total).
 */
export async function batchesAfter(
  tx: Executor,
  filter: Omit<BatchFilter, 'limit' | 'offset'>,
  after: BatchCursor | undefined,
  size: number,
): Promise<(BatchView & { cursor: BatchCursor })[]> {
  const rows = await tx
    .select({ ...VIEW, cursorAt: sql<string>`${batches.createdAt}::text` })
    .from(batches)
    .leftJoin(batchOee, eq(batchOee.batchId, batches.id))
    .leftJoin(productionLines, eq(productionLines.id, batches.lineId))
    .where(
      and(
        batchConditions(
          (name) => Boolean(filter[name]),
          (name) => {
            const value = filter[name];
            return sql`${value instanceof Date ? value.toISOString() : value}`;
          },
        ),
        after
          ? sql`(${batches.createdAt}, ${batches.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(batches.createdAt), desc(batches.id))
    .limit(size);
  return rows.map(({ cursorAt, ...view }) => ({
    ...view,
    cursor: { createdAt: cursorAt, id: view.batch.id },
  }));
}

/** A batch of the line that completed after `at` (its OEE would miss a change dated `at`). */
export async function completedBatchAfter(
  tx: Executor,
  lineId: string,
  at: Date,
): Promise<BatchRow | undefined> {
  const [row] = await tx
    .select()
    .from(batches)
    .where(and(eq(batches.lineId, lineId), eq(batches.status, 'completed'), gt(batches.completedAt, at)))
    .orderBy(desc(batches.completedAt))
    .limit(1);
  return row;
}

export async function countBatchesOfLine(tx: Executor, lineId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(batches).where(eq(batches.lineId, lineId));
  return row?.n ?? 0;
}

export async function updateBatch(tx: Executor, id: string, patch: Partial<BatchInsert>): Promise<BatchRow> {
  const [row] = await tx
    .update(batches)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(batches.id, id))
    .returning();
  if (!row) throw new Error('batch vanished');
  return row;
}

export async function saveOee(
  tx: Executor,
  oee: (typeof batchOee.$inferInsert)[],
  segments: SegmentInsert[],
) {
  if (oee.length > 0) await tx.insert(batchOee).values(oee);
  // Large demo histories go in chunks: one statement has at most 65,535 parameters.
  for (let i = 0; i < segments.length; i += 2000) {
    await tx.insert(batchOeeSegments).values(segments.slice(i, i + 2000));
  }
}
