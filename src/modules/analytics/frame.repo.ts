// The work orders of an import as an analysis frame, and the rows behind an insight. The frame is
// read a page at a time, each column of the page as one binary value — a text column as an array
// (`array_send(array_agg(…))`), the others as float8s back to back — sent as base64 and read by
// platform/db/binary-array-reader.ts: no value is printed as text and parsed back, no object is made
// per row, and texts are dictionary-encoded from their bytes. The aggregates of one statement are
// fed the same rows in the same sequence, so the columns line up with the ids without an ORDER BY
// inside each aggregate (which would sort the page once per column). The next pages are asked for
// before the current one is decoded, so the database computes them meanwhile. The columns are
// allocated in shared memory: the analyzers' worker threads read them without a copy each.
import { eq, type SQL, sql } from 'drizzle-orm';
import { sharedFloat64Array, sharedInt32Array } from '../../platform/compute/shared-arrays.ts';
import {
  aggregateFloat8Run,
  byteaOf,
  readFloat8Run,
  readTextArrayCodes,
  sendAsBase64,
} from '../../platform/db/binary-array-reader.ts';
import { ByteDictionary } from '../../platform/db/byte-dictionary.ts';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { imports } from '../../platform/db/schema/index.ts';
import type { RowSelector, TextColumn, WorkOrderFrame } from './analysis/types.ts';
import { CANONICAL_FIELDS, columnOf, FIELD_BY_KEY } from './canonical.ts';

/** Work orders per page read. */
const PAGE = 50_000;
/**
 * Page statements in flight while one is decoded, for an executor that takes statements side by
 * side (readInTenant's): two keep both cores of a small server busy.
 */
export const PAGES_AHEAD = 2;

/** A column of the page as one binary value: texts as an array (array_send), the rest as float8s. */
const fieldExpr = (key: string): SQL => {
  const column = sql.identifier(columnOf(key));
  switch (FIELD_BY_KEY.get(key)?.type) {
    case 'text':
      return sql`array_send(array_agg(${column}))`;
    case 'date':
      // date_part is float8 already; extract() computes a numeric and is slower to cast.
      return aggregateFloat8Run(sql`date_part('epoch', ${column}) * 1000`);
    case 'boolean':
      return aggregateFloat8Run(sql`${column}::int::float8`);
    default:
      return aggregateFloat8Run(sql`${column}::float8`);
  }
};

/** The canonical fields an import's mapping fills (a column or a constant). */
export async function mappedFields(tx: Executor, importId: string): Promise<string[]> {
  const [row] = await tx.select({ mappings: imports.mappings }).from(imports).where(eq(imports.id, importId));
  return [...new Set((row?.mappings ?? []).map((m) => m.field).filter((f) => FIELD_BY_KEY.has(f)))];
}

/** The import's frame snapshot record and work-order count (frame-snapshot.ts checks one against the other). */
export async function snapshotOf(tx: Executor, importId: string) {
  const [row] = await tx
    .select({ frame: imports.frame, workOrders: imports.workOrders })
    .from(imports)
    .where(eq(imports.id, importId));
  return row?.frame && row.frame.rows === row.workOrders ? { ...row, frame: row.frame } : null;
}

/** The frame without the columns that hold no value at all (a mapped column left empty). */
export function dropEmptyColumns(frame: WorkOrderFrame): WorkOrderFrame {
  const numbers = Object.fromEntries(
    Object.entries(frame.numbers).filter(([, column]) => column.some((v) => !Number.isNaN(v))),
  );
  const texts = Object.fromEntries(
    Object.entries(frame.texts).filter(([, column]) => column.dict.length > 0),
  );
  return { ...frame, numbers, texts };
}

/**
 * The statement reading the work orders with row numbers in (from, from + pageRows]: each column of the
 * page as one binary array, base64, in a row of its own. One row of all the columns would be one
 * protocol message of tens of megabytes, which the driver gathers in freshly allocated buffers of
 * twice that; a row per column keeps each message to a megabyte or two.
 */
