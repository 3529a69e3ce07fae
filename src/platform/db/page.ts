import { count, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database.ts';

// Every list answers `{ items, total }`. Counting in a second statement costs every page request a
// round trip and a second scan; `count(*) over ()` carries the total on each row of the page.

/** Select it as `total`: how many rows the query matches, before LIMIT and OFFSET. */
export const matchedRows = () => sql<number>`count(*) over ()`.mapWith(Number);

/**
 * The page's items and the total, from rows that selected `matchedRows()` as `total`. A page past
 * the end has no row to carry the total: only then is it counted by `countAll`.
 */
export async function pageOf<R extends { total: number }, I>(
  rows: R[],
  offset: number,
  item: (row: R) => I,
  countAll: () => Promise<number>,
): Promise<{ items: I[]; total: number }> {
  const first = rows[0];
  if (first) return { items: rows.map(item), total: first.total };
  return { items: [], total: offset > 0 ? await countAll() : 0 };
}

/** The number of rows of `table` matching `where` (for `pageOf`'s page past the end). */
export async function countWhere(tx: Executor, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}
