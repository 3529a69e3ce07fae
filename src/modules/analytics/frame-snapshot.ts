// An import's analysis frame kept beside its rows: the columns an analysis loads, written by the
// import job chunk by chunk as its batches commit, so an analysis reads them from one file instead
// of computing them from the rows again (on the embedded database that computation was most of a
// million-row analysis: its aggregates run in WebAssembly). The rows stay the truth. A snapshot
// counts only once the import's completion has recorded it (imports.frame, cleared whenever the rows
// are); every chunk is checked (magic, lengths, CRC-32) and the row numbers must increase across
// the file; on any mismatch the frame is read from the rows (frame.repo.ts) as before.
//
// A chunk: a 32-byte header (magic, rows, sections, CRC-32 of the body, its first row number, the
// writing's nonce, body bytes) and a body of sections, each a 4-byte length and 4 spare bytes, then the bytes padded to 8 so the float8
// sections can be copied straight into the frame's arrays: the ids (float8), the row numbers
// (int32), then one section per key of the record, a float8 column in the frame's own encoding
// (dates as epoch ms, flags 0/1, NULL as NaN) or a text column as the binary text[] the insert sent.
import { randomInt } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { sharedFloat64Array, sharedInt32Array } from '../../platform/compute/shared-arrays.ts';
import { readTextArrayCodes } from '../../platform/db/binary-array-reader.ts';
import { ByteDictionary } from '../../platform/db/byte-dictionary.ts';
import { isUuid } from '../../platform/db/scope.ts';
import type { TextColumn, WorkOrderFrame } from './analysis/types.ts';
import { FIELD_BY_KEY } from './canonical.ts';
import type { StoredColumns } from './imports.repo.ts';

/** What the import recorded of its snapshot (imports.frame). */
export interface FrameRecord {
  version: 1;
  /** The canonical fields in the file, in order, and their types when it was written. */
  keys: string[];
  types: string[];
  /** Drawn for each writing and put in every chunk: a record matches the one file written with it. */
  nonce: number;
  rows: number;
  chunks: number;
  bytes: number;
}

/** A committed batch of work orders as the frame holds them. */
export interface FrameChunk {
  ids: Float64Array;
  rowNo: Int32Array;
  /** Per key of the record: float8 values, or a text column's binary text[]. */
  columns: Record<string, Float64Array | Uint8Array>;
}

/** Unix time of PostgreSQL's epoch (2000-01-01), in seconds and milliseconds. */
const PG_EPOCH_S = 946_684_800;

/**
 * A stored date as a read of the rows gives it (`date_part('epoch', …) * 1000`): the microseconds
 * the insert stored (binary-arrays.ts), divided as PostgreSQL divides them, so both reads agree to
 * the bit.
 */
export function frameDate(ms: number): number {
  // Microseconds since 2000, back to since 1970 (exact below 2^53), then to seconds and milliseconds.
  const us = Math.round((ms - PG_EPOCH_S * 1000) * 1000);
  return ((us + PG_EPOCH_S * 1_000_000) / 1_000_000) * 1000;
}

/**
 * A committed batch as a chunk, from the columns its insert sent (insertWorkOrders): numbers as float8
 * (dates by frameDate, flags 0/1, empty as NaN), the texts as the binary arrays themselves.
 */
export function chunkOf(keys: readonly string[], ids: Float64Array, stored: StoredColumns): FrameChunk {
  const columns: Record<string, Float64Array | Uint8Array> = {};
  for (const key of keys) {
    const type = FIELD_BY_KEY.get(key)?.type;
    const column = type === 'text' ? stored.arrays[key] : stored.numbers[key];
    if (!column) throw new Error(`no column was sent for ${key}`);
    if (type === 'date' || type === 'integer') {
      const values = column as Float64Array;
      const out = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i] as number;
        // int8 has no −0; NaN (empty) stays NaN through frameDate.
        out[i] = type === 'date' ? frameDate(v) : v === 0 ? 0 : v;
      }
      columns[key] = out;
    } else columns[key] = column;
  }
  return { ids, rowNo: stored.rowNos, columns };
}

