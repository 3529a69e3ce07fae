import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { aggregateFloat8Run, readFloat8Run, sendAsBase64 } from '../../platform/db/binary-array-reader.ts';
import {
  int4Array,
  type NumberColumnType,
  nullableBinaryArray,
  numberColumnArray,
} from '../../platform/db/binary-arrays.ts';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { analyticsSettings, importErrors, imports, workOrders } from '../../platform/db/schema/index.ts';
import { CANONICAL_FIELDS, columnOf, type FieldType } from './canonical.ts';
import { WorkOrderBatch, type WorkOrderValues } from './work-order-batch.ts';

export type ImportRow = typeof imports.$inferSelect;
export type ImportInsert = typeof imports.$inferInsert;

export async function insertImport(tx: Executor, values: ImportInsert): Promise<ImportRow> {
  const [row] = await tx.insert(imports).values(values).returning();
  if (!row) throw new Error('import not inserted');
  return row;
}

export async function findImport(tx: Executor, id: string, lock = false): Promise<ImportRow | undefined> {
  const query = tx.select().from(imports).where(eq(imports.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateImport(tx: Executor, id: string, patch: Partial<ImportInsert>) {
  const [row] = await tx.update(imports).set(patch).where(eq(imports.id, id)).returning();
  if (!row) throw new Error('import vanished');
  return row;
}

/** The newest earlier import of the same bytes that did not fail. */
export async function importOfHash(tx: Executor, hash: string): Promise<ImportRow | undefined> {
  const [row] = await tx
    .select()
    .from(imports)
    .where(and(eq(imports.fileHash, hash), ne(imports.status, 'failed')))
    .orderBy(desc(imports.createdAt))
    .limit(1);
  return row;
}

/** Serialises, until the transaction ends, the work of one tenant on one file's bytes. */
export async function lockHash(tx: Executor, tenantId: string, hash: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`import:${tenantId}:${hash}`}, 0))`);
}

/** Whether any import of the tenant (whatever its status) has these bytes. */
export async function hashInUse(tx: Executor, hash: string): Promise<boolean> {
  const [row] = await tx.select({ id: imports.id }).from(imports).where(eq(imports.fileHash, hash)).limit(1);
  return row !== undefined;
}

export async function listImports(
  tx: Executor,
  filter: {
    status?: string | undefined;
    facilityId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const where = and(
    filter.status ? eq(imports.status, filter.status) : undefined,
    filter.facilityId ? eq(imports.facilityId, filter.facilityId) : undefined,
  );
  const rows = await tx
    .select({ row: imports, total: matchedRows() })
    .from(imports)
    .where(where)
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.row,
    () => countWhere(tx, imports, where),
  );
}

/**
 * Which of `ids` still need their frame snapshot file: imports being (re)processed, and completed
 * ones whose completion recorded a snapshot. The files of the others are left-overs.
 */
export async function importsWithFrames(tx: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from imports
         where id = any(${nullableBinaryArray('text', ids)}::text[]::uuid[])
           and (status in ('queued', 'processing') or frame is not null)`,
  );
  return rows.map((r) => r.id);
}

export async function deleteImport(tx: Executor, id: string) {
  await tx.delete(imports).where(eq(imports.id, id));
}

/**
 * Forgets what an earlier run of the import stored (a retry or a reprocess starts clean), its frame
 * snapshot's record with its rows: a snapshot never outlives the rows it was written from.
 */
export async function clearImportRows(tx: Executor, id: string, options: { keepErrors?: boolean } = {}) {
  await tx.delete(workOrders).where(eq(workOrders.importId, id));
  await tx.update(imports).set({ frame: null }).where(eq(imports.id, id));
  if (!options.keepErrors) await tx.delete(importErrors).where(eq(importErrors.importId, id));
}

export interface RowError {
  rowNo: number;
  columnName: string | null;
  value: string | null;
  reason: string;
}

