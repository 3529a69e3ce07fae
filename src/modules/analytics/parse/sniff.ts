// What kind of file an upload is, from its first bytes: CSV (its encoding, delimiter, quote, line
// breaks and where its header is) or an XLSX workbook (which sheet, where its header is). Anything
// else is refused with a reason a person can act on.
//
// The header is the first row as wide as the data (the modal field count) whose cells are mostly
// words: title lines ("Report: production orders"), export dates and blank lines above it are
// skipped, and the reader starts at the header's byte offset.

import { isAscii, isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { type CsvDialect, createTokenizer, type RawRecord } from './csv.ts';
import { FileFormatError } from './errors.ts';
import { kindOf } from './values.ts';
import { looksLikeOoxml, pickSheet, type XlsxOptions, xlsxRows, xlsxSheetList } from './xlsx.ts';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface CsvDetected {
  kind: 'csv';
  /** windows-1252 also reads ISO-8859-1 (its superset for printable text). */
  encoding: Encoding;
  /** The file starts with a byte-order mark (not part of the header). */
  bom: boolean;
  delimiter: Delimiter;
  quote: '"' | "'";
  /** `\n` for LF and CRLF files, `\r` for files with lone CRs. */
  newline: '\n' | '\r';
  /** 1-based line of the header (lines above it are blank or preamble). */
  headerLine: number;
  /** Byte offset of the header line: where the reader starts. */
  headerOffset: number;
  /** Fields in most rows of the sample (the header's width). */
  columns: number;
}

export interface XlsxDetected {
  kind: 'xlsx';
  /** The sheet read: the one asked for, else the first visible one. */
  sheet: string;
  sheets: string[];
  /** Excel row number of the header. */
  headerLine: number;
  columns: number;
}

export type Detected = CsvDetected | XlsxDetected;

export interface SniffOptions extends XlsxOptions {
  /** XLSX: the sheet to read (by name; case-insensitive when no exact match). */
  sheet?: string;
  /** Bytes read to decide (64 KiB). */
  headBytes?: number;
  /**
   * An ASCII-only head says nothing about the encoding of later bytes: the file is scanned on, up
   * to this many bytes (64 MiB), for the first non-ASCII byte, which decides between UTF-8 and
   * Windows-1252.
   */
  scanBytes?: number;
}

const HEAD_BYTES = 65_536;
const MAX_HEAD_BYTES = 16 * 1024 ** 2;
const SCAN_BYTES = 64 * 1024 ** 2;
const SAMPLE_RECORDS = 200;
const SAMPLE_XLSX_ROWS = 100;

/** Formats some people upload by mistake, to say what they are. */
const FOREIGN: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls or a password-protected workbook: save it as .xlsx or CSV'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

export async function sniff(path: string, options: SniffOptions = {}): Promise<Detected> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    let head = Buffer.alloc(Math.min(size, options.headBytes ?? HEAD_BYTES));
    await file.read(head, 0, head.length, 0);
    if (size === 0) throw new FileFormatError('empty');
    if (head.length >= 4 && (head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50))
      return await sniffXlsx(path, head, options);
    let detected: CsvDetected | undefined;
    while (!detected) {
      try {
        detected = sniffCsv(head, head.length === size);
      } catch (error) {
        // A head without one whole line (a very wide header, many blank lines): read more of it.
        const more = error instanceof FileFormatError && error.code === 'empty' && head.length < size;
        if (!more || head.length >= MAX_HEAD_BYTES) throw error;
        head = Buffer.alloc(Math.min(size, head.length * 4));
        await file.read(head, 0, head.length, 0);
      }
    }
    if (detected.encoding === 'utf-8' && !detected.bom && isAscii(head) && size > head.length)
      detected.encoding = await encodingPastHead(file, head.length, options.scanBytes ?? SCAN_BYTES);
    return detected;
  } finally {
    await file.close().catch(() => {});
  }
}

