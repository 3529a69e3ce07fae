// Reading a CSV history file: its lines (streamed, bounded, each one record), its fields, its
// header in either layout, and each line's readings. Pure: the upload and the job share it.
//
// A record is one line. csv-parse splits the lines that quote fields (RFC 4180: commas and doubled
// quotes inside quotes); an unclosed quote is a malformed line, never a field that swallows the
// rest of the file. (csv-parse's own skip_records_with_error drops the rest of its input chunk
// after such an error, losing good rows, so each line is handed to it on its own.)
import { isUtf8 } from 'node:buffer';
import { parse as parseCsv } from 'csv-parse/sync';
import { isUuid } from '../../platform/db/scope.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { ReadingInput } from './ingest.service.ts';

export const IMPORT_FORMATS = ['long', 'wide'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Longest line: past it the line is one malformed row, skipped without being held in memory. */
export const MAX_LINE_BYTES = 1_048_576;
/** Most sensor columns of a wide file. */
export const MAX_WIDE_COLUMNS = 10_000;
/** Epoch numbers below this are seconds (up to the year 5138), at or above it milliseconds (from 1973). */
export const SECONDS_BELOW = 1e11;

const SENSOR_KEY = /^[A-Za-z0-9._:-]{1,100}$/;
const TS_NAMES = new Set(['ts', 'timestamp', 'time']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** One line of the file: its text (null when malformed: too long, not UTF-8, or with NUL). */
export interface Line {
  text: string | null;
  /** 1-based line number in the file. */
  number: number;
  /** Byte offset just past the line's line break: where the next line starts. */
  end: number;
}

/**
 * The lines of a byte stream, a chunk's worth at a time. `offset` and `firstLine` say where the
 * stream starts in the file (a resumed import starts past the lines already committed).
 */
export async function* linesOf(
  source: AsyncIterable<Buffer>,
  { offset = 0, firstLine = 1 }: { offset?: number; firstLine?: number } = {},
): AsyncGenerator<Line[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let number = firstLine;
  let position = offset;
  const finish = (tail: Buffer, end: number): Line => {
    let text: string | null = null;
    if (!tooLong) {
      let bytes = pending.length > 0 ? Buffer.concat([...pending, tail]) : tail;
      if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        bytes = bytes.subarray(3);
      if (bytes.at(-1) === 0x0d) bytes = bytes.subarray(0, -1);
      if (!bytes.includes(0) && isUtf8(bytes)) text = bytes.toString('utf8');
    }
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    return { text, number: number++, end };
  };
  for await (const chunk of source) {
    const lines: Line[] = [];
    let from = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, from)) {
      lines.push(finish(chunk.subarray(from, nl), position + nl + 1));
      from = nl + 1;
    }
    if (from < chunk.length && !tooLong) {
      pendingBytes += chunk.length - from;
      if (pendingBytes > MAX_LINE_BYTES) {
        tooLong = true;
        pending = [];
      } else pending.push(chunk.subarray(from));
    }
    position += chunk.length;
    if (lines.length > 0) yield lines;
  }
  if (pendingBytes > 0 || tooLong) yield [finish(Buffer.alloc(0), position)];
}

