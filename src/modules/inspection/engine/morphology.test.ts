import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockMean, closing, dilate, octagonSegments } from './morphology.ts';
import { seededRandom } from './synth.ts';

function noise(width: number, height: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: width * height }, () => random());
}

/** The octagon's offsets: every sum of a step on each of its four segments. */
function octagon(radius: number): [number, number][] {
  const { straight: s, diagonal: k } = octagonSegments(radius);
  const offsets = new Map<string, [number, number]>();
  for (let a = -s; a <= s; a++)
    for (let b = -s; b <= s; b++)
      for (let c = -k; c <= k; c++)
        for (let d = -k; d <= k; d++) offsets.set(`${a + c - d},${b + c + d}`, [a + c - d, b + c + d]);
  return [...offsets.values()];
}

describe('octagonSegments', () => {
  it('splits a radius into straight and diagonal half-lengths of a near-regular octagon', () => {
    assert.deepEqual(octagonSegments(41), { straight: 17, diagonal: 12 });
    assert.deepEqual(octagonSegments(0), { straight: 0, diagonal: 0 });
    const { straight, diagonal } = octagonSegments(20);
    assert.equal(straight + 2 * diagonal, 20);
  });
});

describe('dilate', () => {
  it('is the maximum over the octagon wherever the octagon lies inside the image', () => {
    const width = 41;
    const height = 33;
    const radius = 7;
    const image = noise(width, height, 3);
    const out = dilate(image, width, height, radius);
    const offsets = octagon(radius);
    for (let y = radius; y < height - radius; y++)
      for (let x = radius; x < width - radius; x++) {
        let max = Number.NEGATIVE_INFINITY;
        for (const [dx, dy] of offsets) max = Math.max(max, image[(y + dy) * width + x + dx] as number);
        assert.equal(out[y * width + x], max, `at ${x}, ${y}`);
      }
  });

  it('never goes below the image, also at its edges', () => {
    const image = noise(19, 50, 4);
    const out = dilate(image, 19, 50, 9);
    assert.ok(image.every((v, i) => (out[i] as number) >= v));
  });
});

describe('closing', () => {
  it('is never below the image and fills a dark spot narrower than the octagon', () => {
    const width = 60;
    const height = 50;
    const image = new Float32Array(width * height).fill(100);
    for (let y = 20; y < 26; y++) for (let x = 30; x < 36; x++) image[y * width + x] = 40;
    const closed = closing(image, width, height, 6);
    assert.ok(closed.every((v) => v === 100));
    const rough = noise(width, height, 5);
    const closedRough = closing(rough, width, height, 5);
    assert.ok(rough.every((v, i) => (closedRough[i] as number) >= v));
  });

  it('keeps a dark disc wider than the octagon and a straight edge', () => {
    const width = 80;
    const height = 80;
    const image = new Float32Array(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const inDisc = Math.hypot(x + 0.5 - 50, y + 0.5 - 40) < 22;
        image[y * width + x] = inDisc ? 10 : x < 12 ? 20 : 100;
      }
    const closed = closing(image, width, height, 5);
    // The disc's centre and the dark strip on the left stay dark.
    assert.equal(closed[40 * width + 50], 10);
    assert.equal(closed[40 * width + 3], 20);
  });
});

describe('blockMean', () => {
  it('averages blocks, the last ones partial', () => {
    const image = Float32Array.from({ length: 5 * 3 }, (_, i) => i);
    const { data, width, height } = blockMean(image, 5, 3, 2);
    assert.equal(width, 3);
    assert.equal(height, 2);
    // Rows 0–1: [0 1 | 2 3 | 4] and [5 6 | 7 8 | 9]; row 2: [10 11 | 12 13 | 14].
    assert.deepEqual([...data], [3, 5, 6.5, 10.5, 12.5, 14]);
  });
});
