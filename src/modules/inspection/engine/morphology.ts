// Grey-level morphology for the detector's background: dilation with an octagon (the Minkowski sum
// of a horizontal, a vertical and two diagonal segments, close to a disc, so that a round bore or
// a curved casting edge survives a closing unchanged), and the closing built from it. Each segment
// is a running maximum by van Herk / Gil–Werman: a prefix and a suffix maximum within blocks of
// the segment's length, three comparisons per pixel whatever that length, so the whole costs
// O(pixels). Vertical and diagonal segments run a whole row at a time, which keeps memory access
// sequential on large images. Outside the image counts as absent (the window is cut at the edge).

/** Segment half-lengths (px) of an octagon of about `radius` px: horizontal/vertical and diagonal. */
export function octagonSegments(radius: number): { straight: number; diagonal: number } {
  const diagonal = Math.max(0, Math.round(radius / (2 + Math.SQRT2)));
  const straight = Math.max(0, Math.round(radius - 2 * diagonal));
  return { straight, diagonal };
}

/** Scratch arrays for one image size, reused by every pass. */
export interface Scratch {
  prefix: Float32Array;
  suffix: Float32Array;
}

export const scratchFor = (pixels: number): Scratch => ({
  prefix: new Float32Array(pixels),
  suffix: new Float32Array(pixels),
});

/** Running maximum over [x − half, x + half] along each row, cut at the row's ends. */
function rowMax(
  src: Float32Array,
  dst: Float32Array,
  width: number,
  height: number,
  half: number,
  { prefix, suffix }: Scratch,
) {
  const size = 2 * half + 1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const v = src[row + x] as number;
      if (x % size === 0) prefix[row + x] = v;
      else {
        const p = prefix[row + x - 1] as number;
        prefix[row + x] = v > p ? v : p;
      }
    }
    for (let x = width - 1; x >= 0; x--) {
      const v = src[row + x] as number;
      if (x % size === size - 1 || x === width - 1) suffix[row + x] = v;
      else {
        const s = suffix[row + x + 1] as number;
        suffix[row + x] = v > s ? v : s;
      }
    }
    for (let x = 0; x < width; x++) {
      const a = x - half < 0 ? 0 : x - half;
      const b = x + half > width - 1 ? width - 1 : x + half;
      if (Math.floor(a / size) === Math.floor(b / size))
        dst[row + x] = (a % size === 0 ? prefix[row + b] : suffix[row + a]) as number;
      else {
        const p = suffix[row + a] as number;
        const q = prefix[row + b] as number;
        dst[row + x] = p > q ? p : q;
      }
    }
  }
}

/**
 * Running maximum along lines in direction (dx, 1), dx ∈ {−1, 0, 1}, over `half` steps either way,
 * cut where the line leaves the image. Blocks run by row, so each line's prefix and suffix come
 * from the previous or next row shifted by dx.
 */
function lineMax(
  src: Float32Array,
  dst: Float32Array,
  width: number,
  height: number,
  dx: number,
  half: number,
  { prefix, suffix }: Scratch,
) {
  const size = 2 * half + 1;
  const x0 = dx === 1 ? 1 : 0; // first x whose line continues from the previous row
  const x1 = dx === -1 ? width - 1 : width; // end of those
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const prev = row - width - dx;
    const restart = y % size === 0;
    for (let x = 0; x < width; x++) {
      const v = src[row + x] as number;
      if (restart || x < x0 || x >= x1) prefix[row + x] = v;
      else {
        const p = prefix[prev + x] as number;
        prefix[row + x] = v > p ? v : p;
      }
    }
  }
  const s0 = dx === -1 ? 1 : 0;
  const s1 = dx === 1 ? width - 1 : width;
  for (let y = height - 1; y >= 0; y--) {
    const row = y * width;
    const next = row + width + dx;
    const restart = y % size === size - 1 || y === height - 1;
    for (let x = 0; x < width; x++) {
      const v = src[row + x] as number;
      if (restart || x < s0 || x >= s1) suffix[row + x] = v;
      else {
        const s = suffix[next + x] as number;
        suffix[row + x] = v > s ? v : s;
      }
    }
  }
  // Interior: the whole window lies in the image.
  const xa = dx === 0 ? 0 : half;
  const xb = dx === 0 ? width : width - half;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const inRows = y >= half && y < height - half;
    if (inRows) {
      const a = (y - half) * width - half * dx;
      const b = (y + half) * width + half * dx;
      if ((y - half) % size === 0) for (let x = xa; x < xb; x++) dst[row + x] = prefix[b + x] as number;
      else
        for (let x = xa; x < xb; x++) {
          const p = suffix[a + x] as number;
          const q = prefix[b + x] as number;
          dst[row + x] = p > q ? p : q;
        }
    }
    for (let x = 0; x < width; x++) {
      if (inRows && x >= xa && x < xb) {
        x = xb - 1;
        continue;
      }
      dst[row + x] = cutWindow(prefix, suffix, width, height, dx, half, x, y);
    }
  }
}

