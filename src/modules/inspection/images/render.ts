// A stored image as the browser gets it: resized (never enlarged), windowed to 8 bits, optionally
// overlaid with defects and regions, encoded as JPEG, WebP or PNG. The windowing is a lookup table
// over the resized raw samples (exact, and the same code for 8 and 16 bits); output is gray for a
// gray source without overlay, colour (sRGB) whenever an overlay is drawn so its colours are true.
import { type OverlayInput, overlaySvg } from './overlay.ts';
import { loadSharp } from './sharp.ts';
import { asUint16, type ImageInfo, toSharp, undecodable } from './validate.ts';
import { type DisplayWindow, windowOfPixels } from './window.ts';

export const RENDER_FORMATS = ['jpeg', 'webp', 'png'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];
export const JPEG_QUALITY = 85;
export const WEBP_QUALITY = 80;

export interface RenderOptions {
  path: string;
  info: ImageInfo;
  /**
   * Sample values shown black and white (source units). Absent: worked out from the resized pixels
   * by the rule of `displayWindow` — pass the stored window so every size of an image looks the same.
   */
  window?: DisplayWindow | undefined;
  format: RenderFormat;
  /** Output width; the source width when absent. Never enlarged, never above `maxOutputWidth`. */
  width?: number | undefined;
  /** Drawn at the output size: its `outWidth`/`outHeight` are set here (callers may pass 0). */
  overlay?: OverlayInput | undefined;
  maxOutputWidth: number;
}

/** Output size for a requested width: capped by the source width and `maxOutputWidth`, aspect kept. */
export function outputSize(
  info: Pick<ImageInfo, 'width' | 'height'>,
  width: number | undefined,
  maxOutputWidth: number,
) {
  const outWidth = Math.max(1, Math.floor(Math.min(width ?? info.width, info.width, maxOutputWidth)));
  const outHeight = Math.max(1, Math.round((info.height * outWidth) / info.width));
  return { width: outWidth, height: outHeight };
}

/** Sample value → 8-bit display level: linear between the window's low (0) and high (255), clamped. */
export function windowLut({ low, high }: DisplayWindow, bitDepth: 8 | 16): Uint8Array {
  const max = bitDepth === 16 ? 65535 : 255;
  const span = Math.max(1e-9, high - low);
  const lut = new Uint8Array(max + 1);
  for (let v = 0; v <= max; v++)
    lut[v] = v <= low ? 0 : v >= high ? 255 : Math.round(((v - low) * 255) / span);
  return lut;
}

export async function renderVariant(options: RenderOptions): Promise<Buffer> {
  const { path, info, format, overlay } = options;
  const size = outputSize(info, options.width, options.maxOutputWidth);
  const sixteen = info.bitDepth === 16;
  const colour = info.channels >= 3;
  let source = (await toSharp(path, info)).removeAlpha();
  if (size.width !== info.width || size.height !== info.height)
    source = source.resize(size.width, size.height, { fit: 'fill' });
  const { data, info: raw } = await source
    .toColourspace(colour ? (sixteen ? 'rgb16' : 'srgb') : sixteen ? 'grey16' : 'b-w')
    .raw({ depth: sixteen ? 'ushort' : 'uchar' })
    .toBuffer({ resolveWithObject: true })
    .catch((err: unknown) => {
      throw undecodable(err);
    });
  const samples = sixteen ? asUint16(data) : data;
  const lut = windowLut(options.window ?? windowOfPixels(samples, info.bitDepth), info.bitDepth);
  const levels = Buffer.allocUnsafe(samples.length);
  for (let i = 0; i < samples.length; i++) levels[i] = lut[samples[i] as number] as number;

  const sharp = await loadSharp();
  let image = sharp(levels, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
  if (overlay) {
    const svg = overlaySvg({ ...overlay, outWidth: raw.width, outHeight: raw.height });
    image = image
      .toColourspace('srgb')
      .composite([{ input: Buffer.from(svg), left: 0, top: 0 }])
      .removeAlpha();
  } else {
    image = image.toColourspace(colour ? 'srgb' : 'b-w');
  }
  if (format === 'jpeg')
    image = image.jpeg({ quality: JPEG_QUALITY, ...(overlay ? { chromaSubsampling: '4:4:4' } : {}) });
  else if (format === 'webp') image = image.webp({ quality: WEBP_QUALITY });
  else image = image.png();
  return image.toBuffer();
}
