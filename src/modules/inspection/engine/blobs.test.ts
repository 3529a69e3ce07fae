import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBlobs, median, neighbourhood } from './blobs.ts';
import { seededRandom } from './synth.ts';

describe('median', () => {
  it('is the upper middle value, as after sorting', () => {
    const random = seededRandom(9);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const values = Array.from({ length: n }, () => Math.round(random() * 50));
      const sorted = [...values].sort((a, b) => a - b);
      assert.equal(median(values), sorted[n >> 1]);
    }
  });
});

describe('neighbourhood', () => {
  it('lists the 8-neighbours inside the image', () => {
    const out = new Int32Array(8);
    assert.equal(neighbourhood(0, 4, 3, out), 3);
    assert.deepEqual([...out.subarray(0, 3)], [1, 4, 5]);
    assert.equal(neighbourhood(5, 4, 3, out), 8);
  });
});

describe('findBlobs', () => {
  /** A flat image of 1000 with dark domes (centre x, y, radius, depth), like pores' projections. */
  function scene(width: number, height: number, discs: [number, number, number, number][]) {
    const image = new Float32Array(width * height).fill(1000);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        for (const [cx, cy, r, depth] of discs) {
          const rho = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
          if (rho <= r) image[y * width + x] = 1000 - depth * (0.6 + 0.4 * Math.sqrt(1 - (rho / r) ** 2));
        }
    const contrast = image.map((v) => 1000 - v);
    return { image, contrast };
  }

  it('finds each disc once, with its centre and area', () => {
    const { image, contrast } = scene(120, 100, [
      [30.5, 40.5, 6, 50],
      [80, 60, 10, 20],
    ]);
    const blobs = findBlobs(contrast, image, 120, 100, { high: 8, low: 4, sigma: 2 });
    assert.equal(blobs.length, 2);
    const [a, b] = [...blobs].sort((p, q) => p.cx - q.cx);
    assert.ok(a && b);
    assert.ok(Math.abs(a.cx - 30.5) < 0.1 && Math.abs(a.cy - 40.5) < 0.1);
    assert.ok(Math.abs(a.areaPx - Math.PI * 36) < 12, `area ${a.areaPx}`);
    assert.ok(Math.abs(a.depth - 50) < 1, `depth ${a.depth}`);
    assert.ok(a.roundness > 0.95);
    assert.ok(Math.abs(b.cx - 80) < 0.1 && Math.abs(b.cy - 60) < 0.1);
    assert.ok(Math.abs(b.areaPx - Math.PI * 100) < 20, `area ${b.areaPx}`);
  });

  it('ignores what stays below the threshold and what is larger than allowed', () => {
    const { image, contrast } = scene(80, 80, [
      [20, 20, 5, 6],
      [55, 55, 12, 40],
    ]);
    assert.equal(findBlobs(contrast, image, 80, 80, { high: 8, low: 4, sigma: 2 }).length, 1);
    assert.equal(findBlobs(contrast, image, 80, 80, { high: 8, low: 4, sigma: 2 }, undefined, 100).length, 0);
  });

  it('outlines an elongated mark as not round', () => {
    const width = 80;
    const image = new Float32Array(width * width).fill(1000);
    for (let y = 38; y < 42; y++) for (let x = 20; x < 60; x++) image[y * width + x] = 900;
    const contrast = image.map((v) => 1000 - v);
    const [blob] = findBlobs(contrast, image, width, width, { high: 8, low: 4, sigma: 2 });
    assert.ok(blob && blob.roundness < 0.5);
  });
});
