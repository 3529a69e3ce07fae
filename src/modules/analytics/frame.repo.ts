// The work orders of an import as an analysis frame, and the rows behind an insight. The frame is
// read a page at a time, each column of the page as one array in PostgreSQL's binary format
// (`array_send(array_agg(…))`, read by platform/db/binary-array-reader.ts): no value is printed as
// text and parsed back, and no object is made per row. The aggregates of one statement are fed the
// same rows in the same sequence, so the columns line up with the ids without an ORDER BY inside
// each aggregate (which would sort the page once per column).
import { eq, type SQL, sql } from 'drizzle-orm';
import { binaryArrayLength, readFloat8Array, readTextArray } from '../../platform/db/binary-array-reader.ts';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { imports } from '../../platform/db/schema/index.ts';
import type { RowSelector, TextColumn, WorkOrderFrame } from './analysis/types.ts';
import { CANONICAL_FIELDS, columnOf, FIELD_BY_KEY } from './canonical.ts';

/** Work orders per page read. */
const PAGE = 50_000;

/** A column of the page as one binary array (array_send): numbers, dates and flags as float8. */
const fieldExpr = (key: string): SQL => {
  const column = sql.identifier(columnOf(key));
  switch (FIELD_BY_KEY.get(key)?.type) {
    case 'text':
      return sql`array_send(array_agg(${column}))`;
    case 'date':
      return sql`array_send(array_agg((extract(epoch from ${column}) * 1000)::float8))`;
    case 'boolean':
      return sql`array_send(array_agg(${column}::int::float8))`;
    default:
      return sql`array_send(array_agg(${column}::float8))`;
  }
};

/** The canonical fields an import's mapping fills (a column or a constant). */
export async function mappedFields(tx: Executor, importId: string): Promise<string[]> {
  const [row] = await tx.select({ mappings: imports.mappings }).from(imports).where(eq(imports.id, importId));
  return [...new Set((row?.mappings ?? []).map((m) => m.field).filter((f) => FIELD_BY_KEY.has(f)))];
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

/** Texts dictionary-encoded as they arrive, page after page. */
function textEncoder(n: number) {
  const codes = new Int32Array(n).fill(-1);
  const dict: string[] = [];
  const index = new Map<string, number>();
  let j = 0;
  return {
    add(text: string | null) {
      if (text !== null && text !== '') {
        let code = index.get(text);
        if (code === undefined) {
          code = dict.length;
          dict.push(text);
          index.set(text, code);
        }
        codes[j] = code;
      }
      j++;
    },
    column: (): TextColumn => ({ codes, dict }),
  };
}

/**
 * The work orders of an import as a frame, `fields` only. `rows` (the import's work-order count)
 * sizes the columns.
 */
export async function loadFrame(
  tx: Executor,
  importId: string,
  fields: readonly string[],
  rows: number,
  onPage?: (loaded: number) => Promise<void> | void,
): Promise<WorkOrderFrame> {
  const keys = CANONICAL_FIELDS.map((f) => f.key).filter((k) => fields.includes(k));
  const selects = sql.join(
    [
      sql`array_send(array_agg(id::float8)) as "__id"`,
      sql`array_send(array_agg(row_no::float8)) as "__row"`,
      ...keys.map((k) => sql`${fieldExpr(k)} as ${sql.identifier(k)}`),
    ],
    sql`, `,
  );
  let capacity = Math.max(rows, 1);
  let ids = new Float64Array(capacity);
  let rowNo = new Float64Array(capacity);
  let numbers: Record<string, Float64Array> = {};
  const texts: Record<string, ReturnType<typeof textEncoder>> = {};
  const isText = (k: string) => FIELD_BY_KEY.get(k)?.type === 'text';
  for (const k of keys) {
    if (isText(k)) texts[k] = textEncoder(capacity);
    else numbers[k] = new Float64Array(capacity);
  }
  // Pages are ranges of the file's row numbers over the (import_id, row_no) index: each statement
  // reads its own rows only, whatever the planner knows of a table that has just grown by a million.
  const [bounds] = await queryRows<{ last: number | null }>(
    tx,
    sql`select max(row_no) as last from work_orders where import_id = ${importId}`,
  );
  const lastRow = Number(bounds?.last ?? 0);
  let loaded = 0;
  for (let from = 0; from < lastRow; from += PAGE) {
    const [page] = await queryRows<Record<string, unknown>>(
      tx,
      sql`select ${selects} from work_orders
          where import_id = ${importId} and row_no > ${from} and row_no <= ${from + PAGE}`,
    );
    const count = page?.__id === null || page?.__id === undefined ? 0 : binaryArrayLength(page.__id);
    if (count === 0) continue;
    if (loaded + count > capacity) {
      // More rows than the import counted (a concurrent re-import): the frame grows.
      capacity = (loaded + count) * 2;
      const grow = (a: Float64Array) => {
        const b = new Float64Array(capacity);
        b.set(a);
        return b;
      };
      ids = grow(ids);
      rowNo = grow(rowNo);
      numbers = Object.fromEntries(Object.entries(numbers).map(([k, a]) => [k, grow(a)]));
      for (const k of Object.keys(texts)) {
        const old = (texts[k] as ReturnType<typeof textEncoder>).column();
        const fresh = textEncoder(capacity);
        for (let i = 0; i < loaded; i++)
          fresh.add(old.codes[i] === -1 ? null : (old.dict[old.codes[i] as number] as string));
        texts[k] = fresh;
      }
    }
    readFloat8Array(page?.__id, ids, loaded);
    readFloat8Array(page?.__row, rowNo, loaded);
    for (const k of keys) {
      const text = texts[k];
      if (text) readTextArray(page?.[k], text.add);
      else readFloat8Array(page?.[k], numbers[k] as Float64Array, loaded);
    }
    loaded += count;
    await onPage?.(loaded);
  }
  const trim = (a: Float64Array) => (a.length === loaded ? a : a.slice(0, loaded));
  return {
    n: loaded,
    ids: trim(ids),
    rowNo: Int32Array.from(rowNo.subarray(0, loaded)),
    numbers: Object.fromEntries(Object.entries(numbers).map(([k, a]) => [k, trim(a)])),
    texts: Object.fromEntries(
      Object.entries(texts).map(([k, t]) => {
        const { codes, dict } = t.column();
        return [k, { codes: codes.length === loaded ? codes : codes.slice(0, loaded), dict }];
      }),
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