function pageOf(importId: string, keys: readonly string[], pageRows: number) {
  const columns: [string, SQL][] = [
    ['__id', aggregateFloat8Run(sql`id::float8`)],
    ['__row', aggregateFloat8Run(sql`row_no::float8`)],
    ...keys.map((k): [string, SQL] => [k, fieldExpr(k)]),
  ];
  const selects = sql.join(
    columns.map(([name, expr]) => sql`${sendAsBase64(expr)} as ${sql.identifier(name)}`),
    sql`, `,
  );
  const rowPerColumn = sql.join(
    columns.map(([name]) => sql`(${name}, p.${sql.identifier(name)})`),
    sql`, `,
  );
  return (from: number) =>
    sql`select c.name, c.data from (select ${selects} from work_orders
        where import_id = ${importId} and row_no > ${from} and row_no <= ${from + pageRows}) p
        cross join lateral (values ${rowPerColumn}) as c(name, data)`;
}

/**
 * The work orders of an import as a frame, `fields` only. `rows` (the import's work-order count)
 * sizes the columns; `pageRows` (row numbers per statement) is for tests. `ahead` statements
 * are in flight at a time: more than one only with an executor that runs statements side by side
 * (readInTenant's: each statement a transaction of its own); a real transaction would queue them.
 */
export async function loadFrame(
  tx: Executor,
  importId: string,
  fields: readonly string[],
  rows: number,
  onPage?: (loaded: number) => Promise<void> | void,
  { pageRows = PAGE, ahead = 1 }: { pageRows?: number; ahead?: number } = {},
): Promise<WorkOrderFrame> {
  const keys = CANONICAL_FIELDS.map((f) => f.key).filter((k) => fields.includes(k));
  const pageStatement = pageOf(importId, keys, pageRows);
  let capacity = Math.max(rows, 1);
  let ids = sharedFloat64Array(capacity);
  let rowNo = new Float64Array(capacity);
  let numbers: Record<string, Float64Array> = {};
  // Texts are dictionary-encoded as they arrive, page after page.
  let codes: Record<string, Int32Array> = {};
  const dictionaries: Record<string, ByteDictionary> = {};
  for (const k of keys) {
    if (FIELD_BY_KEY.get(k)?.type === 'text') {
      codes[k] = sharedInt32Array(capacity);
      dictionaries[k] = new ByteDictionary();
    } else numbers[k] = sharedFloat64Array(capacity);
  }
  // Pages are ranges of the file's row numbers over the (import_id, row_no) index: each statement
  // reads its own rows only, whatever the planner knows of a table that has just grown by a million.
  const [bounds] = await queryRows<{ last: number | null }>(
    tx,
    sql`select max(row_no) as last from work_orders where import_id = ${importId}`,
  );
  const lastRow = Number(bounds?.last ?? 0);
  const pageFrom = async (from: number) => {
    const columns = await queryRows<{ name: string; data: string | null }>(tx, pageStatement(from));
    return Object.fromEntries(columns.map((c) => [c.name, c.data])) as Record<string, unknown>;
  };
  // `ahead` statements are in flight while a page is decoded, so the database computes the next
  // pages meanwhile — in parallel on PostgreSQL, where each statement of a read (readInTenant) takes
  // a connection of its own. Pages are decoded in file order whatever order they arrive in: the
  // codes of a text column are in order of first appearance, the same on every run.
  const starts: number[] = [];
  for (let from = 0; from < lastRow; from += pageRows) starts.push(from);
  const inFlight: Promise<Record<string, unknown>>[] = [];
  let requested = 0;
  const request = () => {
    const page = pageFrom(starts[requested++] as number);
    // Settled below even when decoding fails first: never an unhandled rejection.
    page.catch(() => {});
    inFlight.push(page);
  };
  let loaded = 0;
  try {
    while (requested < starts.length && inFlight.length < ahead) request();
    while (inFlight.length > 0) {
      const page = await (inFlight.shift() as Promise<Record<string, unknown>>);
      if (requested < starts.length) request();
      const pageIds = byteaOf(page.__id);
      const count = pageIds.byteLength / 8;
      if (count === 0) continue;
      if (loaded + count > capacity) {
        // More rows than the import counted (a concurrent re-import): the frame grows.
        capacity = (loaded + count) * 2;
        const grow = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A) => {
          const b = make(capacity);
          b.set(a);
          return b;
        };
        ids = grow(ids, sharedFloat64Array);
        rowNo = grow(rowNo, (n) => new Float64Array(n));
        numbers = Object.fromEntries(
          Object.entries(numbers).map(([k, a]) => [k, grow(a, sharedFloat64Array)]),
        );
        codes = Object.fromEntries(Object.entries(codes).map(([k, a]) => [k, grow(a, sharedInt32Array)]));
      }
      readFloat8Run(pageIds, ids, loaded);
      // Every column of a page has the page's length, or the columns would no longer line up.
      const lengths = [readFloat8Run(page.__row, rowNo, loaded)];
      for (const k of keys) {
        const dictionary = dictionaries[k];
        lengths.push(
          dictionary
            ? readTextArrayCodes(page[k], dictionary, codes[k] as Int32Array, loaded)
            : readFloat8Run(page[k], numbers[k] as Float64Array, loaded),
        );
      }
      if (lengths.some((length) => length !== count))
        throw new Error(`a page of ${count} work orders came with columns of ${lengths.join(', ')} values`);
      loaded += count;
      await onPage?.(loaded);
    }
  } finally {
    // On a failure (or an abort from onPage) no statement is left running once the load returns.
    await Promise.allSettled(inFlight);
  }
  // Fewer rows than the capacity (rows deleted meanwhile, or room left by growing): a copy of the
  // first `loaded`, so the frame does not keep the larger buffer alive in every worker.
  const trim = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A) => {
    if (a.length === loaded) return a;
    const exact = make(loaded);
    exact.set(a.subarray(0, loaded));
    return exact;
  };
  const rowNumbers = sharedInt32Array(loaded);
  rowNumbers.set(rowNo.subarray(0, loaded));
  return {
    n: loaded,
    ids: trim(ids, sharedFloat64Array),
    rowNo: rowNumbers,
    numbers: Object.fromEntries(Object.entries(numbers).map(([k, a]) => [k, trim(a, sharedFloat64Array)])),
    texts: Object.fromEntries(
      Object.entries(dictionaries).map(([k, d]): [string, TextColumn] => [
        k,
        { codes: trim(codes[k] as Int32Array, sharedInt32Array), dict: d.values },
      ]),
    ),
  };
}

