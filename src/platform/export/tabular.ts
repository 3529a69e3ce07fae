// Streamed table downloads (CSV and XLSX) for every list and report export.
//
//   return sendTable(reply, {
//     filename: 'batches-2026-12-04',            // the extension is added for the format
//     format: request.query.format,               // 'csv' | 'xlsx'
//     columns: [{ key: 'code', header: 'Batch' }, { key: 'good', header: 'Good (units)', type: 'number' }],
//     rows: paged((after) => readPage(after), (row) => row.id),  // any AsyncIterable of records
//   });
//
// Rows are pulled from the iterable only as fast as the client reads: the memory an export holds is a
// page of rows and the streams' buffers, whatever the number of rows. The first row is read before
// anything is sent, so a failure there (a 404 from the first page, a database error) is an ordinary
// JSON error response; a failure later cuts the download off (an incomplete chunked response, which
// browsers and HTTP clients report as a failed download, never a silently short file).
//
// CSV: UTF-8 with a byte-order mark (Excel otherwise reads it as the system code page), RFC 4180
// quoting, CRLF line ends, ISO 8601 UTC times. Text cells that a spreadsheet would run as a formula
// (= + - @, tab, CR) are prefixed with an apostrophe (OWASP's CSV injection advice).
// XLSX: one sheet (continued on further sheets past Excel's 1,048,576 rows), typed cells, a bold
// frozen header row, column widths by type. Strings are written inline (a shared-string table would
// hold every distinct string in memory until the end); XLSX text cells are never formulas.
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type * as ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
export type ColumnType = 'string' | 'number' | 'date' | 'boolean';

export interface TableColumn {
  /** The record's property holding the value. */
  key: string;
  /** Shown to people: say the unit, e.g. "Duration (min)", "Started (UTC)". */
  header: string;
  /** Default 'string'. Dates accept a Date, an ISO string or epoch milliseconds. */
  type?: ColumnType;
  /** XLSX column width in characters (default by type, at least the header's). */
  width?: number;
  /** XLSX number format, e.g. '0.0%' for a ratio column (default: general). */
  numFmt?: string;
}

export interface TableExport {
  /** File name without extension; anything but letters, digits, `._-` becomes `-`. */
  filename: string;
  format: TableFormat;
  columns: readonly TableColumn[];
  /** Records (any object) whose properties the columns' keys name. */
  rows: AsyncIterable<object>;
  /** XLSX sheet name (default "Data"). */
  sheetName?: string;
  /** XLSX rows per sheet before continuing on the next (default Excel's limit; tests lower it). */
  maxRowsPerSheet?: number;
}

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_CELL_CHARS = 32_767;
/** Rows per CSV chunk and between XLSX backpressure checks. */
const BATCH_ROWS = 500;
const FORMULA_START = /^[=+\-@\t\r]/;
const notXml = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;

/**
 * Text XML 1.0 can carry (exceljs would write the rest and Excel refuse the file): control
 * characters are dropped, a lone surrogate becomes U+FFFD.
 */
function xmlText(text: string): string {
  const whole = text.toWellFormed();
  for (let i = 0; i < whole.length; i += 1) {
    if (notXml(whole.charCodeAt(i))) {
      return Array.from(whole)
        .filter((c) => !notXml(c.charCodeAt(0)))
        .join('');
    }
  }
  return whole;
}

/** The response headers of an export. */
export function tableHeaders(filename: string, format: TableFormat): Record<string, string> {
  const safe = `${filename.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120) || 'export'}.${format}`;
  return {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${safe}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

/**
 * Sends the table as the reply, streamed. Resolves once the first row has been read and the stream
 * handed to Fastify (or rejects with what the first read threw, for the error handler).
 */
export async function sendTable(reply: FastifyReply, table: TableExport): Promise<FastifyReply> {
  const body = await openTable(table);
  // A client that goes away stops the reads (the iterator's `return` ends a paged read).
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) body.destroy();
  });
  return reply.headers(tableHeaders(table.filename, table.format)).send(body);
}

