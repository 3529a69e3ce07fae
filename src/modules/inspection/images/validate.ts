// Camera images as they arrive: what format they are, whether they are whole, and how many pixels
// they claim — refused with a 4xx before anything is decoded when they are not acceptable — and the
// two ways the rest of the module reads them: gray pixels for the detector, a sharp pipeline for
// rendering. Accepted: 8/16-bit PNG, TIFF, JPEG, BMP (gray or colour). Pixel coordinates are those
// of the stored pixels: EXIF orientation is not applied.
import { open, readFile } from 'node:fs/promises';
import type { Metadata, Sharp } from 'sharp';
import { AppError, badRequest } from '../../../platform/http/errors.ts';
import { bmpHeader, decodeBmp, looksLikeBmp } from './bmp.ts';
import { checkJpeg } from './jpeg.ts';
import { checkPixels } from './pixel-limit.ts';
import { checkPng, PNG_SIGNATURE } from './png.ts';
import { loadSharp } from './sharp.ts';

export const IMAGE_FORMATS = ['png', 'tiff', 'jpeg', 'bmp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
  bitDepth: 8 | 16;
  /** As decoded: 1 gray, 2 gray + alpha, 3 RGB (palette PNGs too), 4 RGBA or CMYK. */
  channels: number;
}

/** One channel, row-major; 16-bit images stay 16-bit. */
export interface GrayImage {
  width: number;
  height: number;
  bitDepth: 8 | 16;
  data: Uint8Array | Uint16Array;
}

const ACCEPTED = 'accepted formats are PNG, TIFF, JPEG and BMP';
const HEAD_BYTES = 512;

const ascii = (b: Buffer, from: number, to: number) => b.toString('latin1', from, to);
const startsWith = (b: Buffer, bytes: number[]) => bytes.every((v, i) => b[i] === v);

/** Formats recognised by their signature only so the refusal can name them. */
const OTHER_FORMATS: [string, (b: Buffer) => boolean][] = [
  ['GIF', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['WebP', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
  [
    'SVG',
    (b) =>
      /^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg|<svg)/i.test(b.toString('utf8')),
  ],
  ['PDF', (b) => ascii(b, 0, 5) === '%PDF-'],
  ['DICOM', (b) => ascii(b, 128, 132) === 'DICM'],
  ['PNM (PBM/PGM/PPM)', (b) => /^P[1-6]\s/.test(ascii(b, 0, 3))],
  ['HEIF/AVIF', (b) => ascii(b, 4, 8) === 'ftyp'],
  [
    'JPEG 2000',
    (b) => startsWith(b, [0, 0, 0, 12, 0x6a, 0x50, 0x20, 0x20]) || startsWith(b, [0xff, 0x4f, 0xff, 0x51]),
  ],
  ['JPEG XL', (b) => startsWith(b, [0xff, 0x0a]) || startsWith(b, [0, 0, 0, 12, 0x4a, 0x58, 0x4c, 0x20])],
  ['Photoshop', (b) => ascii(b, 0, 4) === '8BPS'],
  ['OpenEXR', (b) => startsWith(b, [0x76, 0x2f, 0x31, 0x01])],
  ['FITS', (b) => ascii(b, 0, 9) === 'SIMPLE  ='],
];

/** The format from the first bytes; 415 for anything else. */
export function sniffFormat(head: Buffer): ImageFormat {
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  const tiffMagic = ascii(head, 0, 4);
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(tiffMagic)) return 'tiff';
  if (looksLikeBmp(head)) return 'bmp';
  const other = OTHER_FORMATS.find(([, test]) => test(head));
  throw new AppError(
    'unsupported_media_type',
    other
      ? `Unsupported image format ${other[0]}: ${ACCEPTED}`
      : `Not an image (unknown file signature): ${ACCEPTED}`,
  );
}

/** Turns a decoder failure on an accepted file (e.g. a bad zlib stream behind valid CRCs) into a 400. */
export function undecodable(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('bad_request', 'The image data is corrupt: it could not be decoded', undefined, {
    cause: err,
  });
}

async function headerOf(path: string, label: string): Promise<Metadata & { width: number; height: number }> {
  const sharp = await loadSharp();
  const meta = await sharp(path)
    .metadata()
    .catch(() => undefined);
  if (!meta?.width || !meta.height) throw badRequest(`Corrupt ${label}: its header could not be read`);
  return meta as Metadata & { width: number; height: number };
}

function bitDepthOf(meta: Metadata, label: string): 8 | 16 {
  if (meta.depth === 'uchar') return 8;
  if (meta.depth === 'ushort') return 16;
  throw new AppError(
    'unsupported_media_type',
    `Unsupported ${label} sample format (${meta.depth}): 8- or 16-bit unsigned samples are accepted`,
  );
}

