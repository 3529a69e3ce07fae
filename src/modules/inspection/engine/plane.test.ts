import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitPlane, planeAt } from './plane.ts';

describe('fitPlane', () => {
  it('recovers a plane exactly', () => {
    const xs = [0, 1, 2, 0, 1, 2, -3];
    const ys = [0, 0, 0, 1, 1, 2, 5];
    const vs = xs.map((x, i) => 7 + 2 * x - 3 * (ys[i] as number));
    const plane = fitPlane(xs, ys, vs);
    assert.ok(plane);
    assert.ok(Math.abs(plane.a - 7) < 1e-9 && Math.abs(plane.b - 2) < 1e-9 && Math.abs(plane.c + 3) < 1e-9);
    assert.ok(Math.abs(planeAt(plane, 10, 10) - (7 + 20 - 30)) < 1e-9);
  });

  it('leaves out the points not used, e.g. outliers', () => {
    const xs = [0, 1, 0, 1, 5];
    const ys = [0, 0, 1, 1, 5];
    const vs = [1, 1, 1, 1, 1000];
    assert.deepEqual(
      fitPlane(xs, ys, vs, (i) => i < 4),
      { a: 1, b: 0, c: 0 },
    );
  });

  it('gives a level for points on one line and nothing for fewer than three', () => {
    assert.deepEqual(fitPlane([0, 1, 2], [0, 1, 2], [3, 4, 5]), { a: 4, b: 0, c: 0 });
    assert.equal(fitPlane([0, 1], [0, 1], [1, 2]), undefined);
  });
});
