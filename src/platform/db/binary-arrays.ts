// Arrays as binary parameters (PostgreSQL's array send format, which both drivers pass through as
// bytes): nothing to print in JavaScript, nothing to parse in the database, and timestamps arrive
// as timestamptz (microseconds since 2000-01-01), exact. Cast the parameter to its array type in
// the statement (`${float8Array(xs)}::float8[]`) so the server reads it as that type.

const BOOL = 16;
const INT8 = 20;
const INT4 = 23;
const TEXT = 25;
const FLOAT8 = 701;
const TIMESTAMPTZ = 1184;
const JSONB = 3802;
/** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in ms since the Unix epoch. */
const PG_EPOCH_MS = 946_684_800_000;

/**
 * A buffer of `bytes` for an array of n elements of `type`, its header written: one dimension
 * from 1, whether any element is null (an empty array is its 12-byte header alone).
 */
function withHeader(type: number, n: number, hasNulls: boolean, bytes: number): Buffer {
  if (n === 0) {
    const empty = Buffer.alloc(12);
    empty.writeUInt32BE(type, 8);
    return empty;
  }
  const buf = Buffer.allocUnsafe(bytes);
  buf.writeInt32BE(1, 0); // dimensions
  buf.writeInt32BE(hasNulls ? 1 : 0, 4);
  buf.writeUInt32BE(type, 8);
  buf.writeInt32BE(n, 12);
  buf.writeInt32BE(1, 16); // lower bound
  return buf;
}

function binaryArray(
  elementType: number,
  width: 4 | 8,
  n: number,
  write: (buf: Buffer, at: number, i: number) => void,
) {
  const buf = withHeader(elementType, n, false, 20 + n * (4 + width));
  for (let i = 0, at = 20; i < n; i++, at += 4 + width) {
    buf.writeInt32BE(width, at);
    write(buf, at + 4, i);
  }
  return buf;
}

function writeTimestamp(buf: Buffer, at: number, ms: number) {
  const us = Math.round((ms - PG_EPOCH_MS) * 1000);
  const high = Math.floor(us / 4_294_967_296);
  buf.writeInt32BE(high, at);
  buf.writeUInt32BE(us - high * 4_294_967_296, at + 4);
}

export const float8Array = (values: ArrayLike<number>) =>
  binaryArray(FLOAT8, 8, values.length, (buf, at, i) => buf.writeDoubleBE(values[i] as number, at));

export const int4Array = (values: ArrayLike<number>) =>
  binaryArray(INT4, 4, values.length, (buf, at, i) => buf.writeInt32BE(values[i] as number, at));

/** Epoch milliseconds (whole microseconds) as timestamptz[]. */
export const timestamptzArray = (ms: ArrayLike<number>) =>
  binaryArray(TIMESTAMPTZ, 8, ms.length, (buf, at, i) => writeTimestamp(buf, at, ms[i] as number));

// Arrays that may hold nulls (an element of length -1), of fixed or variable width.
type Encoder<T> = { type: number; size(v: T): number; write(buf: Buffer, at: number, v: T): void };

function nullableArray<T>(values: readonly (T | null | undefined)[], enc: Encoder<T>): Buffer {
  const n = values.length;
  let bytes = 20;
  let nulls = 0;
  const sizes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      sizes[i] = -1;
      nulls = 1;
      bytes += 4;
    } else {
      sizes[i] = enc.size(v);
      bytes += 4 + (sizes[i] as number);
    }
  }
  const buf = withHeader(enc.type, n, nulls > 0, bytes);
  let at = 20;
  for (let i = 0; i < n; i++) {
    const size = sizes[i] as number;
    buf.writeInt32BE(size, at);
    at += 4;
    if (size >= 0) {
      enc.write(buf, at, values[i] as T);
      at += size;
    }
  }
  return buf;
}

const fixed = <T>(
  type: number,
  width: number,
  write: (buf: Buffer, at: number, v: T) => void,
): Encoder<T> => ({
  type,
  size: () => width,
  write,
});