async function encodingPastHead(file: Awaited<ReturnType<typeof open>>, from: number, limit: number) {
  const chunk = Buffer.alloc(1024 * 1024);
  for (let at = from; at < from + limit; ) {
    const { bytesRead } = await file.read(chunk, 0, chunk.length, at);
    if (bytesRead === 0) break;
    const bytes = chunk.subarray(0, bytesRead);
    if (!isAscii(bytes)) {
      const first = bytes.findIndex((b) => b >= 0x80);
      return validUtf8(bytes.subarray(first, first + 4096)) ? 'utf-8' : 'windows-1252';
    }
    at += bytesRead;
  }
  return 'utf-8';
}

/** UTF-8 once a sequence cut off at the end is allowed for. */
const validUtf8 = (bytes: Buffer): boolean => {
  for (let cut = 0; cut < 4 && cut < bytes.length; cut++)
    if (isUtf8(bytes.subarray(0, bytes.length - cut))) return true;
  return bytes.length === 0;
};

/** The encoding of a head of bytes and the length of its byte-order mark. */
export function detectEncoding(head: Buffer): { encoding: Encoding; bomBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  // UTF-16 without a mark: text of Latin letters has a NUL in every other byte.
  const sample = head.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? even++ : odd++;
  const pairs = sample.length / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return { encoding: 'utf-16le', bomBytes: 0 };
  if (even > pairs * 0.3 && odd < pairs * 0.05) return { encoding: 'utf-16be', bomBytes: 0 };
  if (even + odd > 0) throw new FileFormatError('notTabular', 'it holds binary data');
  return { encoding: validUtf8(head) ? 'utf-8' : 'windows-1252', bomBytes: 0 };
}

const isBinary = (text: string): boolean => {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > Math.max(2, text.length * 0.01);
};

/**
 * Detects the dialect and header of CSV bytes. `complete` says the head is the whole file (so its
 * last line is a record and a missing data row is certain).
 */
export function sniffCsv(head: Buffer, complete: boolean): CsvDetected {
  if (head.length === 0) throw new FileFormatError('empty');
  for (const [magic, what] of FOREIGN)
    if (magic.every((b, i) => head[i] === b)) throw new FileFormatError('notTabular', `it is ${what}`);
  const { encoding, bomBytes } = detectEncoding(head);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(head.subarray(bomBytes), {
    stream: !complete,
  });
  if (isBinary(text)) throw new FileFormatError('notTabular', 'it holds binary data');
  if (text.trim() === '') throw new FileFormatError('empty');
  const newline = newlineOf(text);
  const quote = quoteOf(text);
  let best: { delimiter: Delimiter; records: RawRecord[]; width: number; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const records = sample({ delimiter, quote, newline }, text, complete);
    const { width, score } = consistency(records);
    if (!best || score > best.score || (score === best.score && width > best.width))
      best = { delimiter, records, width, score };
  }
  const { delimiter, records, width } = best as NonNullable<typeof best>;
  const at = headerIndex(records, width);
  const header = records[at];
  if (!header) throw new FileFormatError('empty');
  if (complete && !records.slice(at + 1).some((r) => r.cells.some((c) => c.trim() !== '')))
    throw new FileFormatError('headerOnly');
  return {
    kind: 'csv',
    encoding,
    bom: bomBytes > 0,
    delimiter,
    quote,
    newline,
    headerLine: header.line,
    headerOffset: bomBytes + byteLength(text.slice(0, offsetOfLine(text, newline, header.line)), encoding),
    columns: Math.max(width, trimmedWidth(header.cells)),
  };
}

const newlineOf = (text: string): '\n' | '\r' => {
  const cr = text.indexOf('\r');
  if (cr === -1) return '\n';
  return text.charCodeAt(cr + 1) === 10 || (text.indexOf('\n') !== -1 && text.indexOf('\n') < cr)
    ? '\n'
    : '\r';
};

/** `'` only when fields are quoted with it and never with `"`. */
const quoteOf = (text: string): '"' | "'" => {
  if (text.includes('"')) return '"';
  const single = text.match(/(?:^|[,;\t|])'[^'\r\n]*'(?=[,;\t|\r\n]|$)/gm);
  return single && single.length >= 2 ? "'" : '"';
};