/** The trimmed fields of a line, or null when its quoting is broken. */
export function fieldsOf(text: string): string[] | null {
  if (!text.includes('"')) return text.split(',').map((f) => f.trim());
  try {
    const [record] = parseCsv(text, {
      relax_quotes: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
    return record ?? [];
  } catch {
    return null;
  }
}

export type Header =
  | { format: 'long'; columns: number; id: number; key: number; ts: number; value: number }
  | { format: 'wide'; columns: number; ts: number; keys: string[] };

/** The header in the given layout; a 400 naming what is missing or wrong. */
export function readHeader(format: ImportFormat, fields: string[] | null): Header {
  if (!fields || fields.every((f) => f === ''))
    throw badRequest('The first line must be a header of column names');
  const names = fields.map((f) => f.toLowerCase());
  if (format === 'long') {
    const seen = new Set<string>();
    for (const name of names) {
      if (name && seen.has(name)) throw badRequest(`The header names column "${name}" twice`);
      seen.add(name);
    }
    const id = names.indexOf('sensor_id');
    const key = names.indexOf('sensor_key');
    const ts = names.findIndex((n) => TS_NAMES.has(n));
    const value = names.indexOf('value');
    const missing = [
      ...(id < 0 && key < 0 ? ['sensor_key (or sensor_id)'] : []),
      ...(ts < 0 ? ['ts'] : []),
      ...(value < 0 ? ['value'] : []),
    ];
    if (missing.length > 0)
      throw badRequest(
        `The header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: a long file is sensor_key,ts,value`,
      );
    return { format, columns: fields.length, id, key, ts, value };
  }
  if (!TS_NAMES.has(names[0] ?? ''))
    throw badRequest(
      'The first column of a wide file must be ts: a wide file is ts,<sensor key>,<sensor key>,…',
    );
  const keys = fields.slice(1);
  if (keys.length === 0)
    throw badRequest('The header lacks sensor columns: a wide file is ts,<sensor key>,…');
  if (keys.length > MAX_WIDE_COLUMNS) throw badRequest(`At most ${MAX_WIDE_COLUMNS} sensor columns`);
  const bad = keys.find((k) => !SENSOR_KEY.test(k));
  if (bad !== undefined)
    throw badRequest(`Column "${bad.slice(0, 100)}" is not a sensor key (1–100 of A–Z a–z 0–9 . _ : -)`);
  if (new Set(keys).size !== keys.length) throw badRequest('The header names a sensor column twice');
  return { format, columns: fields.length, ts: 0, keys };
}

/** Epoch ms of an ISO 8601 time (no zone: UTC) or of epoch seconds or ms; undefined when neither. */
export function parseTimestamp(text: string): number | undefined {
  if (NUMBER.test(text)) {
    const n = Number(text);
    return Math.abs(n) < SECONDS_BELOW ? n * 1000 : n;
  }
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((p) => Number(p ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute, second);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== (month ?? 1) - 1 || date.getUTCDate() !== day)
    return undefined;
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const zone = m[8]?.toUpperCase();
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes =
      (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  return ms + fraction - offsetMinutes * 60_000;
}

/** A number, or null (counted by ingest as non-finite) for empty or non-numeric text. */
const numberIn = (text: string): number | null => (NUMBER.test(text) ? Number(text) : null);

/** Reasons decided here, before ingest sees the row. */
export type LocalReason = 'malformed_row' | 'unknown_sensor' | 'invalid_timestamp';

/** What one data line yields: readings (with their wide column), and rejections decided here. */
export interface LineReadings {
  readings: ReadingInput[];
  /** Wide: the sensor key of each reading (for error reports). */
  columns?: string[];
  rejected: { reason: LocalReason; column?: string }[];
}

const malformed = (): LineReadings => ({ readings: [], rejected: [{ reason: 'malformed_row' }] });

/** The readings of one data line under `header`. */
export function readingsOf(header: Header, text: string | null): LineReadings {
  const fields = text === null ? null : fieldsOf(text);
  if (!fields || fields.length !== header.columns) return malformed();
  if (header.format === 'long') {
    const id = header.id >= 0 ? (fields[header.id] ?? '') : '';
    const key = header.key >= 0 ? (fields[header.key] ?? '') : '';
    if (!id && !key) return malformed();
    const ts = parseTimestamp(fields[header.ts] ?? '');
    // Ids and keys that cannot name a sensor never reach the database (a malformed uuid would fail
    // the batch's query there).
    if (id ? !isUuid(id) : !SENSOR_KEY.test(key))
      return { readings: [], rejected: [{ reason: 'unknown_sensor' }] };
    if (ts === undefined) return { readings: [], rejected: [{ reason: 'invalid_timestamp' }] };
    const value = numberIn(fields[header.value] ?? '');
    return { readings: [id ? { sensorId: id, ts, value } : { sensorKey: key, ts, value }], rejected: [] };
  }
  const ts = parseTimestamp(fields[0] ?? '');
  const out: LineReadings = { readings: [], columns: [], rejected: [] };
  for (let i = 0; i < header.keys.length; i++) {
    const cell = fields[i + 1] ?? '';
    if (cell === '') continue;
    const column = header.keys[i] as string;
    if (ts === undefined) out.rejected.push({ reason: 'invalid_timestamp', column });
    else {
      out.readings.push({ sensorKey: column, ts, value: numberIn(cell) });
      out.columns?.push(column);
    }
  }
  return out;
}
