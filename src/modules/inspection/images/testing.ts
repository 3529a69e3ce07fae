// Test images for the images/ tests, made in memory and written to a temporary directory:
// deterministic pixel patterns in every accepted format, plus hand-made files (a PNG that is only a
// header, an 8-bit palette BMP with either header size) that no encoder would write.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { bmpJs } from './bmp.ts';
import { PNG_SIGNATURE } from './png.ts';

export type PixelFn = (x: number, y: number) => number;

export async function tempDir(): Promise<{
  dir: string;
  file: (name: string, bytes: Buffer) => Promise<string>;
  remove: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'inspection-images-'));
  return {
    dir,
    file: async (name, bytes) => {
      const path = join(dir, name);
      await writeFile(path, bytes);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export function gray8(width: number, height: number, fn: PixelFn): Buffer {
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = fn(x, y);
  return data;
}

export function gray16(width: number, height: number, fn: PixelFn): Uint16Array {
  const data = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = fn(x, y);
  return data;
}

export const gray8Png = (width: number, height: number, fn: PixelFn) =>
  sharp(gray8(width, height, fn), { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toBuffer();

export const gray16Png = (width: number, height: number, fn: PixelFn) =>
  sharp(gray16(width, height, fn), { raw: { width, height, channels: 1 } })
    .toColourspace('grey16')
    .png()
    .toBuffer();

export const gray16Tiff = (width: number, height: number, fn: PixelFn) =>
  sharp(gray16(width, height, fn), { raw: { width, height, channels: 1 } })
    .toColourspace('grey16')
    .tiff({ compression: 'lzw' })
    .toBuffer();

export const grayJpeg = (width: number, height: number, fn: PixelFn) =>
  sharp(gray8(width, height, fn), { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .jpeg({ quality: 95 })
    .toBuffer();

/** A 24-bit BMP through bmp-js's encoder (40-byte header, bottom row last). */
export function rgbBmp(
  width: number,
  height: number,
  rgb: (x: number, y: number) => [number, number, number],
): Buffer {
  const abgr = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgb(x, y);
      abgr.set([0, b, g, r], (y * width + x) * 4);
    }
  return bmpJs.encode({ data: abgr, width, height }).data;
}

/** An 8-bit gray-palette BMP, bottom-up, with a 40-byte or V5 (124-byte) header. */
export function gray8Bmp(width: number, height: number, fn: PixelFn, headerSize: 40 | 124 = 40): Buffer {
  const rowBytes = Math.ceil(width / 4) * 4;
  const offset = 14 + headerSize + 256 * 4;
  const file = Buffer.alloc(offset + rowBytes * height);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(offset, 10);
  file.writeUInt32LE(headerSize, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(8, 28);
  file.writeUInt32LE(rowBytes * height, 34);
  file.writeUInt32LE(256, 46);
  for (let i = 0; i < 256; i++) file.set([i, i, i, 0], 14 + headerSize + i * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) file[offset + (height - 1 - y) * rowBytes + x] = fn(x, y);
  return file;
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))));
  return Buffer.concat([head, data, crc]);
}

/** Signature and a valid IHDR only: what a pixel bomb's first 33 bytes look like. */
export function pngHeaderOnly(width: number, height: number, bitDepth = 8, colorType = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([bitDepth, colorType, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr)]);
}

/** Decodes an encoded image to raw pixels (for pixel checks in tests); gray stays one channel. */
export async function pixelsOf(encoded: Buffer) {
  const gray = (await sharp(encoded).metadata()).channels === 1;
  const { data, info } = await sharp(encoded)
    .toColourspace(gray ? 'b-w' : 'srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [
    ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x + 1) * info.channels),
  ];
  return { info, data, at };
}