export async function insertErrors(tx: Executor, tenantId: string, importId: string, errors: RowError[]) {
  if (errors.length === 0) return;
  await tx.execute(sql`/* insertImportErrors */
insert into import_errors (import_id, tenant_id, row_no, column_name, value, reason)
select ${importId}::uuid, ${tenantId}::uuid, r, c, v, why
  from unnest(${sql.param(errors.map((e) => e.rowNo))}::int4[], ${sql.param(errors.map((e) => e.columnName))}::text[],
              ${sql.param(errors.map((e) => e.value))}::text[], ${sql.param(errors.map((e) => e.reason))}::text[])
       as e(r, c, v, why)`);
}

export async function errorsPage(tx: Executor, importId: string, limit: number, offset: number) {
  const where = eq(importErrors.importId, importId);
  const rows = await tx
    .select({
      rowNo: importErrors.rowNo,
      columnName: importErrors.columnName,
      value: importErrors.value,
      reason: importErrors.reason,
      total: matchedRows(),
    })
    .from(importErrors)
    .where(where)
    .orderBy(asc(importErrors.rowNo), sql`ctid`)
    .limit(limit)
    .offset(offset);
  return pageOf(
    rows,
    offset,
    ({ total: _, ...row }) => row,
    () => countWhere(tx, importErrors, where),
  );
}

/**
 * Errors after `after` (a row and the physical position of an error in it), for the CSV download's
 * pages: errors are never updated, so (row, ctid) is a complete and stable order. A row can have
 * several errors, on one column too (two fields mapped to it).
 */
export async function errorsAfter(
  tx: Executor,
  importId: string,
  after: { row: number; at: string },
  limit: number,
) {
  return queryRows<RowError & { at: string }>(
    tx,
    sql`/* importErrorsAfter */
select row_no as "rowNo", column_name as "columnName", value, reason, ctid::text as at
  from import_errors
 where import_id = ${importId}::uuid and (row_no, ctid) > (${after.row}::int4, ${after.at}::tid)
 order by row_no, ctid
 limit ${limit}`,
  );
}

const NUMBER_TYPE: Record<Exclude<FieldType, 'text'>, NumberColumnType> = {
  number: 'float8',
  integer: 'int8',
  date: 'timestamptz',
  boolean: 'bool',
};

export type { WorkOrderValues } from './work-order-batch.ts';

/** A stored batch's columns: the binary arrays sent for its text fields, its numbers and row numbers. */
export interface StoredColumns {
  /** By text field: the binary text[] the insert sent. */
  arrays: Record<string, Uint8Array>;
  /** By other field: the values as numbers (dates as epoch ms, flags 0/1), NaN where empty. */
  numbers: Record<string, Float64Array>;
  rowNos: Int32Array;
}

const FIELD_COLUMNS = sql.raw(CANONICAL_FIELDS.map((f) => `"${columnOf(f.key)}"`).join(', '));
const FIELD_CASTS = CANONICAL_FIELDS.map((f) =>
  sql.raw(`::${f.type === 'text' ? 'text' : NUMBER_TYPE[f.type]}[]`),
);

/**
 * Stores a batch of work orders in one statement: one binary array per column, unnested (no text
 * to print here or to parse there; nulls where a field is empty). The unnests stand in the select
 * list, which streams the rows (ProjectSet; the arrays all have the batch's length) where
 * `FROM unnest(…)` would first copy them all into a tuplestore. Returns the batch's columns (the
 * frame snapshot keeps them) and, when asked for, the rows' ids in the batch's order.
 */