function sample(dialect: CsvDialect, text: string, complete: boolean): RawRecord[] {
  const tokenizer = createTokenizer(dialect);
  const out: RawRecord[] = [];
  tokenizer.push(text, out);
  if (complete) tokenizer.end(out);
  return out.filter((r) => !r.problem && r.cells.some((c) => c.trim() !== '')).slice(0, SAMPLE_RECORDS);
}

/** The modal width of multi-field records and how many records have it. */
function consistency(records: { cells: string[] }[]): { width: number; score: number } {
  const counts = new Map<number, number>();
  for (const r of records) {
    const width = trimmedWidth(r.cells);
    if (width > 1) counts.set(width, (counts.get(width) ?? 0) + 1);
  }
  let width = 1;
  let score = 0;
  for (const [w, n] of counts) if (n > score || (n === score && w > width)) [width, score] = [w, n];
  return { width, score };
}

/** Fields up to the last non-empty one, so `Title;;;;` and trailing empty XLSX cells compare fairly. */
const trimmedWidth = (cells: string[]): number => {
  let width = cells.length;
  while (width > 1 && (cells[width - 1] as string).trim() === '') width--;
  return width;
};

/** The header among sample records: as wide as the data, mostly words. */
export function headerIndex(records: { cells: string[] }[], width: number): number {
  const wide = (r: { cells: string[] }): boolean => r.cells.length >= width || trimmedWidth(r.cells) >= width;
  const wordy = (cells: string[]): boolean => {
    const filled = cells.filter((c) => c.trim() !== '');
    if (filled.length < Math.max(1, Math.ceil(Math.min(cells.length, width) / 2))) return false;
    const words = filled.filter((c) => {
      const kind = kindOf(c);
      return (kind === 'text' || kind === 'id' || kind === 'boolean') && /\p{L}/u.test(c);
    });
    return words.length * 2 > filled.length;
  };
  const index = records.findIndex((r) => wide(r) && wordy(r.cells));
  if (index !== -1) return index;
  const first = records.findIndex(wide);
  return first === -1 ? 0 : first;
}

/** Character offset at which 1-based `line` starts. */
const offsetOfLine = (text: string, newline: string, line: number): number => {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf(newline, at) + 1;
  return at;
};

const byteLength = (text: string, encoding: Encoding): number =>
  encoding === 'utf-8'
    ? Buffer.byteLength(text, 'utf8')
    : encoding === 'windows-1252'
      ? text.length
      : text.length * 2;

async function sniffXlsx(path: string, head: Buffer, options: SniffOptions): Promise<XlsxDetected> {
  let sheets: { name: string; hidden: boolean }[];
  try {
    sheets = await xlsxSheetList(path, options);
  } catch (error) {
    if (error instanceof FileFormatError && error.code === 'damaged' && !looksLikeOoxml(head))
      throw new FileFormatError('notTabular', 'a zip archive but not a workbook');
    throw error;
  }
  const sheet = pickSheet(sheets, options.sheet);
  if (!sheet) throw new FileFormatError(options.sheet === undefined ? 'empty' : 'noSheet', options.sheet);
  const rows: { row: number; cells: string[] }[] = [];
  let complete = true;
  for await (const batch of xlsxRows(path, { ...options, sheet: sheet.name })) {
    rows.push(...batch);
    if (rows.length >= SAMPLE_XLSX_ROWS) {
      complete = false;
      break;
    }
  }
  const { width } = consistency(rows);
  const at = headerIndex(rows, width);
  const header = rows[at];
  if (!header) throw new FileFormatError('empty', 'the sheet has no cells');
  if (complete && rows.length === at + 1) throw new FileFormatError('headerOnly');
  return {
    kind: 'xlsx',
    sheet: sheet.name,
    sheets: sheets.map((s) => s.name),
    headerLine: header.row,
    columns: Math.max(width, trimmedWidth(header.cells)),
  };
}
