import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from '../../../platform/property-testing.ts';
import {
  columnWidths,
  cumulativeShares,
  duration,
  labelStride,
  niceScale,
  number,
  percent,
  project,
  utcStamp,
  winAnsi,
} from './layout.ts';

describe('PDF layout arithmetic', () => {
  test('niceScale picks round steps that cover the data', () => {
    assert.deepEqual(niceScale(0, 0.87), { min: 0, max: 1, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    assert.deepEqual(niceScale(0, 123).ticks, [0, 25, 50, 75, 100, 125]);
    assert.deepEqual(niceScale(0, 0).ticks, [0, 0.2, 0.4, 0.6, 0.8, 1]);
    const flat = niceScale(50, 50);
    assert.ok(flat.min < 50 && flat.max > 50);
    assert.deepEqual(niceScale(Number.NaN, Number.POSITIVE_INFINITY).ticks, [0, 0.2, 0.4, 0.6, 0.8, 1]);
    // A top a millionth above a tick 2,000 wide stays on that tick, and the end is 0, never -0.
    const near = niceScale(-4999.999998796041, 0.000001203959527629195);
    assert.deepEqual(near.ticks, [-6000, -4000, -2000, 0]);
    assert.ok(Object.is(near.max, 0), `max ${Object.is(near.max, -0) ? '-0' : near.max}`);
  });

  test('niceScale always covers [min, max] with at most a dozen ticks', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (a, b) => {
          const s = niceScale(Math.min(a, b), Math.max(a, b));
          // Ticks absorb floating error up to a billionth of a step: a value that close to a tick
          // counts as on it (-5000…0.0000012 gives -6000…0 with steps of 2000; CI found it).
          const tolerance = Math.max(1e-6, s.step * 1e-9);
          assert.ok(
            s.min <= Math.min(a, b) + tolerance && s.max >= Math.max(a, b) - tolerance,
            `${JSON.stringify(s)} for ${a}, ${b}`,
          );
          assert.ok(s.ticks.length >= 2 && s.ticks.length <= 12, `${s.ticks.length} ticks`);
        },
      ),
    );
  });

  test('project maps the scale onto the axis, inverted axes included', () => {
    assert.equal(project(0.5, { min: 0, max: 1 }, 200, 100), 150);
    assert.equal(project(1, { min: 0, max: 1 }, 200, 100), 100);
    assert.equal(project(3, { min: 3, max: 3 }, 10, 0), 10);
  });

  test('columnWidths splits by weight and adds up to the total', () => {
    assert.deepEqual(columnWidths([1, 1, 2], 400), [100, 100, 200]);
    const widths = columnWidths([3, 1, 1], 499);
    assert.equal(
      widths.reduce((s, w) => s + w, 0),
      499,
    );
    assert.deepEqual(columnWidths([], 100), []);
  });

  test('cumulativeShares runs to 1, or stays 0 without a total', () => {
    assert.deepEqual(cumulativeShares([50, 30, 20]), [0.5, 0.8, 1]);
    assert.deepEqual(cumulativeShares([0, 0]), [0, 0]);
  });

  test('labelStride keeps at most the wanted number of labels', () => {
    assert.equal(labelStride(10, 12), 1);
    assert.equal(labelStride(30, 10), 3);
    assert.ok(Math.ceil(31 / labelStride(31, 10)) <= 10);
  });

  test('winAnsi keeps what the built-in fonts show and spells out the rest', () => {
    assert.equal(winAnsi('Scrap − 5 % ≥ target → rework · 3×'), 'Scrap - 5 % >= target -> rework · 3×');
    assert.equal(winAnsi('“Größe” – 10 €'), '“Größe” – 10 €');
    assert.equal(winAnsi('日本\u0000x'), '?? x');
  });

  test('number formats', () => {
    assert.equal(percent(0.7479), '74.8 %');
    assert.equal(percent(null), '–');
    assert.equal(number(12345.678, 1), '12,345.7');
    assert.equal(number(Number.NaN), '–');
    assert.equal(duration(47), '47.0 min');
    assert.equal(duration(150), '2.5 h');
    assert.equal(utcStamp('2026-12-04T23:56:09.123Z'), '2026-12-04 23:56 UTC');
  });
});
