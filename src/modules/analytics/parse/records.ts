// The rows of an upload, streamed: CSV decoded and split a 64 KiB chunk at a time, XLSX a sheet's
// XML chunk at a time; never the whole file in memory. The header comes first (its names made
// unique), then the data rows with their row numbers; ragged rows and broken quoting are problems
// of the row, reported with it, never exceptions.
//
// Row numbers are the ones a person finds the row by: for a CSV the line of the file on which the
// record starts (1-based, counting the header, blank and preamble lines, and the line breaks
// inside quoted cells before it; CR, LF and CRLF each end one line), for an XLSX the sheet's row
// number as Excel shows it.
import { createReadStream } from 'node:fs';
import { createTokenizer, MAX_RECORD_CHARS, type RawRecord, type RecordProblem } from './csv.ts';
import { FileFormatError } from './errors.ts';
import type { CsvDetected, Detected } from './sniff.ts';
import { type XlsxOptions, xlsxRows } from './xlsx.ts';

export type RowProblem = 'too many cells' | 'too few cells' | RecordProblem;

export interface Row {
  rowNo: number;
  /**
   * One cell per header (short rows padded with ''); a row with too many cells keeps them all.
   * Empty when the row's quoting is broken.
   */
  cells: string[];
  /** Set when the row cannot be trusted as read; the caller rejects it. */
  problem?: RowProblem;
}

export interface RecordReader extends AsyncIterable<Row> {
  /** Column names: trimmed, blanks named `Column 7`, repeats `Qty (2)`. */
  headers: string[];
  /** The header cells as in the file. */
  rawHeaders: string[];
  /** Row number of the header. */
  headerRow: number;
  /** The same rows a batch at a time (fewer awaits: the fast way through a big file). */
  batches(): AsyncIterable<Row[]>;
  /** Closes the file when its rows will not be read to the end (reading them closes it). */
  close(): Promise<void>;
}

export interface ReadOptions extends XlsxOptions {
  /** CSV: bytes read at a time (64 KiB; larger chunks are slower, see csv.ts). */
  chunkBytes?: number;
  maxRecordChars?: number;
}

const CHUNK_BYTES = 65_536;

/** Opens the file at the header that `detected` found; the rows follow, once. */
export async function readRecords(
  path: string,
  detected: Detected,
  options: ReadOptions = {},
): Promise<RecordReader> {
  const source =
    detected.kind === 'csv' ? csvRecords(path, detected, options) : xlsxRecords(path, detected, options);
  let pending: RawRecord[] = [];
  let header: RawRecord | undefined;
  while (!header) {
    const next = await source.next();
    if (next.done) throw new FileFormatError('empty');
    const at = next.value.findIndex((r) => !r.problem && !isBlank(r.cells));
    if (at !== -1) {
      header = next.value[at];
      pending = next.value.slice(at + 1);
    }
  }
  const rawHeaders = header.cells;
  const width = Math.max(trimmedWidth(rawHeaders), detected.columns);
  const headers = uniqueHeaders(Array.from({ length: width }, (_, i) => rawHeaders[i] ?? ''));
  const quiet = detected.kind === 'xlsx';
  let started = false;
  async function* batches(): AsyncGenerator<Row[]> {
    if (started) throw new Error('the rows of a file are read once');
    started = true;
    let rows = 0;
    try {
      const first = rowsOf(pending, width, quiet);
      rows += first.length;
      if (first.length > 0) yield first;
      for (let next = await source.next(); !next.done; next = await source.next()) {
        const batch = rowsOf(next.value, width, quiet);
        rows += batch.length;
        if (batch.length > 0) yield batch;
      }
    } finally {
      await source.return(undefined);
    }
    if (rows === 0) throw new FileFormatError('headerOnly');
  }
  return {
    headers,
    rawHeaders,
    headerRow: header.line,
    batches,
    async close() {
      await source.return(undefined);
    },
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* batch;
    },
  };
}

const isBlank = (cells: string[]): boolean => {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
};

const trimmedWidth = (cells: string[]): number => {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] as string).trim() === '') width--;
  return width;
};

/**
 * Data rows of raw records: blanks dropped, ragged rows padded and flagged. A sheet's short rows are
 * not ragged (Excel writes no empty cells), so `padQuietly` pads them without a flag.
 */
function rowsOf(records: RawRecord[], width: number, padQuietly: boolean): Row[] {
  const rows: Row[] = [];
  for (const { line, cells, problem } of records) {
    if (problem) {
      rows.push({ rowNo: line, cells: [], problem });
      continue;
    }
    if (cells.length === width) {
      if (cells[0] === '' || (cells[0] as string).trim() === '') {
        if (isBlank(cells)) continue;
      }
      rows.push({ rowNo: line, cells });
    } else if (cells.length < width) {
      if (isBlank(cells)) continue;
      while (cells.length < width) cells.push('');
      rows.push(padQuietly ? { rowNo: line, cells } : { rowNo: line, cells, problem: 'too few cells' });
    } else if (trimmedWidth(cells) <= width) {
      // Trailing empty cells (an export's trailing delimiters) are not data.
      if (isBlank(cells)) continue;
      cells.length = width;
      rows.push({ rowNo: line, cells });
    } else rows.push({ rowNo: line, cells, problem: 'too many cells' });
  }
  return rows;
}

/** Header names made unique (case-insensitively) and never blank. */
export function uniqueHeaders(raw: string[]): string[] {
  const names = raw.map((h, i) => h.trim() || `Column ${i + 1}`);
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const used = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; used.has(unique.toLowerCase()); n++) {
      const candidate = `${name} (${n})`;
      if (!taken.has(candidate.toLowerCase())) unique = candidate;
    }
    used.add(unique.toLowerCase());
    return unique;
  });
}

/**
 * NUL bytes are dropped as the text is decoded: no cell, header or error keeps one (PostgreSQL's
 * text and jsonb cannot hold it). One scan per chunk; XML, and so XLSX, cannot contain NUL at all.
 */
const withoutNul = (text: string) => (text.includes('\u0000') ? text.replaceAll('\u0000', '') : text);

async function* csvRecords(
  path: string,
  detected: CsvDetected,
  { chunkBytes = CHUNK_BYTES, maxRecordChars = MAX_RECORD_CHARS }: ReadOptions,
): AsyncGenerator<RawRecord[]> {
  const stream = createReadStream(path, { start: detected.headerOffset, highWaterMark: chunkBytes });
  const decoder = new TextDecoder(detected.encoding, { ignoreBOM: true });
  const tokenizer = createTokenizer(detected, { firstLine: detected.headerLine, maxRecordChars });
  try {
    for await (const chunk of stream) {
      const out: RawRecord[] = [];
      tokenizer.push(withoutNul(decoder.decode(chunk as Buffer, { stream: true })), out);
      if (out.length > 0) yield out;
    }
    const out: RawRecord[] = [];
    tokenizer.push(withoutNul(decoder.decode()), out);
    tokenizer.end(out);
    if (out.length > 0) yield out;
  } finally {
    stream.destroy();
  }
}

async function* xlsxRecords(
  path: string,
  detected: Extract<Detected, { kind: 'xlsx' }>,
  options: ReadOptions,
): AsyncGenerator<RawRecord[]> {
  for await (const batch of xlsxRows(path, { ...options, sheet: detected.sheet })) {
    const out: RawRecord[] = [];
    for (const { row, cells } of batch) if (row >= detected.headerLine) out.push({ line: row, cells });
    if (out.length > 0) yield out;
  }
}