/** The condition of a row selector (within the import); undefined for a selector that is invalid. */
export function selectorWhere(selector: RowSelector): SQL | undefined {
  const numeric = (where: { field: string; above: number }) =>
    FIELD_BY_KEY.get(where.field)
      ? sql`${sql.identifier(columnOf(where.field))} > ${where.above}`
      : undefined;
  switch (selector.kind) {
    case 'all':
      return sql`true`;
    case 'ids':
      return selector.ids.length
        ? sql`id in (${sql.join(
            selector.ids.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`;
    case 'condition':
      return numeric(selector.where);
    case 'entity': {
      if (FIELD_BY_KEY.get(selector.field)?.type !== 'text') return undefined;
      const match = sql`${sql.identifier(columnOf(selector.field))} = ${selector.value}`;
      if (!selector.where) return match;
      const extra = numeric(selector.where);
      return extra ? sql`${match} and ${extra}` : undefined;
    }
  }
}

/** A page of the work orders a selector names, in file order, with their canonical values. */
export async function selectedRows(
  tx: Executor,
  importId: string,
  selector: RowSelector,
  page: { limit: number; offset: number },
) {
  const where = selectorWhere(selector);
  if (!where) return { items: [], total: 0 };
  const columns = sql.join(
    CANONICAL_FIELDS.map((f) =>
      f.type === 'date'
        ? sql`to_char(${sql.identifier(columnOf(f.key))} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ${sql.identifier(f.key)}`
        : sql`${sql.identifier(columnOf(f.key))} as ${sql.identifier(f.key)}`,
    ),
    sql`, `,
  );
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select id::float8 as "id", row_no as "rowNo", count(*) over () as "total", ${columns}
        from work_orders where import_id = ${importId} and ${where}
        order by row_no, id limit ${page.limit} offset ${page.offset}`,
  );
  const total = rows[0]
    ? Number(rows[0].total)
    : page.offset > 0
      ? Number(
          (
            await queryRows<{ n: number }>(
              tx,
              sql`select count(*) as n from work_orders where import_id = ${importId} and ${where}`,
            )
          )[0]?.n ?? 0,
        )
      : 0;
  return {
    total,
    items: rows.map(({ id, rowNo, total: _total, ...values }) => ({
      id: Number(id),
      rowNo: Number(rowNo),
      values: Object.fromEntries(
        Object.entries(values)
          .filter(([, v]) => v !== null)
          .map(([k, v]) => [k, typeof v === 'string' || typeof v === 'boolean' ? v : Number(v)]),
      ),
    })),
  };
}
