import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nelderMead } from './optimize.ts';

test('Nelder–Mead finds the minimum of the Rosenbrock function', () => {
  const rosenbrock = (x: readonly number[]) =>
    100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;
  const r = nelderMead(rosenbrock, [-1.2, 1], { steps: [0.1, 0.1], maxEvaluations: 2000, tolerance: 1e-14 });
  assert.ok(Math.abs((r.x[0] as number) - 1) < 1e-3 && Math.abs((r.x[1] as number) - 1) < 1e-3, String(r.x));
  assert.ok(r.evaluations <= 2000);
});

test('Nelder–Mead respects a bound given as Infinity outside it', () => {
  // Minimum of (x − 2)² on x ≤ 1 is at the bound.
  const r = nelderMead(
    (x) => ((x[0] as number) > 1 ? Number.POSITIVE_INFINITY : ((x[0] as number) - 2) ** 2),
    [0],
    {
      steps: [0.1],
      maxEvaluations: 500,
      tolerance: 1e-12,
    },
  );
  assert.ok((r.x[0] as number) <= 1 && (r.x[0] as number) > 0.999, String(r.x));
});

test('Nelder–Mead stops at the evaluation cap', () => {
  let calls = 0;
  nelderMead(
    (x) => {
      calls++;
      return Math.sin(x[0] as number) + (x[1] as number) ** 2;
    },
    [0, 1],
    { steps: [1, 1], maxEvaluations: 20, tolerance: 0 },
  );
  assert.ok(calls <= 22, String(calls)); // the cap is checked per iteration (an iteration may use two)
});