const ENCODERS = {
  float8: fixed<number>(FLOAT8, 8, (buf, at, v) => buf.writeDoubleBE(v, at)),
  int4: fixed<number>(INT4, 4, (buf, at, v) => buf.writeInt32BE(v, at)),
  int8: fixed<number>(INT8, 8, (buf, at, v) => buf.writeBigInt64BE(BigInt(v), at)),
  bool: fixed<boolean>(BOOL, 1, (buf, at, v) => buf.writeUInt8(v ? 1 : 0, at)),
  timestamptz: fixed<number>(TIMESTAMPTZ, 8, writeTimestamp),
  text: {
    type: TEXT,
    size: (v: string) => Buffer.byteLength(v, 'utf8'),
    write: (buf: Buffer, at: number, v: string) => buf.write(v, at, 'utf8'),
  } satisfies Encoder<string>,
  /** jsonb's binary form: a version byte (1), then the JSON text. */
  jsonb: {
    type: JSONB,
    size: (v: string) => 1 + Buffer.byteLength(v, 'utf8'),
    write: (buf: Buffer, at: number, v: string) => {
      buf.writeUInt8(1, at);
      buf.write(v, at + 1, 'utf8');
    },
  } satisfies Encoder<string>,
};

export type NullableArrayType = keyof typeof ENCODERS;

/** An array of `type` whose elements may be null (timestamptz: epoch ms; jsonb: JSON text). */
export function nullableBinaryArray(
  type: NullableArrayType,
  values: readonly (string | number | boolean | null | undefined)[],
): Buffer {
  if (type === 'text') return textArray(values as readonly (string | null | undefined)[]);
  return nullableArray(values as never[], ENCODERS[type] as Encoder<never>);
}

/**
 * text[]: when every text is ASCII (a byte per character), the texts are encoded in one call and
 * copied into place byte by byte, where the general path measures and writes each text with a
 * call of its own (about 200 ns a text; this is the import's most frequent array).
 */
function textArray(values: readonly (string | null | undefined)[]): Buffer {
  const n = values.length;
  // join() writes null and undefined as nothing.
  const joined = values.join('');
  const encoded = Buffer.from(joined, 'utf8');
  if (encoded.length !== joined.length) return nullableArray(values, ENCODERS.text);
  let nulls = 0;
  for (let i = 0; i < n; i++) if (values[i] === null || values[i] === undefined) nulls++;
  const buf = withHeader(TEXT, n, nulls > 0, 20 + n * 4 + encoded.length);
  if (n === 0) return buf;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  let at = 20;
  let from = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      view.setInt32(at, -1);
      at += 4;
      continue;
    }
    const length = v.length;
    view.setInt32(at, length);
    at += 4;
    for (let j = 0; j < length; j++) buf[at + j] = encoded[from + j] as number;
    at += length;
    from += length;
  }
  return buf;
}

/** The element types a column of numbers can be sent as (bool: 0 or 1; timestamptz: epoch ms). */
export type NumberColumnType = 'float8' | 'int8' | 'bool' | 'timestamptz';

/**
 * A column of numbers as a binary array of `type`, NaN standing for null: one tight loop over a
 * typed array, where nullableBinaryArray takes a JavaScript array and calls its encoder per element.
 * int8 values must be whole numbers of at most 2^63 (they are written as two 32-bit words).
 */
export function numberColumnArray(type: NumberColumnType, values: Float64Array): Buffer {
  const n = values.length;
  const width = type === 'bool' ? 1 : 8;
  let nulls = 0;
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i])) nulls++;
  const buf = withHeader(ENCODERS[type].type, n, nulls > 0, 20 + n * 4 + (n - nulls) * width);
  if (n === 0) return buf;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  let at = 20;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      view.setInt32(at, -1);
      at += 4;
      continue;
    }
    view.setInt32(at, width);
    at += 4;
    if (type === 'float8') view.setFloat64(at, v);
    else if (type === 'bool') view.setUint8(at, v ? 1 : 0);
    else {
      // Whole numbers as two 32-bit words: timestamps in microseconds since 2000, int8 as they are.
      const whole = type === 'timestamptz' ? Math.round((v - PG_EPOCH_MS) * 1000) : v;
      const high = Math.floor(whole / 4_294_967_296);
      if (high < -2_147_483_648 || high > 2_147_483_647)
        throw new RangeError(`${v} is out of ${type}'s range`);
      view.setInt32(at, high);
      view.setUint32(at + 4, whole - high * 4_294_967_296);
    }
    at += width;
  }
  return buf;
}
