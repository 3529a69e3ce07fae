// The built-in detector as a compute task: runs in a worker thread of the compute pool, so a
// radiograph's detection never holds the event loop.
import { computeTask } from '../../../platform/compute/compute.ts';
import { type Detection, type DetectOptions, detect } from './detector.ts';

export interface DetectInput {
  width: number;
  height: number;
  bitDepth: 8 | 16;
  /** The grayscale pixels, one sample per pixel (16-bit: native-endian Uint16). */
  pixels: ArrayBuffer;
  options?: Record<string, unknown> | DetectOptions;
}

export function detectDefects({ width, height, bitDepth, pixels, options }: DetectInput): Detection[] {
  const data = bitDepth === 16 ? new Uint16Array(pixels) : new Uint8Array(pixels);
  return detect({ width, height, data, options: options as DetectOptions | undefined });
}

export const DETECT_TASK = computeTask<typeof detectDefects>(new URL(import.meta.url), 'detectDefects');
