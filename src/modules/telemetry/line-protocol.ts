// InfluxDB line protocol, parsed (pure: no I/O). One point per line:
//   <measurement>[,<tag_key>=<tag_value>...] <field_key>=<field_value>[,<field_key>=<field_value>...] [<timestamp>]
// Escapes: a backslash before a comma or space (measurement) or a comma, equals sign or space (tag
// keys, tag values, field keys) makes it literal; in a double-quoted string field `\"` is a quote; and
// everywhere `\\` is one backslash. A backslash before anything else is itself. Fields are floats
// (`1`, `-1.5e3`), integers (`1i`), unsigned integers (`1u`), booleans (t, true, F, FALSE …) or
// strings (`"…"`). Timestamps are integers in the request's precision (nanoseconds by default, up to
// 19 digits: beyond 2^53, so they are read with BigInt) and come out as epoch milliseconds with the
// microseconds as a fraction, which is what PostgreSQL keeps. `#` starts a comment line.
// Then the mapping rule: which sensor key each numeric field of a point is a reading of.

/** Timestamp precisions, by their v2 names; v1's `n`, `u` (and `m`, `h`) map onto them. */
export const PRECISIONS = ['ns', 'us', 'ms', 's'] as const;
export const V1_PRECISIONS = ['n', 'ns', 'u', 'us', 'ms', 's', 'm', 'h'] as const;
export type Precision = 'ns' | 'us' | 'ms' | 's' | 'm' | 'h';

const PRECISION_OF: Record<(typeof V1_PRECISIONS)[number], Precision> = {
  n: 'ns',
  ns: 'ns',
  u: 'us',
  us: 'us',
  ms: 'ms',
  s: 's',
  m: 'm',
  h: 'h',
};

/** A precision as written in a v1 or v2 query string (absent → nanoseconds). */
export function precisionOf(name: string | undefined): Precision {
  if (name === undefined) return 'ns';
  const precision = PRECISION_OF[name as keyof typeof PRECISION_OF];
  if (!precision) throw new Error(`unknown precision ${name}`);
  return precision;
}

/** Nanoseconds per unit of each precision. */
const NANOS: Record<Precision, bigint> = {
  ns: 1n,
  us: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
/** InfluxDB's time range: a signed 64-bit count of nanoseconds, less its two extremes. */
const MAX_NANOS = 9_223_372_036_854_775_806n;
const MIN_NANOS = -MAX_NANOS;

export type FieldValue =
  | { type: 'float'; value: number }
  | { type: 'integer'; value: number }
  | { type: 'unsigned'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'string'; value: string };

export interface Point {
  measurement: string;
  /** Maps, not objects: a tag named `__proto__` is just a tag. A repeated key keeps its last value. */
  tags: Map<string, string>;
  fields: Map<string, FieldValue>;
  /** Epoch milliseconds, microseconds as the fraction; undefined when the line has no timestamp. */
  ts: number | undefined;
}

/** Why a line is not a point. */
export class LineSyntaxError extends Error {
  override name = 'LineSyntaxError';
}

const MEASUREMENT_ESCAPES = ', ';
const KEY_ESCAPES = ',= ';
const BACKSLASH = 92;

/**
 * Reads an escaped token from `pos` up to the first unescaped character of `stops` (or the end):
 * `\\` is a backslash, a backslash before one of `escapes` is that character, any other backslash
 * is itself. Returns the unescaped text and where it stopped.
 */
function token(line: string, pos: number, escapes: string, stops: string): [string, number] {
  let out = '';
  let from = pos;
  let i = pos;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < line.length) {
      const next = line[i + 1] as string;
      if (next === '\\' || escapes.includes(next)) {
        out += line.slice(from, i) + next;
        i += 2;
        from = i;
        continue;
      }
    }
    if (stops.includes(line[i] as string)) break;
    i++;
  }
  return [out + line.slice(from, i), i];
}

