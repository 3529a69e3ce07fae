// Reading one-dimensional arrays in PostgreSQL's binary send format (`array_send(…)`, a bytea):
// the fast way to fetch a column of a million values — the bytes cross the wire as they are and
// are read here with a DataView, instead of printing every value as text in the database and
// parsing it back in JavaScript. The counterpart of binary-arrays.ts (which writes parameters).

/** A bytea as the drivers return it: bytes (PGlite, pg) or pg's hex text when no parser ran. */
export function byteaOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string' && value.startsWith('\\x')) return Buffer.from(value.slice(2), 'hex');
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

/** text[] → each element's string (null for NULL), handed to `each` in order. */
export function readTextArray(value: unknown, each: (text: string | null) => void): number {
  const bytes = byteaOf(value);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { view, length, start } = layout(bytes);
  let at = start;
  for (let i = 0; i < length; i++) {
    const size = view.getInt32(at);
    at += 4;
    if (size < 0) each(null);
    else {
      each(buffer.toString('utf8', at, at + size));
      at += size;
    }
  }
  return length;
}

/** The number of elements of a one-dimensional binary array. */
export const binaryArrayLength = (value: unknown) => layout(byteaOf(value)).length;
