import { eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';

// The SQL every supply entity table shares (a uuid `id`, an `updated_at`): find, insert, update,
// delete by id and a filtered page. Each kind's own SQL (its filters, what refers to it) lives in
// entities.repo.ts; these stay generic so six tables do not repeat the same statements.

/** A supply entity table: rows addressed by a uuid id, with an updated_at stamp. */
export type EntityTable = PgTable & { id: AnyPgColumn; updatedAt: AnyPgColumn };
export type RowOf<T extends EntityTable> = T['$inferSelect'];
export type InsertOf<T extends EntityTable> = T['$inferInsert'];

/** The row, or undefined; `lock`: held until the transaction ends (a change that reads it first). */
export async function findRow<T extends EntityTable>(
  tx: Executor,
  table: T,
  id: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<RowOf<T> | undefined> {
  const query = tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] as RowOf<T> | undefined;
}

export async function insertRow<T extends EntityTable>(
  tx: Executor,
  table: T,
  values: InsertOf<T>,
): Promise<RowOf<T>> {
  const rows = (await tx.insert(table).values(values).returning()) as RowOf<T>[];
  const row = rows[0];
  if (!row) throw new Error('row not inserted');
  return row;
}

export async function updateRow<T extends EntityTable>(
  tx: Executor,
  table: T,
  id: string,
  values: Partial<InsertOf<T>>,
): Promise<RowOf<T> | undefined> {
  const set = { ...values, updatedAt: new Date() } as PgUpdateSetSource<T>;
  const rows = (await tx.update(table).set(set).where(eq(table.id, id)).returning()) as RowOf<T>[];
  return rows[0];
}

export async function deleteRow(tx: Executor, table: EntityTable, id: string): Promise<boolean> {
  const rows = await tx.delete(table).where(eq(table.id, id)).returning({ id: table.id });
  return rows.length > 0;
}

/** One page of `table`'s rows matching `where`, in `order`, with the total. */
export async function pageRows<T extends EntityTable>(
  tx: Executor,
  table: T,
  where: SQL | undefined,
  order: SQL[],
  { limit, offset }: { limit: number; offset: number },
): Promise<{ items: RowOf<T>[]; total: number }> {
  const rows = (await tx
    .select({ row: table as PgTable, total: matchedRows() })
    .from(table as PgTable)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)) as { row: RowOf<T>; total: number }[];
  return pageOf(
    rows,
    offset,
    (r) => r.row,
    () => countWhere(tx, table, where),
  );
}

/** The id of the first row of `table` matching `where`. */
export async function idWhere(tx: Executor, table: EntityTable, where: SQL | undefined) {
  const rows = await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(where)
    .limit(1);
  return rows[0]?.id as string | undefined;
}