export async function insertWorkOrders(
  tx: Executor,
  scope: { tenantId: string; importId: string; facilityId: string },
  work: WorkOrderBatch | readonly WorkOrderValues[],
  options: { ids?: boolean } = {},
): Promise<{ ids: Float64Array | null } & StoredColumns> {
  const batch = work instanceof WorkOrderBatch ? work : WorkOrderBatch.of(work);
  const n = batch.length;
  const columns: StoredColumns = { arrays: {}, numbers: {}, rowNos: batch.rowNos.subarray(0, n) };
  const unnests = CANONICAL_FIELDS.map(({ key, type }, i) => {
    let array: Uint8Array;
    if (type === 'text') {
      array = nullableBinaryArray('text', batch.texts[key] as (string | null)[]);
      columns.arrays[key] = array;
    } else {
      const numbers = batch.numbersOf(key);
      columns.numbers[key] = numbers;
      array = numberColumnArray(NUMBER_TYPE[type], numbers);
    }
    return sql`unnest(${array}${FIELD_CASTS[i]})`;
  });
  if (n === 0) return { ids: options.ids ? new Float64Array(0) : null, ...columns };
  const rowNo = int4Array(columns.rowNos);
  const operations = nullableBinaryArray('int4', batch.operations);
  const extras = nullableBinaryArray('jsonb', batch.extras);
  const insert = sql`insert into work_orders (tenant_id, import_id, facility_id, row_no, operations, ${FIELD_COLUMNS}, extra)
  select ${scope.tenantId}::uuid, ${scope.importId}::uuid, ${scope.facilityId}::uuid,
         unnest(${rowNo}::int4[]), unnest(${operations}::int4[]), ${sql.join(unnests, sql`, `)}, unnest(${extras}::jsonb[])`;
  if (!options.ids) {
    await tx.execute(sql`/* insertWorkOrders */ ${insert}`);
    return { ids: null, ...columns };
  }
  const [stored] = await queryRows<{ ids: string | null; rows: string | null }>(
    tx,
    sql`/* insertWorkOrders */
with stored as (${insert} returning id, row_no)
select ${sendAsBase64(aggregateFloat8Run(sql`id::float8`))} as ids,
       ${sendAsBase64(aggregateFloat8Run(sql`row_no::float8`))} as rows
  from stored`,
  );
  const returned = new Float64Array(n);
  const returnedRows = new Float64Array(n);
  if (readFloat8Run(stored?.ids, returned, 0) !== n || readFloat8Run(stored?.rows, returnedRows, 0) !== n)
    throw new Error('the insert returned a different number of work orders');
  // RETURNING gives the rows in the order they were inserted; matched by row number all the same.
  if (returnedRows.every((r, i) => r === columns.rowNos[i])) return { ids: returned, ...columns };
  const idOf = new Map<number, number>(Array.from(returnedRows, (r, i) => [r, returned[i] as number]));
  return { ids: Float64Array.from(columns.rowNos, (r) => idOf.get(r) ?? Number.NaN), ...columns };
}

export type SettingsRow = typeof analyticsSettings.$inferSelect;
const DEFAULT_SETTINGS = { rejectPolicy: 'skip', duplicatePolicy: 'refuse', fileRetentionDays: 365 };

export async function settingsOf(tx: Executor): Promise<Omit<SettingsRow, 'tenantId' | 'updatedAt'>> {
  const [row] = await tx.select().from(analyticsSettings).limit(1);
  return row ?? DEFAULT_SETTINGS;
}

export async function saveSettings(
  tx: Executor,
  tenantId: string,
  values: Omit<SettingsRow, 'tenantId' | 'updatedAt'>,
) {
  await tx
    .insert(analyticsSettings)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: analyticsSettings.tenantId, set: { ...values, updatedAt: sql`now()` } });
}

/** Uploads past their tenant's file retention (counted from the newest import of the same bytes). */
export async function expiredFiles(tx: Executor, limit = 1000) {
  return queryRows<{ tenant_id: string; file_hash: string }>(
    tx,
    sql`/* expiredImportFiles */
select i.tenant_id, i.file_hash
  from imports i left join analytics_settings s on s.tenant_id = i.tenant_id
 where i.file_kept and coalesce(s.file_retention_days, 365) > 0
 group by i.tenant_id, i.file_hash, s.file_retention_days
having max(i.created_at) < now() - make_interval(days => coalesce(s.file_retention_days, 365))
 limit ${limit}`,
  );
}

export async function markFileRemoved(tx: Executor, tenantId: string, hash: string) {
  await tx
    .update(imports)
    .set({ fileKept: false })
    .where(and(eq(imports.tenantId, tenantId), eq(imports.fileHash, hash)));
}
