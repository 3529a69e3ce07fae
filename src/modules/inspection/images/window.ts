// The display window of an image: which sample values map to black and white on screen. A 16-bit
// radiograph typically uses a few thousand of its 65,536 levels, so it is windowed to robust
// percentiles (0.5 % and 99.5 %: a few hot or dead pixels do not stretch it). 8-bit images are shown
// as they are ({0, 255}) unless their content is very low-contrast — the middle 99 % of the values
// spanning fewer than 64 levels — when they are stretched to the same percentiles. Flat images (one
// level) keep the full range, so an unexposed frame looks black, not mid-gray.
// The percentiles come from a histogram of a copy shrunk to ≤ 512 px by nearest neighbour (real
// sample values, no interpolation), so the cost is essentially one decode of the file.
import type { Sharp } from 'sharp';
import { asUint16, type ImageInfo, toSharp, undecodable } from './validate.ts';

export interface DisplayWindow {
  /** Sample value shown black (and below). */
  low: number;
  /** Sample value shown white (and above). */
  high: number;
}

export const WINDOW_PERCENTILES = { low: 0.005, high: 0.995 } as const;
/** 8-bit content spanning fewer levels than this between the percentiles gets stretched. */
export const LOW_CONTRAST_SPAN = 64;
const SAMPLE_SIZE = 512;

export const fullRange = (bitDepth: 8 | 16): DisplayWindow => ({
  low: 0,
  high: bitDepth === 16 ? 65535 : 255,
});

/** The window for these samples (see the header for the rule). Integers, low < high. */
export function windowOfPixels(data: Uint8Array | Uint16Array, bitDepth: 8 | 16): DisplayWindow {
  const max = bitDepth === 16 ? 65535 : 255;
  if (data.length === 0) return fullRange(bitDepth);
  const histogram = new Uint32Array(max + 1);
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    histogram[v] = (histogram[v] as number) + 1;
  }
  const lowRank = Math.floor(WINDOW_PERCENTILES.low * (data.length - 1));
  const highRank = Math.ceil(WINDOW_PERCENTILES.high * (data.length - 1));
  let low = -1;
  let high = max;
  let seen = 0;
  for (let v = 0; v <= max; v++) {
    seen += histogram[v] as number;
    if (low < 0 && seen > lowRank) low = v;
    if (seen > highRank) {
      high = v;
      break;
    }
  }
  // Flat content is shown at its true level: a black frame (lens cap, no exposure) stays black.
  if (high - low < 2) return fullRange(bitDepth);
  if (bitDepth === 8 && high - low >= LOW_CONTRAST_SPAN) return fullRange(8);
  return { low, high };
}

/** Gray samples of an image shrunk to fit in `size` × `size` by nearest neighbour. */
export async function sampleGray(
  pipeline: Sharp,
  info: ImageInfo,
  size: number,
): Promise<Uint8Array | Uint16Array> {
  const sixteen = info.bitDepth === 16;
  const shrink = info.width > size || info.height > size;
  const sampled = shrink ? pipeline.resize(size, size, { fit: 'inside', kernel: 'nearest' }) : pipeline;
  const { data } = await sampled
    .removeAlpha()
    .toColourspace(sixteen ? 'grey16' : 'b-w')
    .raw({ depth: sixteen ? 'ushort' : 'uchar' })
    .toBuffer({ resolveWithObject: true })
    .catch((err: unknown) => {
      throw undecodable(err);
    });
  return sixteen ? asUint16(data) : data;
}

/** The display window of a stored image (see the header); a few tens of ms for 2048 × 2048 × 16 bit. */
export async function displayWindow(path: string, info: ImageInfo): Promise<DisplayWindow> {
  return windowOfPixels(await sampleGray(await toSharp(path, info), info, SAMPLE_SIZE), info.bitDepth);
}
