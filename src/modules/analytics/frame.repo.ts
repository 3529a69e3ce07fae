// The work orders of an import as an analysis frame, and the rows behind an insight. The frame is
// read a page at a time with one array per column (array_agg), which both drivers hand back as
// plain arrays: far fewer objects than a row each, so a million work orders load in seconds.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import type { RowSelector, TextColumn, WorkOrderFrame } from './analysis/types.ts';
import { CANONICAL_FIELDS, columnOf, FIELD_BY_KEY } from './canonical.ts';

/** Work orders per page read. */
const PAGE = 50_000;

const fieldExpr = (key: string): SQL => {
  const column = sql.identifier(columnOf(key));
  switch (FIELD_BY_KEY.get(key)?.type) {
    case 'date':
      return sql`array_agg((extract(epoch from ${column}) * 1000)::float8 order by id)`;
    case 'boolean':
      return sql`array_agg(${column}::int::float8 order by id)`;
    case 'integer':
      return sql`array_agg(${column}::float8 order by id)`;
    default:
      return sql`array_agg(${column} order by id)`;
  }
};

/** Canonical fields of the import that hold at least one value. */
export async function presentFields(tx: Executor, importId: string, candidates: readonly string[]) {
  const keys = candidates.filter((k) => FIELD_BY_KEY.has(k));
  if (keys.length === 0) return new Set<string>();
  const checks = sql.join(
    keys.map((k) => sql`bool_or(${sql.identifier(columnOf(k))} is not null) as ${sql.identifier(k)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, boolean>>(
    tx,
    sql`select ${checks} from work_orders where import_id = ${importId}`,
  );
  return new Set(keys.filter((k) => row?.[k] === true));
}

export async function loadFrame(
  tx: Executor,
  importId: string,
  fields: readonly string[],
  onPage?: (loaded: number) => Promise<void> | void,
): Promise<WorkOrderFrame> {
  const keys = CANONICAL_FIELDS.map((f) => f.key).filter((k) => fields.includes(k));
  const selects = sql.join(
    [
      sql`array_agg(id::float8 order by id) as "__id"`,
      sql`array_agg(row_no order by id) as "__row"`,
      ...keys.map((k) => sql`${fieldExpr(k)} as ${sql.identifier(k)}`),
    ],
    sql`, `,
  );
  const ids: number[][] = [];
  const rowNos: number[][] = [];
  const columns: unknown[][][] = keys.map(() => []);
  let after = 0;
  let loaded = 0;
  for (;;) {
    const rows = await queryRows<Record<string, unknown[] | null>>(
      tx,
      sql`select ${selects} from (select * from work_orders where import_id = ${importId} and id > ${after}
          order by id limit ${PAGE}) page`,
    );
    const page = rows[0] ?? {};
    const pageIds = (page.__id ?? []) as number[];
    if (pageIds.length === 0) break;
    ids.push(pageIds.map(Number));
    rowNos.push(((page.__row ?? []) as number[]).map(Number));
    keys.forEach((k, i) => {
      (columns[i] as unknown[][]).push((page[k] ?? []) as unknown[]);
    });
    after = Number(pageIds[pageIds.length - 1]);
    loaded += pageIds.length;
    await onPage?.(loaded);
    if (pageIds.length < PAGE) break;
  }
  const n = loaded;
  const frame: WorkOrderFrame = {
    n,
    ids: Float64Array.from(ids.flat()),
    rowNo: Int32Array.from(rowNos.flat()),
    numbers: {},
    texts: {},
  };
  keys.forEach((key, i) => {
    const pages = columns[i] as unknown[][];
    if (FIELD_BY_KEY.get(key)?.type === 'text') frame.texts[key] = encodeText(pages, n);
    else {
      const out = new Float64Array(n);
      let j = 0;
      for (const page of pages)
        for (const v of page) out[j++] = v === null || v === undefined ? Number.NaN : Number(v);
      frame.numbers[key] = out;
    }
  });
  return frame;
}

function encodeText(pages: unknown[][], n: number): TextColumn {
  const codes = new Int32Array(n);
  const dict: string[] = [];
  const index = new Map<string, number>();
  let j = 0;
  for (const page of pages)
    for (const v of page) {
      if (v === null || v === undefined || v === '') {
        codes[j++] = -1;
        continue;
      }
      const s = String(v);
      let code = index.get(s);
      if (code === undefined) {
        code = dict.length;
        dict.push(s);
        index.set(s, code);
      }
      codes[j++] = code;
    }
  return { codes, dict };
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
