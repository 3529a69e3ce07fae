// PNG validation without decoding: the chunk structure is walked in 256 KiB reads, every chunk's
// CRC checked (zlib's crc32), IHDR required first with a legal size/depth/colour type and IEND
// required at the end. The pixel limit is checked as soon as IHDR is read, before the rest of the file
// is looked at, so a 20,000 × 20,000 "pixel bomb" costs one read of the file's first block.
import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { badRequest } from '../../../platform/http/errors.ts';
import { checkPixels } from './pixel-limit.ts';

export interface PngHeader {
  width: number;
  height: number;
  /** 1, 2, 4, 8 or 16 bits per sample. */
  bitDepth: number;
  /** 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA. */
  colorType: number;
  channels: number;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const BLOCK = 256 * 1024;
const MAX_CHUNK = 0x7fffffff;
/** Legal bit depths per colour type (PNG spec, table 11.1) and the channels libvips decodes to. */
const COLOR_TYPES: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 3 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};
const KNOWN_CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

const corrupt = (why: string) => badRequest(`Corrupt PNG: ${why}`);
const truncated = () => badRequest('Truncated PNG: the file ends before its IEND chunk');

/** Sequential reads through one reused buffer; `take` hands out views valid until the next call. */
function sequentialReader(fh: FileHandle, size: number) {
  const buf = Buffer.allocUnsafe(BLOCK);
  let start = 0; // file offset of buf[0]
  let end = 0; // file offset just past the valid bytes
  let pos = 0;
  const refill = async (need: number) => {
    buf.copy(buf, 0, pos - start, end - start);
    start = pos;
    while (end - pos < need && end < size) {
      const { bytesRead } = await fh.read(buf, end - start, BLOCK - (end - start), end);
      if (bytesRead === 0) break;
      end += bytesRead;
    }
    return end - pos >= need;
  };
  return {
    position: () => pos,
    async take(n: number): Promise<Buffer | null> {
      if (end - pos < n && !(await refill(n))) return null;
      const view = buf.subarray(pos - start, pos - start + n);
      pos += n;
      return view;
    },
    /** Runs `n` bytes through crc32 from `crc`; null when the file ends first. */
    async crc(n: number, crc: number): Promise<number | null> {
      let left = n;
      let value = crc;
      while (left > 0) {
        if (end === pos && !(await refill(1))) return null;
        const m = Math.min(left, end - pos);
        value = crc32(buf.subarray(pos - start, pos - start + m), value);
        pos += m;
        left -= m;
      }
      return value;
    },
  };
}

function parseIhdr(data: Buffer): PngHeader {
  const width = data.readUInt32BE(0);
  const height = data.readUInt32BE(4);
  const [bitDepth = 0, colorType = 0, compression, filter, interlace] = data.subarray(8, 13);
  if (width === 0 || height === 0 || width > MAX_CHUNK || height > MAX_CHUNK)
    throw corrupt(`impossible size ${width} × ${height}`);
  const type = COLOR_TYPES[colorType];
  if (!type) throw corrupt(`unknown colour type ${colorType}`);
  if (!type.depths.includes(bitDepth))
    throw corrupt(`bit depth ${bitDepth} is not allowed with colour type ${colorType}`);
  if (compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1))
    throw corrupt('unknown compression, filter or interlace method');
  return { width, height, bitDepth, colorType, channels: type.channels };
}

/** Validates the PNG open in `fh` (signature already sniffed); throws AppError 400 / 413. */
export async function checkPng(fh: FileHandle, size: number, maxPixels: number): Promise<PngHeader> {
  const reader = sequentialReader(fh, size);
  const signature = await reader.take(8);
  if (!signature?.equals(PNG_SIGNATURE)) throw corrupt('bad signature');
  let header: PngHeader | undefined;
  let sawPalette = false;
  let sawData = false;
  for (;;) {
    const at = reader.position();
    const head = await reader.take(8);
    if (!head) throw truncated();
    const length = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (length > MAX_CHUNK || !/^[A-Za-z]{4}$/.test(type)) throw corrupt(`bad chunk header at byte ${at}`);
    if (!header && type !== 'IHDR') throw corrupt('the first chunk is not IHDR');
    if (at + 12 + length > size) throw truncated();
    let crc = crc32(head.subarray(4, 8));
    if (type === 'IHDR') {
      if (header) throw corrupt('more than one IHDR chunk');
      if (length !== 13) throw corrupt('IHDR is not 13 bytes long');
      const data = Buffer.from((await reader.take(13)) ?? []);
      if (data.length < 13) throw truncated();
      crc = crc32(data, crc);
      const stored = await reader.take(4);
      if (!stored) throw truncated();
      if (stored.readUInt32BE(0) !== crc) throw corrupt('CRC mismatch in chunk IHDR');
      header = parseIhdr(data);
      checkPixels(header.width, header.height, maxPixels);
      continue;
    }
    const computed = await reader.crc(length, crc);
    const stored = await reader.take(4);
    if (computed === null || !stored) throw truncated();
    if (stored.readUInt32BE(0) !== computed) throw corrupt(`CRC mismatch in chunk ${type} at byte ${at}`);
    if (type === 'PLTE') sawPalette = true;
    else if (type === 'IDAT') sawData = true;
    else if (type === 'IEND') break;
    else if (type.charCodeAt(0) < 97 && !KNOWN_CRITICAL.has(type))
      throw corrupt(`unknown critical chunk ${type}`);
  }
  if (!header) throw truncated();
  if (!sawData) throw corrupt('no image data (IDAT)');
  if (header.colorType === 3 && !sawPalette) throw corrupt('palette image without a PLTE chunk');
  return header;
}