const MAGIC = 0x31_46_49_50; // "PIF1", little-endian
const HEADER = 32;
const pad8 = (n: number) => (n + 7) & ~7;

/** A chunk's bytes: header, then the ids, the row numbers and the columns of `keys`. */
export function encodeChunk(keys: readonly string[], chunk: FrameChunk, nonce: number): Buffer {
  const rows = chunk.ids.length;
  const sections: Uint8Array[] = [
    new Uint8Array(chunk.ids.buffer, chunk.ids.byteOffset, chunk.ids.byteLength),
    new Uint8Array(chunk.rowNo.buffer, chunk.rowNo.byteOffset, chunk.rowNo.byteLength),
  ];
  for (const key of keys) {
    const column = chunk.columns[key];
    if (!column) throw new Error(`the chunk has no column ${key}`);
    if (column instanceof Float64Array) {
      if (column.length !== rows) throw new Error(`column ${key} has ${column.length} values, not ${rows}`);
      sections.push(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
    } else sections.push(column);
  }
  if (chunk.rowNo.length !== rows) throw new Error('the chunk has more row numbers than ids');
  const body = sections.reduce((n, s) => n + 8 + pad8(s.byteLength), 0);
  const out = Buffer.alloc(HEADER + body);
  let at = HEADER;
  for (const section of sections) {
    out.writeUInt32LE(section.byteLength, at);
    out.set(section, at + 8);
    at += 8 + pad8(section.byteLength);
  }
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(rows, 4);
  out.writeUInt32LE(sections.length, 8);
  out.writeUInt32LE(crc32(out.subarray(HEADER)), 12);
  out.writeInt32LE(rows > 0 ? (chunk.rowNo[0] as number) : 0, 16);
  out.writeUInt32LE(nonce, 20);
  out.writeDoubleLE(body, 24);
  return out;
}

/** Where the snapshots live: `<dir>/<tenant>/<import>.frame`. */
export interface FrameStore {
  /** A writer for the import's snapshot; an earlier one is removed first. */
  writer(tenantId: string, importId: string, keys: readonly string[]): Promise<FrameWriter>;
  remove(tenantId: string, importId: string): Promise<void>;
  /**
   * The frame of `fields` from the snapshot, or null (with the reason) when there is none that
   * matches `record` and `rows` exactly. `onChunk` is told the rows loaded so far (it may throw to abort).
   */
  load(
    tenantId: string,
    importId: string,
    record: FrameRecord,
    fields: readonly string[],
    onChunk?: (loaded: number) => Promise<void> | void,
  ): Promise<{ frame: WorkOrderFrame } | { frame: null; reason: string }>;
  /** The imports with a snapshot file, per tenant (the housekeeping's list to check). */
  list(): Promise<{ tenantId: string; importIds: string[] }[]>;
}

export interface FrameWriter {
  /**
   * Appends a chunk after those before it, settled once it is written (never rejected: a failed
   * write stops the snapshot, not the import).
   */
  append(chunk: FrameChunk): Promise<void>;
  /** Closes the file and puts it in place; null when a write failed (nothing is kept then). */
  finish(): Promise<FrameRecord | null>;
  /** Drops what was written. */
  discard(): Promise<void>;
}

/** The snapshots' directory beside the uploaded files. */
export const framesDir = (filesDir: string) => join(filesDir, 'frames');

/** The store of the snapshots beside the uploaded files in `filesDir`. */
export const frameStoreIn = (filesDir: string, warn?: (message: string) => void) =>
  localFrameStore(framesDir(filesDir), warn);

export function localFrameStore(dir: string, warn: (message: string) => void = () => {}): FrameStore {
  const pathOf = (tenantId: string, importId: string) => {
    if (!isUuid(tenantId) || !isUuid(importId)) throw new Error('not a tenant and import id');
    return join(dir, tenantId.toLowerCase(), `${importId.toLowerCase()}.frame`);
  };
  const remove = async (tenantId: string, importId: string) => {
    const path = pathOf(tenantId, importId);
    await Promise.all([rm(path, { force: true }), rm(`${path}.part`, { force: true })]);
  };
  return {
    remove,
    async writer(tenantId, importId, keys) {
      const path = pathOf(tenantId, importId);
      await remove(tenantId, importId);
      await mkdir(join(dir, tenantId), { recursive: true });
      const file = await open(
        `${path}.part`,
        constants.O_CREAT | constants.O_TRUNC | constants.O_WRONLY,
        0o600,
      );
      const nonce = randomInt(2 ** 32);
      let tail = Promise.resolve();
      let failed: unknown = null;
      let rows = 0;
      let chunks = 0;
      let bytes = 0;
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await tail;
        await file.close().catch(() => {});
      };
      return {
        append(chunk) {
          if (failed || closed) return tail;
          tail = tail.then(async () => {
            if (failed) return;
            try {
              const encoded = encodeChunk(keys, chunk, nonce);
              const { bytesWritten } = await file.write(encoded, 0, encoded.byteLength, bytes);
              if (bytesWritten !== encoded.byteLength) throw new Error('a short write');
              rows += chunk.ids.length;
              chunks++;
              bytes += encoded.byteLength;
            } catch (err) {
              failed = err;
              warn(`the frame snapshot of import ${importId} is not kept: ${(err as Error).message}`);
            }
          });
          return tail;
        },
        async finish() {
          await close();
          if (failed) {
            await remove(tenantId, importId);
            return null;
          }
          try {
            await rename(`${path}.part`, path);
          } catch (err) {
            await remove(tenantId, importId);
            throw err;
          }
          const types = keys.map((k) => FIELD_BY_KEY.get(k)?.type ?? 'unknown');
          return { version: 1, keys: [...keys], types, nonce, rows, chunks, bytes };
        },
        async discard() {
          await close();
          await remove(tenantId, importId);
        },
      };
    },
    async load(tenantId, importId, record, fields, onChunk) {
      const path = pathOf(tenantId, importId);
      const missing = fields.filter((f) => !record.keys.includes(f));
      if (record.version !== 1) return { frame: null, reason: `snapshot version ${record.version}` };
      if (record.keys.some((k, i) => FIELD_BY_KEY.get(k)?.type !== record.types?.[i]))
        return { frame: null, reason: 'a field has another type now' };
      if (missing.length > 0) return { frame: null, reason: `the snapshot lacks ${missing.join(', ')}` };
      const size = await stat(path).then(
        (s) => s.size,
        () => -1,
      );
      if (size !== record.bytes)
        return { frame: null, reason: size < 0 ? 'no snapshot file' : 'its size differs' };
      const file = await open(path, 'r');
      try {
        return await readChunks(file, record, fields, onChunk);
      } finally {
        await file.close();
      }
    },
    async list() {
      const tenants = await readdir(dir).catch(() => [] as string[]);
      const out: { tenantId: string; importIds: string[] }[] = [];
      for (const tenantId of tenants.filter(isUuid)) {
        const names = await readdir(join(dir, tenantId)).catch(() => [] as string[]);
        const importIds = [...new Set(names.map((n) => n.replace(/\.frame(\.part)?$/, '')).filter(isUuid))];
        out.push({ tenantId, importIds });
      }
      return out;
    },
  };
}

