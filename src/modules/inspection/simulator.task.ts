// The demo simulator's radiographs, made in a compute worker thread: a synthetic casting with
// pores (engine/synth.ts), encoded as a 16-bit grayscale PNG like an X-ray panel writes.
import { computeTask } from '../../platform/compute/compute.ts';
import { generateRadiograph } from './engine/synth.ts';
import { loadSharp } from './images/sharp.ts';

export async function radiographPng({
  seed,
  width,
  height,
}: {
  seed: number;
  width: number;
  height: number;
}) {
  const image = generateRadiograph({ seed, width, height, bitDepth: 16 });
  const data = image.data;
  // The typed array itself: sharp takes a Uint16Array's samples as 16-bit (a Buffer would be 8-bit).
  const sharp = await loadSharp();
  const png = await sharp(data, { raw: { width, height, channels: 1 } })
    .toColourspace('grey16')
    .png({ compressionLevel: 3 })
    .toBuffer();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), pores: image.truth.length };
}

export const RADIOGRAPH_TASK = computeTask<typeof radiographPng>(new URL(import.meta.url), 'radiographPng');
