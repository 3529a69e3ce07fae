// Pixel-level preparation for the detector (detector.ts): smoothing, the noise level, and the
// half-size image the larger scales are looked for on.

/** Noise gain of the 5 × 5 binomial kernel on white noise: √(Σw²) = 70/256. */
export const SMOOTH_GAIN = 70 / 256;

const BINOMIAL = [1, 4, 6, 4, 1];

/** 5 × 5 binomial smoothing ([1 4 6 4 1] / 16 both ways, edges repeated), into `out`. */
export function smooth(
  data: ArrayLike<number>,
  width: number,
  height: number,
  out: Float32Array = new Float32Array(width * height),
): Float32Array {
  // Rows smoothed across, five kept in a ring, then combined down.
  const ring = [0, 1, 2, 3, 4].map(() => new Float32Array(width));
  const last = width - 1;
  const across = (y: number, into: Float32Array) => {
    const row = y * width;
    for (let x = 2; x < width - 2; x++) {
      const p = row + x;
      into[x] =
        ((data[p - 2] as number) +
          4 * (data[p - 1] as number) +
          6 * (data[p] as number) +
          4 * (data[p + 1] as number) +
          (data[p + 2] as number)) /
        16;
    }
    for (const x of new Set([0, 1, last - 1, last])) {
      if (x < 0 || (x >= 2 && x < width - 2)) continue;
      let sum = 0;
      for (let d = -2; d <= 2; d++)
        sum += (BINOMIAL[d + 2] as number) * (data[row + Math.min(last, Math.max(0, x + d))] as number);
      into[x] = sum / 16;
    }
  };
  const clampY = (y: number) => Math.min(height - 1, Math.max(0, y));
  for (let y = -2; y <= 1; y++) across(clampY(y), ring[(y + 5) % 5] as Float32Array);
  for (let y = 0; y < height; y++) {
    across(clampY(y + 2), ring[(y + 2) % 5] as Float32Array);
    const r0 = ring[(y + 3) % 5] as Float32Array;
    const r1 = ring[(y + 4) % 5] as Float32Array;
    const r2 = ring[y % 5] as Float32Array;
    const r3 = ring[(y + 1) % 5] as Float32Array;
    const r4 = ring[(y + 2) % 5] as Float32Array;
    const row = y * width;
    for (let x = 0; x < width; x++)
      out[row + x] =
        ((r0[x] as number) +
          4 * (r1[x] as number) +
          6 * (r2[x] as number) +
          4 * (r3[x] as number) +
          (r4[x] as number)) /
        16;
  }
  return out;
}

/**
 * The noise's standard deviation in grey levels: 1.4826 × the median |difference| of horizontal
 * neighbours / √2, from about 256 rows; the median interpolated within its grey level (the
 * differences are whole numbers, a coarse scale when the noise is a grey level or two); at least
 * half a grey level.
 */
export function estimateNoise(data: Uint8Array | Uint16Array, width: number, height: number): number {
  const counts = new Uint32Array(data instanceof Uint8Array ? 256 : 65536);
  const step = Math.max(1, Math.floor(height / 256));
  let total = 0;
  for (let y = 0; y < height; y += step)
    for (let x = y * width, end = x + width - 1; x < end; x++) {
      const d = (data[x + 1] as number) - (data[x] as number);
      const k = d < 0 ? -d : d;
      counts[k] = (counts[k] as number) + 1;
      total++;
    }
  let below = 0;
  let k = 0;
  while (k < counts.length - 1 && below + (counts[k] as number) < total / 2) below += counts[k++] as number;
  // |d| = k stands for [k − ½, k + ½) (0 for [0, ½)): the median where the half is reached in it.
  const from = k === 0 ? 0 : k - 0.5;
  const span = k === 0 ? 0.5 : 1;
  const median = from + (span * (total / 2 - below)) / Math.max(1, counts[k] as number);
  return Math.max(0.5, (1.4826 * median) / Math.SQRT2);
}

/**
 * The image at half size, each pixel the rounded mean of a 2 × 2 block (an odd last row or
 * column dropped).
 */
export function halve(data: Uint8Array | Uint16Array, width: number, height: number) {
  const w = Math.floor(width / 2);
  const h = Math.floor(height / 2);
  const out = data instanceof Uint8Array ? new Uint8Array(w * h) : new Uint16Array(w * h);
  for (let y = 0; y < h; y++) {
    const top = 2 * y * width;
    const bottom = top + width;
    for (let x = 0; x < w; x++) {
      const i = 2 * x;
      out[y * w + x] =
        ((data[top + i] as number) +
          (data[top + i + 1] as number) +
          (data[bottom + i] as number) +
          (data[bottom + i + 1] as number) +
          2) >>
        2;
    }
  }
  return { data: out, width: w, height: h };
}