/**
 * Checks a stored upload and describes it. Refuses (AppError): an unknown or unsupported format
 * (415), an empty, truncated or corrupt file (400), more than `maxPixels` pixels (413, from the header
 * before decoding). PNG and JPEG are checked structurally (chunk CRCs / markers, no decode); TIFF and
 * BMP are decoded once.
 */
export async function inspectImageFile(
  path: string,
  { maxPixels }: { maxPixels: number },
): Promise<ImageInfo> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size === 0) throw badRequest('The image file is empty (0 bytes)');
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await fh.read(head, 0, head.length, 0);
    const format = sniffFormat(head);
    if (format === 'png') {
      const png = await checkPng(fh, size, maxPixels);
      const { width, height, channels } = png;
      return { format, width, height, bitDepth: png.bitDepth === 16 ? 16 : 8, channels };
    }
    if (format === 'jpeg') {
      await checkJpeg(fh, size, maxPixels);
      const meta = await headerOf(path, 'JPEG');
      return {
        format,
        width: meta.width,
        height: meta.height,
        bitDepth: bitDepthOf(meta, 'JPEG'),
        channels: meta.channels ?? 1,
      };
    }
    if (format === 'tiff') {
      const meta = await headerOf(path, 'TIFF');
      checkPixels(meta.width, meta.height, maxPixels);
      const info: ImageInfo = {
        format,
        width: meta.width,
        height: meta.height,
        bitDepth: bitDepthOf(meta, 'TIFF'),
        channels: meta.channels ?? 1,
      };
      // A full decode finds truncated strips and broken compression; the output is tiny.
      await (await toSharp(path, info))
        .resize(64, 64, { fit: 'inside' })
        .raw()
        .toBuffer()
        .catch(() => {
          throw badRequest('Truncated or corrupt TIFF: the image data could not be decoded');
        });
      return info;
    }
    const header = bmpHeader(head);
    checkPixels(header.width, header.height, maxPixels);
    const bmp = decodeBmp(await readFile(path));
    return { format, width: bmp.width, height: bmp.height, bitDepth: 8, channels: bmp.channels };
  } finally {
    await fh.close();
  }
}

/** A sharp pipeline over the image (BMP decoded to raw pixels first); pixel limit = the image's own. */
export async function toSharp(path: string, info: ImageInfo): Promise<Sharp> {
  const sharp = await loadSharp();
  if (info.format === 'bmp') {
    const { data, width, height, channels } = decodeBmp(await readFile(path));
    return sharp(data, { raw: { width, height, channels } });
  }
  return sharp(path, { failOn: 'error', limitInputPixels: Math.max(1, info.width * info.height) });
}

/** Rec. 601 luma of packed RGB, for colour BMPs (libvips converts the other formats). */
function luma(rgb: Uint8Array): Uint8Array {
  const gray = new Uint8Array(rgb.length / 3);
  for (let i = 0; i < gray.length; i++) {
    const at = i * 3;
    gray[i] =
      ((rgb[at] as number) * 299 + (rgb[at + 1] as number) * 587 + (rgb[at + 2] as number) * 114 + 500) /
      1000;
  }
  return gray;
}

/** Single-channel pixels for the detector: colour becomes luminance, alpha is dropped. */
export async function decodeGray(path: string, info: ImageInfo): Promise<GrayImage> {
  if (info.format === 'bmp') {
    const bmp = decodeBmp(await readFile(path));
    return {
      width: bmp.width,
      height: bmp.height,
      bitDepth: 8,
      data: bmp.channels === 1 ? bmp.data : luma(bmp.data),
    };
  }
  const sixteen = info.bitDepth === 16;
  const { data, info: out } = await (await toSharp(path, info))
    .removeAlpha()
    .toColourspace(sixteen ? 'grey16' : 'b-w')
    .raw({ depth: sixteen ? 'ushort' : 'uchar' })
    .toBuffer({ resolveWithObject: true })
    .catch((err: unknown) => {
      throw undecodable(err);
    });
  if (out.channels !== 1) throw new Error(`expected one channel, decoded ${out.channels}`);
  return {
    width: out.width,
    height: out.height,
    bitDepth: info.bitDepth,
    data: sixteen ? asUint16(data) : data,
  };
}

/** 16-bit samples of a raw sharp buffer (native byte order), copied only when misaligned. */
export function asUint16(data: Buffer): Uint16Array {
  if (data.byteOffset % 2 === 0) return new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
  return new Uint16Array(new Uint8Array(data).buffer);
}