/** A double-quoted string field from `pos` (at the opening quote); returns the value and the end. */
function quoted(line: string, pos: number): [string, number] {
  let out = '';
  let from = pos + 1;
  let i = from;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
      out += line.slice(from, i) + line[i + 1];
      i += 2;
      from = i;
    } else if (c === '"') {
      return [out + line.slice(from, i), i + 1];
    } else {
      i++;
    }
  }
  throw new LineSyntaxError('unterminated string field value');
}

const FLOAT = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+i$/;
const UNSIGNED = /^\d+u$/;
const TRUE = new Set(['t', 'T', 'true', 'True', 'TRUE']);
const FALSE = new Set(['f', 'F', 'false', 'False', 'FALSE']);
const INT64_MAX = 9_223_372_036_854_775_807n;
const UINT64_MAX = 18_446_744_073_709_551_615n;

/** An unquoted field value: a number of one of the three kinds, or a boolean. */
function scalar(text: string, key: string): FieldValue {
  if (text === '') throw new LineSyntaxError(`field ${key} has no value`);
  if (TRUE.has(text)) return { type: 'boolean', value: true };
  if (FALSE.has(text)) return { type: 'boolean', value: false };
  if (INTEGER.test(text) || UNSIGNED.test(text)) {
    const digits = text.slice(0, -1);
    // Longer than any 64-bit integer: refused before BigInt is asked to read it.
    if (digits.replace('-', '').length > 20) throw new LineSyntaxError(`field ${key} is out of range`);
    const big = BigInt(digits);
    const unsigned = text.endsWith('u');
    if (unsigned ? big > UINT64_MAX : big > INT64_MAX || big < -INT64_MAX - 1n)
      throw new LineSyntaxError(`field ${key} is out of range`);
    return { type: unsigned ? 'unsigned' : 'integer', value: Number(big) };
  }
  if (FLOAT.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) throw new LineSyntaxError(`field ${key} is out of range`);
    return { type: 'float', value };
  }
  throw new LineSyntaxError(`field ${key} has an invalid value ${JSON.stringify(text.slice(0, 40))}`);
}

/** A timestamp in `precision` → epoch milliseconds with the microseconds as a fraction. */
export function timestampOf(text: string, precision: Precision): number {
  if (!/^-?\d{1,19}$/.test(text)) throw new LineSyntaxError('invalid timestamp');
  const nanos = BigInt(text) * NANOS[precision];
  if (nanos > MAX_NANOS || nanos < MIN_NANOS) throw new LineSyntaxError('timestamp out of range');
  // Whole microseconds (rounded down, as PostgreSQL keeps them); 2^63 ns is far below 2^53 µs.
  let micros = nanos / 1000n;
  if (nanos < 0n && nanos % 1000n !== 0n) micros -= 1n;
  return Number(micros) / 1000;
}

const skipSpaces = (line: string, pos: number) => {
  let i = pos;
  while (line[i] === ' ') i++;
  return i;
};

