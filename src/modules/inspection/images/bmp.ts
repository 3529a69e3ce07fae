// BMP decoding. The prebuilt libvips has no BMP loader, so BMP goes through bmp-js — which only
// knows the 40-byte BITMAPINFOHEADER layout (palette right after the header, pixels right after the
// palette, and 32-bit bit-fields in an order of its own). Files written with the V4/V5 headers
// (ImageMagick, GIMP) or a gap before the pixels are therefore rewritten into that layout first.
import { createRequire } from 'node:module';
import { AppError, badRequest } from '../../../platform/http/errors.ts';

/** bmp-js's output: 4 bytes per pixel in the order A, B, G, R. */
interface BmpJsImage {
  width: number;
  height: number;
  data: Buffer;
}
interface BmpJs {
  decode(file: Buffer): BmpJsImage;
  encode(image: { data: Buffer; width: number; height: number }): { data: Buffer };
}
export const bmpJs = createRequire(import.meta.url)('bmp-js') as BmpJs;

export interface BmpHeader {
  width: number;
  height: number;
  bitsPerPixel: number;
  compression: number;
  headerSize: number;
  dataOffset: number;
  paletteEntries: number;
}

export interface DecodedBmp {
  width: number;
  height: number;
  /** 1 when every pixel is gray (R = G = B), else 3 (RGB). */
  channels: 1 | 3;
  data: Buffer;
}

const HEADER_SIZES = [40, 52, 56, 108, 124];
const ALL_HEADER_SIZES = [12, 64, ...HEADER_SIZES];
const RGB = 0;
const BITFIELDS = 3;
/** Compression methods bmp-js decodes, with the bit depths they go with. */
const COMPRESSIONS: Record<number, number[]> = { 0: [1, 4, 8, 16, 24, 32], 1: [8], 2: [4], 3: [16, 32] };
const STANDARD_32_MASKS = [0x00ff0000, 0x0000ff00, 0x000000ff];

const corrupt = (why: string) => badRequest(`Corrupt BMP: ${why}`);
const unsupported = (what: string) =>
  new AppError('unsupported_media_type', `Unsupported BMP variant: ${what}; save it as PNG or TIFF`);

/** 'BM' followed by a plausible DIB header size: enough to tell a bitmap from text starting "BM". */
export function looksLikeBmp(head: Buffer): boolean {
  return (
    head.length >= 18 &&
    head.toString('latin1', 0, 2) === 'BM' &&
    ALL_HEADER_SIZES.includes(head.readUInt32LE(14))
  );
}

/** The header fields (the first 54 bytes suffice); throws 400 / 415 for what cannot be decoded. */
export function bmpHeader(head: Buffer): BmpHeader {
  if (head.length < 54) throw corrupt('the header is cut short');
  const headerSize = head.readUInt32LE(14);
  if (!HEADER_SIZES.includes(headerSize)) throw unsupported(`${headerSize}-byte header`);
  const width = head.readInt32LE(18);
  const height = Math.abs(head.readInt32LE(22));
  const bitsPerPixel = head.readUInt16LE(28);
  const compression = head.readUInt32LE(30);
  const colors = head.readUInt32LE(46);
  if (width <= 0 || height === 0 || height > 0x7fffffff)
    throw corrupt(`impossible size ${width} × ${height}`);
  if (head.readUInt16LE(26) !== 1) throw corrupt('more than one colour plane');
  const depths = COMPRESSIONS[compression];
  if (!depths) throw unsupported(`compression method ${compression}`);
  if (!depths.includes(bitsPerPixel))
    throw corrupt(`${bitsPerPixel} bits per pixel with compression ${compression}`);
  if (bitsPerPixel <= 8 && colors > 2 ** bitsPerPixel) throw corrupt(`${colors} palette entries`);
  const paletteEntries = bitsPerPixel <= 8 ? colors || 2 ** bitsPerPixel : 0;
  return {
    width,
    height,
    bitsPerPixel,
    compression,
    headerSize,
    dataOffset: head.readUInt32LE(10),
    paletteEntries,
  };
}

/** The same bitmap in the layout bmp-js reads. */
function canonicalLayout(file: Buffer, h: BmpHeader): Buffer {
  let compression = h.compression;
  if (h.bitsPerPixel === 32 && compression === BITFIELDS) {
    const masks = [54, 58, 62].map((at) => (file.length >= at + 4 ? file.readUInt32LE(at) : -1));
    if (masks.some((m, i) => m !== STANDARD_32_MASKS[i]))
      throw unsupported('32-bit pixels with unusual bit fields');
    compression = RGB; // the standard masks are the plain B, G, R, x byte order
  }
  const masks = compression === BITFIELDS ? 16 : 0;
  const paletteAt = 14 + h.headerSize + (h.headerSize === 40 && h.compression === BITFIELDS ? 12 : 0);
  const palette = file.subarray(paletteAt, paletteAt + h.paletteEntries * 4);
  if (palette.length < h.paletteEntries * 4) throw corrupt('the palette is cut short');
  if (h.dataOffset < paletteAt + palette.length || h.dataOffset >= file.length)
    throw corrupt(`pixel data offset ${h.dataOffset} is outside the file`);
  const pixels = file.subarray(h.dataOffset);
  if (compression === RGB) {
    const rowBytes = Math.floor((h.bitsPerPixel * h.width + 31) / 32) * 4;
    if (pixels.length < rowBytes * h.height) throw badRequest('Truncated BMP: the pixel data is cut short');
  }
  const header = Buffer.alloc(54 + masks);
  file.copy(header, 0, 0, 54);
  header.writeUInt32LE(header.length + palette.length, 10);
  header.writeUInt32LE(40, 14);
  header.writeUInt32LE(compression, 30);
  if (masks) file.copy(header, 54, 54, 66); // red, green, blue masks; no alpha
  return Buffer.concat([header, palette, pixels]);
}

/** Decodes a whole BMP file (call `bmpHeader` first to check its pixel count). */
export function decodeBmp(file: Buffer): DecodedBmp {
  const header = bmpHeader(file);
  const canonical = canonicalLayout(file, header);
  let image: BmpJsImage;
  try {
    image = bmpJs.decode(canonical);
  } catch {
    throw badRequest('Truncated or corrupt BMP: the pixel data could not be decoded');
  }
  const { width, height, data: abgr } = image;
  const n = width * height;
  let gray = true;
  for (let i = 0; i < n && gray; i++) {
    const at = i * 4;
    gray = abgr[at + 1] === abgr[at + 2] && abgr[at + 2] === abgr[at + 3];
  }
  const channels = gray ? 1 : 3;
  const data = Buffer.allocUnsafe(n * channels);
  for (let i = 0; i < n; i++) {
    const at = i * 4;
    if (gray) data[i] = abgr[at + 3] as number;
    else {
      data[i * 3] = abgr[at + 3] as number;
      data[i * 3 + 1] = abgr[at + 2] as number;
      data[i * 3 + 2] = abgr[at + 1] as number;
    }
  }
  return { width, height, channels, data };
}
