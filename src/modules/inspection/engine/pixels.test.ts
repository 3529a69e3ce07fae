import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateNoise, halve, smooth } from './pixels.ts';
import { seededRandom } from './synth.ts';

function gaussianNoise(n: number, mean: number, sigma: number, seed: number, max: number) {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const v = mean + sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.min(max, Math.round(v)));
  });
}

describe('smooth', () => {
  it('keeps a flat image flat and spreads a point by the binomial weights', () => {
    assert.ok(smooth(new Uint16Array(9 * 7).fill(500), 9, 7).every((v) => v === 500));
    const point = new Uint16Array(9 * 9);
    point[4 * 9 + 4] = 256;
    const out = smooth(point, 9, 9);
    assert.equal(out[4 * 9 + 4], (256 * 36) / 256);
    assert.equal(out[2 * 9 + 2], (256 * 1) / 256);
    assert.equal(
      out.reduce((s, v) => s + v, 0),
      256,
    );
  });
});

describe('estimateNoise', () => {
  it('finds the standard deviation of Gaussian noise, 16- and 8-bit', () => {
    const sixteen = Uint16Array.from(gaussianNoise(256 * 256, 30000, 300, 1, 65535));
    assert.ok(Math.abs(estimateNoise(sixteen, 256, 256) - 300) < 15);
    const eight = Uint8Array.from(gaussianNoise(256 * 256, 120, 4, 2, 255));
    assert.ok(Math.abs(estimateNoise(eight, 256, 256) - 4) < 0.6);
    assert.equal(estimateNoise(new Uint8Array(64 * 64).fill(9), 64, 64), 0.5);
  });
});

describe('halve', () => {
  it('averages 2 × 2 blocks, dropping an odd last row and column', () => {
    const data = Uint16Array.from([1, 3, 10, 20, 99, 5, 7, 30, 40, 99, 1, 1, 1, 1, 1]);
    const half = halve(data, 5, 3);
    assert.equal(half.width, 2);
    assert.equal(half.height, 1);
    assert.ok(half.data instanceof Uint16Array);
    assert.deepEqual([...half.data], [4, 25]);
    assert.ok(halve(new Uint8Array(16), 4, 4).data instanceof Uint8Array);
  });
});
