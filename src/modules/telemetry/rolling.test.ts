import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Ring, SortedWindow } from './rolling.ts';

const numbers = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), {
  maxLength: 200,
});

test('Ring keeps the last n numbers oldest first, returns what it pushes out, and sums oldest first', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 12 }), numbers, numbers, (capacity, initial, pushed) => {
      const ring = new Ring(capacity, initial);
      const model = initial.slice(-capacity);
      assert.deepEqual(ring.toArray(), model);
      for (const value of pushed) {
        model.push(value);
        const out = model.length > capacity ? model.shift() : undefined;
        assert.equal(ring.push(value), out);
        assert.equal(ring.length, model.length);
      }
      assert.deepEqual(ring.toArray(), model);
      let sum = 0;
      for (const x of model) sum += x;
      assert.equal(ring.sum(), sum);
    }),
  );
  assert.throws(() => new Ring(0), /at least one/);
});

test('SortedWindow: the median of what was inserted and not removed, as sorting would give', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.boolean(),
          // Repeats (a few whole values) and fractions; no −0 (JSON, which states go through, has none).
          fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e3, max: 1e3 }).map((x) => x || 0),
          ),
        ),
        { maxLength: 200 },
      ),
      (operations) => {
        const window = new SortedWindow(250);
        const model: number[] = [];
        for (const [insert, value] of operations) {
          if (insert) {
            window.insert(value);
            model.push(value);
          } else {
            const at = model.indexOf(value);
            assert.equal(window.remove(value), at >= 0);
            if (at >= 0) model.splice(at, 1);
          }
          const sorted = [...model].sort((a, b) => a - b);
          const m = sorted.length >> 1;
          const median =
            sorted.length === 0
              ? Number.NaN
              : sorted.length % 2
                ? sorted[m]
                : ((sorted[m - 1] as number) + (sorted[m] as number)) / 2;
          assert.equal(window.length, model.length);
          assert.equal(window.median(), median);
        }
      },
    ),
  );
  const full = new SortedWindow(1, [3]);
  assert.throws(() => full.insert(4), /full/);
});