/** The window's maximum for a pixel whose window the image's edge cuts. */
function cutWindow(
  prefix: Float32Array,
  suffix: Float32Array,
  width: number,
  height: number,
  dx: number,
  half: number,
  x: number,
  y: number,
) {
  const size = 2 * half + 1;
  const back = dx === 0 ? y : dx === 1 ? Math.min(x, y) : Math.min(width - 1 - x, y);
  const ahead =
    dx === 0
      ? height - 1 - y
      : dx === 1
        ? Math.min(width - 1 - x, height - 1 - y)
        : Math.min(x, height - 1 - y);
  const nb = Math.min(half, back);
  const na = Math.min(half, ahead);
  const ay = y - nb;
  const by = y + na;
  const a = ay * width + x - nb * dx;
  const b = by * width + x + na * dx;
  if (Math.floor(ay / size) === Math.floor(by / size))
    return (ay % size === 0 || nb < half ? prefix[b] : suffix[a]) as number;
  const p = suffix[a] as number;
  const q = prefix[b] as number;
  return p > q ? p : q;
}

/** Grey-level dilation (local maximum) over an octagon of about `radius` px, into a new array. */
export function dilate(
  src: Float32Array,
  width: number,
  height: number,
  radius: number,
  scratch = scratchFor(src.length),
  reverse = false,
) {
  const { straight, diagonal } = octagonSegments(radius);
  const passes: [number | 'row', number][] = [
    ['row', straight],
    [0, straight],
    [1, diagonal],
    [-1, diagonal],
  ];
  if (reverse) passes.reverse();
  const a = new Float32Array(src.length);
  const b = new Float32Array(src.length);
  let from = src;
  let to = a;
  for (const [dx, half] of passes) {
    if (half === 0) continue;
    if (dx === 'row') rowMax(from, to, width, height, half, scratch);
    else lineMax(from, to, width, height, dx, half, scratch);
    from = to;
    to = to === a ? b : a;
  }
  return from === src ? Float32Array.from(src) : from;
}

export function negate(values: Float32Array): Float32Array {
  for (let i = 0; i < values.length; i++) values[i] = -(values[i] as number);
  return values;
}

/**
 * Grey-level closing over the octagon: fills dark features the octagon does not fit in and is
 * never below the image (the erosion runs the segments in reverse order: the dilation's adjoint,
 * also where the image's edge cuts the octagon).
 */
export function closing(
  src: Float32Array,
  width: number,
  height: number,
  radius: number,
  scratch = scratchFor(src.length),
) {
  return negate(
    dilate(negate(dilate(src, width, height, radius, scratch)), width, height, radius, scratch, true),
  );
}

/** Each `factor` × `factor` block's mean (the last row and column of blocks may be partial). */
export function blockMean(src: Float32Array, width: number, height: number, factor: number) {
  const w = Math.ceil(width / factor);
  const h = Math.ceil(height / factor);
  const out = new Float32Array(w * h);
  const sums = new Float64Array(w);
  for (let by = 0; by < h; by++) {
    sums.fill(0);
    const y1 = Math.min(height, (by + 1) * factor);
    for (let y = by * factor; y < y1; y++) {
      const row = y * width;
      for (let bx = 0, x = 0; bx < w; bx++) {
        let sum = 0;
        for (const end = Math.min(width, x + factor); x < end; x++) sum += src[row + x] as number;
        sums[bx] = (sums[bx] as number) + sum;
      }
    }
    const rows = y1 - by * factor;
    for (let bx = 0; bx < w; bx++)
      out[by * w + bx] = (sums[bx] as number) / (rows * (Math.min(width, (bx + 1) * factor) - bx * factor));
  }
  return { data: out, width: w, height: h };
}
