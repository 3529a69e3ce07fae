import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../../../platform/random.ts';
import { fitToSquare, principalAxes, project } from './projection.ts';

describe('principal axes by power iteration', () => {
  test('finds the directions of largest variance of an axis-aligned cloud, strongest first', () => {
    const random = seededRandom(4);
    // Spread 10 along dimension 2, 3 along dimension 0, 0.1 elsewhere.
    const vectors = Array.from({ length: 300 }, () => {
      const v = Array.from({ length: 6 }, () => 0.1 * (random() - 0.5));
      v[2] = 10 * (random() - 0.5);
      v[0] = 3 * (random() - 0.5);
      return v;
    });
    const axes = principalAxes(vectors);
    assert.equal(axes.components.length, 2);
    const [first, second] = axes.components as [Float64Array, Float64Array];
    assert.ok(Math.abs(first[2] as number) > 0.999, `first ${[...first]}`);
    assert.ok(Math.abs(second[0] as number) > 0.999, `second ${[...second]}`);
    assert.ok((axes.variances[0] as number) > (axes.variances[1] as number));
    // The sign convention makes the largest coordinate positive.
    assert.ok((first[2] as number) > 0 && (second[0] as number) > 0);
  });

  test('matches the exact eigenvector of a 2 × 2 covariance', () => {
    // Points on the line y = x with a little spread across: the first axis is (1, 1)/√2.
    const vectors = [
      [-2, -2.1],
      [-1, -0.9],
      [0, 0.1],
      [1, 0.9],
      [2, 2.1],
    ];
    const [first] = principalAxes(vectors).components as [Float64Array];
    assert.ok(Math.abs((first[0] as number) - Math.SQRT1_2) < 0.01);
    assert.ok(Math.abs((first[1] as number) - Math.SQRT1_2) < 0.01);
  });

  test('weights move the mean; deterministic; data with one direction gives one axis', () => {
    const vectors = [
      [0, 0],
      [2, 0],
    ];
    assert.deepEqual([...principalAxes(vectors, [3, 1]).mean], [0.5, 0]);
    assert.deepEqual(principalAxes(vectors), principalAxes(vectors));
    assert.equal(principalAxes(vectors).components.length, 1);
    assert.deepEqual(project([[2, 5]], principalAxes(vectors)), [[1, 0]]);
  });

  test('fitToSquare keeps the shape and fills [-1, 1] along the longer side', () => {
    assert.deepEqual(
      fitToSquare([
        [0, 0],
        [4, 2],
        [2, 1],
      ]),
      [
        [-1, -0.5],
        [1, 0.5],
        [0, 0],
      ],
    );
    assert.deepEqual(fitToSquare([[3, 3]]), [[0, 0]]);
    assert.deepEqual(fitToSquare([]), []);
  });
});