/** The table's bytes as a stream, after its first row was read (see `sendTable`). */
export async function openTable(table: TableExport): Promise<Readable> {
  const rows = table.rows[Symbol.asyncIterator]();
  let first: IteratorResult<object>;
  try {
    first = await rows.next();
  } catch (error) {
    await rows.return?.().catch(() => {});
    throw error;
  }
  const all = withFirst(first, rows);
  const body = table.format === 'csv' ? csvStream(table.columns, all) : await xlsxStream(table, all);
  // However the stream ends (finished, failed, destroyed by a client that left), the source is closed.
  body.once('close', () => {
    all.return?.().catch(() => {});
  });
  return body;
}

/**
 * The first row (already read) followed by the rest. Its `return` always reaches the source, even
 * before the first row was taken (a generator that never started would not pass it on).
 */
function withFirst<T>(first: IteratorResult<T>, rest: AsyncIterator<T>): AsyncIterableIterator<T> {
  let pending: IteratorResult<T> | undefined = first;
  const finished = { done: true, value: undefined } as IteratorResult<T>;
  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      const ready = pending;
      pending = undefined;
      if (!ready) return rest.next();
      return Promise.resolve(ready.done ? finished : ready);
    },
    return: async () => {
      pending = undefined;
      await rest.return?.();
      return finished;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

const cellOf = (row: object, column: TableColumn) => (row as Record<string, unknown>)[column.key];

// ---- CSV ------------------------------------------------------------------------------------------

/** A text cell that a spreadsheet would evaluate as a formula, made inert with a leading apostrophe. */
export const inertText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isFinite(date.getTime()) ? date : null;
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return toDate(value)?.toISOString() ?? '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One CSV cell's text for a value of the column's type. */
export function csvCell(value: unknown, type: ColumnType = 'string'): string {
  switch (type) {
    case 'number': {
      const n = toNumber(value);
      return n === null ? '' : String(n);
    }
    case 'date':
      return toDate(value)?.toISOString() ?? '';
    case 'boolean':
      return value === null || value === undefined ? '' : value ? 'true' : 'false';
    default:
      return inertText(toText(value));
  }
}

const csvLines = (rows: string[][]) => stringify(rows, { record_delimiter: 'windows' });

function csvStream(columns: readonly TableColumn[], rows: AsyncIterable<object>) {
  async function* chunks() {
    yield `\uFEFF${csvLines([columns.map((c) => inertText(c.header))])}`;
    let batch: string[][] = [];
    for await (const row of rows) {
      batch.push(columns.map((c) => csvCell(cellOf(row, c), c.type)));
      if (batch.length >= BATCH_ROWS) {
        yield csvLines(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield csvLines(batch);
  }
  // Readable.from pulls the next chunk only when the consumer wants more: that is the backpressure.
  return Readable.from(chunks(), { objectMode: false });
}

// ---- XLSX -----------------------------------------------------------------------------------------

const DEFAULT_WIDTH: Record<ColumnType, number> = { string: 24, number: 14, date: 20, boolean: 10 };
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** One XLSX cell's value for a value of the column's type (null leaves the cell empty). */
export function xlsxCell(value: unknown, type: ColumnType = 'string'): ExcelJS.CellValue {
  switch (type) {
    case 'number':
      return toNumber(value);
    case 'date':
      return toDate(value);
    case 'boolean':
      return value === null || value === undefined ? null : Boolean(value);
    default: {
      // XML reads CR LF as LF: written as LF, a cell reads back as it was sent.
      const text = xmlText(toText(value)).replace(/\r\n?/g, '\n');
      return text === '' && (value === null || value === undefined)
        ? null
        : text.slice(0, EXCEL_MAX_CELL_CHARS);
    }
  }
}

async function xlsxStream(table: TableExport, rows: AsyncIterable<object>): Promise<Readable> {
  // Loaded on the first XLSX export: exceljs costs most of a second at start-up.
  const { default: excel } = await import('exceljs');
  const out = new PassThrough();
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'PlantIntel';
  const perSheet = Math.min(table.maxRowsPerSheet ?? EXCEL_MAX_ROWS - 1, EXCEL_MAX_ROWS - 1);
  const baseName = (table.sheetName ?? 'Data').replace(/[\\/?*[\]:]/g, ' ').slice(0, 24) || 'Data';
  const aborted = new AbortController();
  out.once('close', () => aborted.abort());
  // The zip writer's own failures (none expected) end the download instead of the process.
  (workbook as unknown as { zip: NodeJS.EventEmitter }).zip.on('error', (error: Error) => out.destroy(error));

  const addSheet = (n: number) => {
    const sheet = workbook.addWorksheet(n === 1 ? baseName : `${baseName} (${n})`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((c) => ({
      key: c.key,
      header: c.header,
      width: Math.max(c.width ?? DEFAULT_WIDTH[c.type ?? 'string'], c.header.length + 2),
      ...(c.numFmt
        ? { style: { numFmt: c.numFmt } }
        : c.type === 'date'
          ? { style: { numFmt: DATE_FORMAT } }
          : {}),
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    return sheet;
  };

  async function write() {
    let sheets = 1;
    let sheet = addSheet(sheets);
    let inSheet = 0;
    let sinceCheck = 0;
    for await (const row of rows) {
      if (inSheet === perSheet) {
        sheet.commit();
        sheets += 1;
        sheet = addSheet(sheets);
        inSheet = 0;
      }
      sheet.addRow(table.columns.map((c) => xlsxCell(cellOf(row, c), c.type))).commit();
      inSheet += 1;
      sinceCheck += 1;
      if (sinceCheck >= BATCH_ROWS) {
        sinceCheck = 0;
        aborted.signal.throwIfAborted();
        await backlogDrained(sheet, out, aborted.signal);
      }
    }
    sheet.commit();
    await workbook.commit();
  }

  write().catch((error: unknown) => {
    if (!out.destroyed) out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}

/**
 * Waits until the sheet's XML has gone through the zip writer. exceljs writes rows into a buffer that
 * pushes to the zip entry's stream without looking at its backpressure; that stream (a PassThrough
 * archiver put in front of it) fills when the compressor or the client lags, and its 'drain' is the
 * one signal that covers the whole chain down to the client.
 */
async function backlogDrained(sheet: ExcelJS.Worksheet, out: PassThrough, signal: AbortSignal) {
  const pipes = (sheet as unknown as { stream: { pipes?: Drainable[] } }).stream.pipes ?? [];
  for (const stream of [...pipes, out as Drainable]) {
    if (needsDrain(stream)) await once(stream, 'drain', { signal });
  }
}

// archiver's PassThrough comes from readable-stream 2, which predates `writableNeedDrain`.
type Drainable = NodeJS.EventEmitter & {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
};
const needsDrain = (stream: Drainable) =>
  stream.writableNeedDrain ?? stream._writableState?.needDrain ?? false;

// ---- paged reads ----------------------------------------------------------------------------------

/**
 * A keyset-paged read as an async iterable: `read(after, size)` returns up to `size` rows following
 * the cursor (`undefined` for the first page), in a stable order; `cursorOf(last)` is the next cursor.
 * Each page is its own short read: nothing is held open between pages, and a client that stops
 * reading stops the reads.
 */
export async function* paged<T, C>(
  read: (after: C | undefined, size: number) => Promise<T[]>,
  cursorOf: (last: T) => C,
  pageSize = 1000,
): AsyncGenerator<T> {
  let after: C | undefined;
  for (;;) {
    const page = await read(after, pageSize);
    yield* page;
    const last = page.at(-1);
    if (page.length < pageSize || last === undefined) return;
    after = cursorOf(last);
  }
}

/**
 * An offset-paged read (a list API's own `{ limit, offset }` read) as an async iterable. For lists
 * whose order is stable and whose size stays modest; large tables should use `paged` (keyset).
 */
export async function* offsetPaged<T>(
  read: (page: { limit: number; offset: number }) => Promise<{ items: T[] }>,
  pageSize = 200,
): AsyncGenerator<T> {
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await read({ limit: pageSize, offset });
    yield* items;
    if (items.length < pageSize) return;
  }
}

/** Maps each row of an async iterable (presenting repository rows as export records). */
export async function* mapRows<T, R>(rows: AsyncIterable<T>, map: (row: T) => R): AsyncGenerator<R> {
  for await (const row of rows) yield map(row);
}