type OpenFile = Awaited<ReturnType<typeof open>>;

async function readChunks(
  file: OpenFile,
  record: FrameRecord,
  fields: readonly string[],
  onChunk?: (loaded: number) => Promise<void> | void,
): Promise<{ frame: WorkOrderFrame } | { frame: null; reason: string }> {
  const fail = (reason: string) => ({ frame: null, reason }) as const;
  const n = record.rows;
  const ids = sharedFloat64Array(n);
  const rowNo = sharedInt32Array(n);
  const numbers: Record<string, Float64Array> = {};
  const codes: Record<string, Int32Array> = {};
  const dictionaries: Record<string, ByteDictionary> = {};
  const wanted = new Set(fields);
  for (const key of record.keys) {
    if (!wanted.has(key)) continue;
    if (FIELD_BY_KEY.get(key)?.type === 'text') {
      codes[key] = sharedInt32Array(n);
      dictionaries[key] = new ByteDictionary();
    } else numbers[key] = sharedFloat64Array(n);
  }
  // The chunks were appended as their batches committed, two at a time: their headers first, then
  // the chunks in row order.
  const header = Buffer.alloc(HEADER);
  const chunks: { at: number; rows: number; firstRow: number; length: number; crc: number }[] = [];
  let position = 0;
  let total = 0;
  for (let c = 0; c < record.chunks; c++) {
    if ((await file.read(header, 0, HEADER, position)).bytesRead !== HEADER)
      return fail('a chunk is cut short');
    const rows = header.readUInt32LE(4);
    const length = header.readDoubleLE(24);
    if (header.readUInt32LE(0) !== MAGIC || header.readUInt32LE(8) !== record.keys.length + 2)
      return fail('a chunk header is not one');
    if (header.readUInt32LE(20) !== record.nonce) return fail('a chunk of another writing');
    if (!Number.isSafeInteger(length) || length < 0 || position + HEADER + length > record.bytes)
      return fail('a chunk is longer than the snapshot');
    chunks.push({
      at: position + HEADER,
      rows,
      firstRow: header.readInt32LE(16),
      length,
      crc: header.readUInt32LE(12),
    });
    position += HEADER + length;
    total += rows;
  }
  if (total !== n || position !== record.bytes) return fail('the chunks do not add up to the snapshot');
  chunks.sort((a, b) => a.firstRow - b.firstRow);
  // One body buffer, grown as needed, offset 0 so its float8 sections are aligned.
  let body = Buffer.allocUnsafeSlow(1 << 20);
  let loaded = 0;
  for (const { at: from, rows, length, crc } of chunks) {
    if (body.byteLength < length) body = Buffer.allocUnsafeSlow(Math.max(length, body.byteLength * 2));
    const view = body.subarray(0, length);
    if ((await file.read(view, 0, length, from)).bytesRead !== length) return fail('a chunk is cut short');
    if (crc32(view) !== crc) return fail('a chunk fails its checksum');
    let at = 0;
    const section = () => {
      const size = view.readUInt32LE(at);
      const start = at + 8;
      at = start + pad8(size);
      if (at > length) throw new Error('a section runs past its chunk');
      return { start, size };
    };
    const float8s = (target: Float64Array) => {
      const { start, size } = section();
      if (size !== rows * 8) throw new Error('a column has the wrong length');
      target.set(new Float64Array(body.buffer, start, rows), loaded);
    };
    try {
      float8s(ids);
      const r = section();
      if (r.size !== rows * 4) throw new Error('the row numbers have the wrong length');
      rowNo.set(new Int32Array(body.buffer, r.start, rows), loaded);
      for (const key of record.keys) {
        const target = numbers[key];
        const dictionary = dictionaries[key];
        if (target) float8s(target);
        else if (dictionary) {
          const { start, size } = section();
          const count = readTextArrayCodes(
            view.subarray(start, start + size),
            dictionary,
            codes[key] as Int32Array,
            loaded,
          );
          if (count !== rows) throw new Error('a text column has the wrong length');
        } else section();
      }
    } catch (err) {
      return fail((err as Error).message);
    }
    loaded += rows;
    await onChunk?.(loaded);
  }
  // The frame is in file order, as a read of the rows gives it.
  for (let i = 1; i < n; i++)
    if ((rowNo[i] as number) <= (rowNo[i - 1] as number)) return fail('its row numbers are out of order');
  return {
    frame: {
      n,
      ids,
      rowNo,
      numbers,
      texts: Object.fromEntries(
        Object.entries(dictionaries).map(([k, d]): [string, TextColumn] => [
          k,
          { codes: codes[k] as Int32Array, dict: d.values },
        ]),
      ),
    },
  };
}