/** One line (without its newline) → a point; throws LineSyntaxError saying what is wrong. */
export function parseLine(line: string, precision: Precision): Point {
  if (line.includes('\u0000')) throw new LineSyntaxError('contains a NUL character');
  const [measurement, afterMeasurement] = token(line, 0, MEASUREMENT_ESCAPES, ', ');
  if (measurement === '') throw new LineSyntaxError('missing measurement');
  let i = afterMeasurement;

  const tags = new Map<string, string>();
  while (line[i] === ',') {
    const [key, afterKey] = token(line, i + 1, KEY_ESCAPES, ',= ');
    if (key === '') throw new LineSyntaxError('missing tag key');
    if (line[afterKey] !== '=') throw new LineSyntaxError(`missing tag value (tag ${key})`);
    const [value, afterValue] = token(line, afterKey + 1, KEY_ESCAPES, ',= ');
    if (value === '') throw new LineSyntaxError(`missing tag value (tag ${key})`);
    if (line[afterValue] === '=') throw new LineSyntaxError(`unescaped "=" in the value of tag ${key}`);
    tags.set(key, value);
    i = afterValue;
  }
  if (line[i] !== ' ') throw new LineSyntaxError('missing fields');
  i = skipSpaces(line, i);
  if (i >= line.length) throw new LineSyntaxError('missing fields');

  const fields = new Map<string, FieldValue>();
  for (;;) {
    const [key, afterKey] = token(line, i, KEY_ESCAPES, ',= ');
    if (key === '') throw new LineSyntaxError('missing field key');
    if (line[afterKey] !== '=') throw new LineSyntaxError(`missing field value (field ${key})`);
    let value: FieldValue;
    if (line[afterKey + 1] === '"') {
      const [text, end] = quoted(line, afterKey + 1);
      value = { type: 'string', value: text };
      i = end;
      if (i < line.length && line[i] !== ',' && line[i] !== ' ')
        throw new LineSyntaxError(`text after the closing quote of field ${key}`);
    } else {
      let end = afterKey + 1;
      while (end < line.length && line[end] !== ',' && line[end] !== ' ') end++;
      value = scalar(line.slice(afterKey + 1, end), key);
      i = end;
    }
    fields.set(key, value);
    if (line[i] !== ',') break;
    i++;
  }

  i = skipSpaces(line, i);
  let ts: number | undefined;
  if (i < line.length) {
    let end = i;
    while (end < line.length && line[end] !== ' ') end++;
    ts = timestampOf(line.slice(i, end), precision);
    if (skipSpaces(line, end) < line.length) throw new LineSyntaxError('text after the timestamp');
  }
  return { measurement, tags, fields, ts };
}

export type ParsedLine = { line: number; point: Point } | { line: number; error: string; text: string };

const SHOWN = 100;

/**
 * Every line of a body that is not blank or a comment, parsed, with its line number (1-based,
 * counting every line). A malformed line yields its error and the start of its text, not a throw.
 * Lazy: a large body is never held as points all at once.
 */
export function* parseLines(body: string, precision: Precision): Generator<ParsedLine> {
  let start = 0;
  let number = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    number++;
    let line = body.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    start = end + 1;
    let from = 0;
    while (line[from] === ' ' || line[from] === '\t') from++;
    if (from >= line.length || line[from] === '#') continue;
    line = line.slice(from);
    try {
      yield { line: number, point: parseLine(line, precision) };
    } catch (err) {
      if (!(err instanceof LineSyntaxError)) throw err;
      const text = line.length > SHOWN ? `${line.slice(0, SHOWN)}…` : line;
      yield { line: number, error: err.message, text };
    }
  }
}

// The mapping rule: each numeric or boolean field is a reading of the sensor whose key is
// `<measurement>.<field>`; with a `sensor` (or else `key`) tag, `<tag>.<field>`, or the tag alone
// for a field named `value`. A `facility` tag names the facility by code, a `unit` tag the unit a
// sensor created for it gets. Booleans are 1 and 0; string fields are not readings.

export interface PointReading {
  sensorKey: string;
  value: number;
  /** Epoch ms; undefined when the line had no timestamp. */
  ts: number | undefined;
  facilityCode: string | undefined;
  unit: string | undefined;
}

export function readingsOfPoint(point: Point): { readings: PointReading[]; ignored: number } {
  const base = point.tags.get('sensor') ?? point.tags.get('key');
  const facilityCode = point.tags.get('facility');
  const unit = point.tags.get('unit');
  const readings: PointReading[] = [];
  let ignored = 0;
  for (const [field, v] of point.fields) {
    if (v.type === 'string') {
      ignored++;
      continue;
    }
    const sensorKey =
      base === undefined ? `${point.measurement}.${field}` : field === 'value' ? base : `${base}.${field}`;
    const value = v.type === 'boolean' ? (v.value ? 1 : 0) : v.value;
    readings.push({ sensorKey, value, ts: point.ts, facilityCode, unit });
  }
  return { readings, ignored };
}
