import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { darkContrast } from './background.ts';

const W = 160;
const H = 120;
const options = { maxDiameterPx: 40, sigma: 2, thresholdSigma: 4 };
const scratch = () => ({ contrast: new Float32Array(W * H), list: new Int32Array(W * H) });

/** An image from a function of the pixel centre. */
const draw = (f: (x: number, y: number) => number) =>
  Float32Array.from({ length: W * H }, (_, i) => f((i % W) + 0.5, Math.floor(i / W) + 0.5));

const dip = (x: number, y: number, cx: number, cy: number, r: number, depth: number) =>
  Math.hypot(x - cx, y - cy) <= r ? depth : 0;

const at = (values: Float32Array, x: number, y: number) =>
  values[Math.floor(y) * W + Math.floor(x)] as number;

const maxWhere = (values: Float32Array, keep: (x: number, y: number) => boolean) => {
  let max = 0;
  values.forEach((v, i) => {
    if (keep(i % W, Math.floor(i / W))) max = Math.max(max, v);
  });
  return max;
};

describe('darkContrast', () => {
  it('is the depth of a pore on a flat background and nothing elsewhere', () => {
    const image = draw((x, y) => 1000 - dip(x, y, 60, 50, 8, 100));
    const contrast = darkContrast(image, W, H, options, scratch());
    assert.ok(Math.abs(at(contrast, 60, 50) - 100) < 5, `${at(contrast, 60, 50)}`);
    assert.ok(maxWhere(contrast, (x, y) => Math.hypot(x - 60, y - 50) > 10) < 1);
  });

  it('follows a slope, a pore on it measured from the lowest point of its rim', () => {
    // 4.5 per px downhill: the rim's lowest point lies some 7 × 4.5 below the level at the centre.
    const image = draw((x, y) => 500 + 4 * x + 2 * y - dip(x, y, 80, 60, 6, 60));
    const contrast = darkContrast(image, W, H, options, scratch());
    assert.ok(at(contrast, 80, 60) > 60 - 8 * 4.5, `${at(contrast, 80, 60)}`);
    // Away from the pore, and from the image's edges, where the slope meets repeated edge blocks.
    const inner = (x: number, y: number) => x >= 16 && y >= 16 && x < W - 16 && y < H - 16;
    assert.ok(maxWhere(contrast, (x, y) => inner(x, y) && Math.hypot(x - 80, y - 60) > 9) < 4);
  });

  it('gives no contrast along a casting edge or a bore, but keeps a pore beside the edge', () => {
    // Air on the left (200), the casting on the right (1000) with a 2 px ramp, a bore, a pore.
    const image = draw((x, y) => {
      if (Math.hypot(x - 120, y - 60) < 35) return 200;
      const body = x < 50 ? 200 : x > 52 ? 1000 : 200 + 400 * (x - 50);
      return body - dip(x, y, 62, 30, 5, 80);
    });
    const contrast = darkContrast(image, W, H, options, scratch());
    assert.ok(maxWhere(contrast, (x, y) => Math.hypot(x - 62, y - 30) > 7) < 4);
    assert.ok(at(contrast, 62, 30) > 60, `${at(contrast, 62, 30)}`);
  });

  it('keeps dark features wider than the largest indication, also along the image edge', () => {
    const image = draw((x, y) => (y < 12 || Math.hypot(x - 80, y - 70) < 30 ? 300 : 1000));
    const contrast = darkContrast(image, W, H, options, scratch());
    assert.ok(maxWhere(contrast, () => true) < 4);
  });
});
