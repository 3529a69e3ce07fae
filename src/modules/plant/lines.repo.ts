import { and, asc, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { downtimeReasons, lineStatusHistory, productionLines } from '../../platform/db/schema/index.ts';
import { statementTemplate } from '../../platform/db/statement-template.ts';

export type LineRow = typeof productionLines.$inferSelect;
export type LineInsert = typeof productionLines.$inferInsert;
export type StatusRow = typeof lineStatusHistory.$inferSelect;
export type ReasonRow = typeof downtimeReasons.$inferSelect;

export async function insertLine(tx: Executor, values: LineInsert): Promise<LineRow> {
  const [row] = await tx.insert(productionLines).values(values).returning();
  if (!row) throw new Error('line not inserted');
  return row;
}

export async function findLine(tx: Executor, id: string): Promise<LineRow | undefined> {
  const [row] = await tx.select().from(productionLines).where(eq(productionLines.id, id));
  return row;
}

/** Locks the line for the rest of the transaction (status changes are serialised per line). */
export async function lockLine(tx: Executor, id: string): Promise<LineRow | undefined> {
  const [row] = await tx.select().from(productionLines).where(eq(productionLines.id, id)).for('update');
  return row;
}

export interface LineFilter {
  facilityId?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}

const linesPage = statementTemplate((tx: Executor, shape: `${boolean}:${boolean}`) => {
  const [byFacility, byStatus] = shape.split(':').map((flag) => flag === 'true');
  return tx
    .select({ line: productionLines, total: matchedRows() })
    .from(productionLines)
    .where(
      and(
        byFacility ? eq(productionLines.facilityId, sql.placeholder('facilityId')) : undefined,
        byStatus ? eq(productionLines.status, sql.placeholder('status')) : undefined,
      ),
    )
    .orderBy(asc(productionLines.code))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'));
});

export async function listLines(tx: Executor, filter: LineFilter) {
  const { facilityId, status, limit, offset } = filter;
  const rows = await linesPage(tx, `${!!facilityId}:${!!status}`, { facilityId, status, limit, offset });
  return pageOf(
    rows,
    offset,
    (row) => row.line,
    () =>
      countWhere(
        tx,
        productionLines,
        and(
          facilityId ? eq(productionLines.facilityId, facilityId) : undefined,
          status ? eq(productionLines.status, status) : undefined,
        ),
      ),
  );
}

export async function updateLine(tx: Executor, id: string, patch: Partial<LineInsert>) {
  const [row] = await tx
    .update(productionLines)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(productionLines.id, id))
    .returning();
  return row;
}

export async function deleteLine(tx: Executor, id: string) {
  await tx.delete(productionLines).where(eq(productionLines.id, id));
}

/** Closes the open status span of the line at `at` and opens the new one. */
export async function appendStatus(
  tx: Executor,
  values: {
    tenantId: string;
    lineId: string;
    status: string;
    reasonCode: string | null;
    note: string | null;
    at: Date;
    changedBy: string | null;
  },
): Promise<StatusRow> {
  await tx
    .update(lineStatusHistory)
    .set({ endedAt: values.at })
    .where(and(eq(lineStatusHistory.lineId, values.lineId), isNull(lineStatusHistory.endedAt)));
  const [row] = await tx
    .insert(lineStatusHistory)
    .values({
      tenantId: values.tenantId,
      lineId: values.lineId,
      status: values.status,
      reasonCode: values.reasonCode,
      note: values.note,
      startedAt: values.at,
      changedBy: values.changedBy,
    })
    .returning();
  if (!row) throw new Error('status not recorded');
  return row;
}

export interface StatusSpanInsert {
  status: string;
  reasonCode: string | null;
  start: number;
  /** Null for the line's current status. */
  end: number | null;
}

/** Bulk history (demo data, imports): spans of one line, in order, without touching the line row. */
export async function insertStatusSpans(
  tx: Executor,
  tenantId: string,
  lineId: string,
  spans: StatusSpanInsert[],
) {
  for (let i = 0; i < spans.length; i += 1000) {
    await tx.insert(lineStatusHistory).values(
      spans.slice(i, i + 1000).map((s) => ({
        tenantId,
        lineId,
        status: s.status,
        reasonCode: s.reasonCode,
        startedAt: new Date(s.start),
        endedAt: s.end === null ? null : new Date(s.end),
      })),
    );
  }
}

/** Status spans of the given lines that overlap [from, to), oldest first. */
export async function statusSpans(tx: Executor, lineIds: string[], from: Date, to: Date) {
  if (lineIds.length === 0) return [];
  return tx
    .select()
    .from(lineStatusHistory)
    .where(
      and(
        sql`${lineStatusHistory.lineId} = any(${sql.param(lineIds)}::uuid[])`,
        lt(lineStatusHistory.startedAt, to),
        or(isNull(lineStatusHistory.endedAt), gt(lineStatusHistory.endedAt, from)),
      ),
    )
    .orderBy(asc(lineStatusHistory.startedAt));
}

export async function lineHistory(tx: Executor, lineId: string, limit: number) {
  return tx
    .select()
    .from(lineStatusHistory)
    .where(eq(lineStatusHistory.lineId, lineId))
    .orderBy(desc(lineStatusHistory.startedAt))
    .limit(limit);
}

export async function listReasons(tx: Executor): Promise<ReasonRow[]> {
  return tx.select().from(downtimeReasons).orderBy(asc(downtimeReasons.category), asc(downtimeReasons.code));
}

export async function findReason(tx: Executor, code: string): Promise<ReasonRow | undefined> {
  const [row] = await tx.select().from(downtimeReasons).where(eq(downtimeReasons.code, code));
  return row;
}

/** Adds the reasons missing from the tenant's catalogue (by code); existing ones stay as they are. */
/** Adds reasons; codes the tenant has already are skipped, or refused with `onConflict: 'fail'`. */
export async function insertReasons(
  tx: Executor,
  tenantId: string,
  reasons: readonly Pick<ReasonRow, 'code' | 'label' | 'planned' | 'category'>[],
  { onConflict = 'skip' }: { onConflict?: 'skip' | 'fail' } = {},
): Promise<ReasonRow[]> {
  if (reasons.length === 0) return [];
  const insert = tx.insert(downtimeReasons).values(reasons.map((r) => ({ ...r, tenantId })));
  return onConflict === 'skip' ? insert.onConflictDoNothing().returning() : insert.returning();
}

export async function updateReason(
  tx: Executor,
  code: string,
  patch: Partial<Pick<ReasonRow, 'label' | 'planned' | 'category' | 'active'>>,
) {
  const [row] = await tx.update(downtimeReasons).set(patch).where(eq(downtimeReasons.code, code)).returning();
  return row;
}
