// Reading one-dimensional arrays in PostgreSQL's binary send format (`array_send(…)`, a bytea):
// the fast way to fetch a column of a million values — the bytes cross the wire as they are and
// are read here with a DataView, instead of printing every value as text in the database and
// parsing it back in JavaScript. The counterpart of binary-arrays.ts (which writes parameters).
import { type SQL, sql } from 'drizzle-orm';
import type { ByteDictionary } from './byte-dictionary.ts';

/**
 * A binary array sent as base64 text rather than as a bytea: a bytea crosses the text protocol as
 * hex, twice its size, and the driver makes a string of all of it before decoding; base64 is a
 * third smaller, which for a page of a million-row read is tens of megabytes less to send, buffer
 * and decode. Read back with the functions below like a bytea.
 */
export const sendAsBase64 = (binaryArray: SQL): SQL => sql`encode(${binaryArray}, 'base64')`;

/**
 * A bytea as the drivers return it — bytes (PGlite, pg) or pg's hex text when no parser ran — or
 * as base64 text (`sendAsBase64`).
 */
export function byteaOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string')
    return value.startsWith('\\x') ? Buffer.from(value.slice(2), 'hex') : Buffer.from(value, 'base64');
  if (value === null || value === undefined) return new Uint8Array(0);
  throw new Error('not a bytea value');
}

interface Layout {
  view: DataView;
  length: number;
  /** Offset of the first element's length word. */
  start: number;
}

function layout(bytes: Uint8Array): Layout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) return { view, length: 0, start: 0 };
  const dims = view.getInt32(0);
  if (dims === 0) return { view, length: 0, start: 12 };
  if (dims !== 1) throw new Error(`expected a one-dimensional array, got ${dims} dimensions`);
  return { view, length: view.getInt32(12), start: 20 };
}

/** float8[] (or int4/int8 cast to float8) → numbers, NULL → NaN, appended to `out` at `offset`. */
export function readFloat8Array(value: unknown, out: Float64Array, offset: number): number {
  const { view, length, start } = layout(byteaOf(value));
  let at = start;
  for (let i = 0; i < length; i++) {
    const size = view.getInt32(at);
    at += 4;
    if (size < 0) out[offset + i] = Number.NaN;
    else {
      out[offset + i] = view.getFloat64(at);
      at += size;
    }
  }
  return length;
}

/** float4[] → its values as a Float32Array, NULL → NaN (an embedding as stored). */
export function readFloat4Array(value: unknown): Float32Array {
  const { view, length, start } = layout(byteaOf(value));
  const out = new Float32Array(length);
  let at = start;
  for (let i = 0; i < length; i++) {
    const size = view.getInt32(at);
    at += 4;
    if (size < 0) out[i] = Number.NaN;
    else {
      out[i] = view.getFloat32(at);
      at += size;
    }
  }
  return out;
}

/**
 * text[] → dictionary codes written to `out` from `offset` (-1 for NULL and for the empty text),
 * the texts kept once each in `dictionary`.
 */
export function readTextArrayCodes(
  value: unknown,
  dictionary: ByteDictionary,
  out: Int32Array,
  offset: number,
): number {
  const bytes = byteaOf(value);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { view, length, start } = layout(bytes);
  let at = start;
  for (let i = 0; i < length; i++) {
    const size = view.getInt32(at);
    at += 4;
    if (size <= 0) out[offset + i] = -1;
    else {
      out[offset + i] = dictionary.codeOf(buffer, at, at + size);
      at += size;
    }
  }
  return length;
}

/**
 * The aggregate of `value` (a float8 expression) as its values back to back, 8 big-endian bytes
 * each, NULL as NaN: a third smaller than array_send's (which puts a length word before each), so
 * less for the database to encode and for us to decode. Read back with readFloat8Run.
 */
export const aggregateFloat8Run = (value: SQL): SQL =>
  sql`string_agg(coalesce(float8send(${value}), '\\x7ff8000000000000'::bytea), '')`;

/** Values of aggregateFloat8Run, written to `out` from `offset`; returns how many. */
export function readFloat8Run(value: unknown, out: Float64Array, offset: number): number {
  const bytes = byteaOf(value);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = bytes.byteLength >>> 3;
  for (let i = 0; i < count; i++) out[offset + i] = view.getFloat64(i * 8);
  return count;
}

/** The number of elements of a one-dimensional binary array. */
export const binaryArrayLength = (value: unknown) => layout(byteaOf(value)).length;
