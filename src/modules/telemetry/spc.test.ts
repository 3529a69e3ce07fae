import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from '../../platform/property-testing.ts';
import {
  type ControlLimits,
  evaluateSeries,
  limitsFromBaseline,
  NELSON_RULES,
  type RuleId,
  signalsAt,
  WESTERN_ELECTRIC_RULES,
  WINDOW,
} from './spc.ts';

const UNIT: ControlLimits = { center: 0, sigma: 1 };
const ALL: RuleId[] = [...WESTERN_ELECTRIC_RULES, ...NELSON_RULES];

/** The points at which `rule` fires over `values`. */
const firesAt = (rule: RuleId, values: number[], limits = UNIT) =>
  evaluateSeries(values, limits, [rule]).map((signal) => signal.points.at(-1));

const repeat = (n: number, value: (i: number) => number) => Array.from({ length: n }, (_, i) => value(i));

describe('SPC run rules', () => {
  test('one point beyond 3σ (Western Electric 1, Nelson 1)', () => {
    for (const rule of ['we1', 'n1'] as const) {
      assert.deepEqual(firesAt(rule, [0, 0.5, 3.2, -3.5]), [2, 3]);
      assert.deepEqual(firesAt(rule, [0, 2.9, -2.99, 3]), [], '3σ itself is not beyond');
    }
    // Scaled limits: 116 is 3.2σ above 100 with σ = 5; 114 is 2.8σ.
    assert.deepEqual(firesAt('we1', [100, 114, 116], { center: 100, sigma: 5 }), [2]);
  });

  test('2 of 3 beyond 2σ on the same side (Western Electric 2, Nelson 5)', () => {
    for (const rule of ['we2', 'n5'] as const) {
      assert.deepEqual(evaluateSeries([2.5, 0, 2.1], UNIT, [rule]), [{ rule, points: [0, 2] }]);
      assert.deepEqual(firesAt(rule, [2.5, 2.6]), [1], 'two points at the start of a series');
      assert.deepEqual(firesAt(rule, [2.5, 0, -2.1]), [], 'opposite sides');
      assert.deepEqual(firesAt(rule, [2.5, 0.5, 1.9]), [], 'only one beyond 2σ');
      assert.deepEqual(firesAt(rule, [2.5, 0, 0, 2.1]), [], 'not within 3 points');
      assert.deepEqual(firesAt(rule, [2.5, 2.6, 0]), [1], 'the pattern ends where its last point is');
    }
  });

  test('4 of 5 beyond 1σ on the same side (Western Electric 3, Nelson 6)', () => {
    for (const rule of ['we3', 'n6'] as const) {
      assert.deepEqual(evaluateSeries([1.5, 1.2, 0.2, 1.1, 1.3], UNIT, [rule]), [
        { rule, points: [0, 1, 3, 4] },
      ]);
      assert.deepEqual(firesAt(rule, [1.5, 1.2, 0.2, -1.1, 1.3]), [], 'one of them on the other side');
      assert.deepEqual(firesAt(rule, [1.5, 1.2, 0.2, 0.9, 1.3]), [], 'one of them within 1σ');
    }
  });

  test('a run on one side: 8 points (Western Electric 4), 9 points (Nelson 2)', () => {
    assert.deepEqual(
      firesAt(
        'we4',
        repeat(8, () => 0.3),
      ),
      [7],
    );
    assert.deepEqual(
      firesAt(
        'we4',
        repeat(10, () => -0.3),
      ),
      [7, 8, 9],
      'a run that goes on keeps firing',
    );
    assert.deepEqual(
      firesAt(
        'we4',
        repeat(7, () => 0.3),
      ),
      [],
    );
    assert.deepEqual(
      firesAt(
        'we4',
        repeat(8, (i) => (i === 4 ? 0 : 0.3)),
      ),
      [],
      'a point on the center line ends a run',
    );
    assert.deepEqual(
      firesAt(
        'n2',
        repeat(9, () => 0.3),
      ),
      [8],
    );
    assert.deepEqual(
      firesAt(
        'n2',
        repeat(8, () => 0.3),
      ),
      [],
    );
  });

  test('6 points steadily increasing or decreasing (Nelson 3)', () => {
    assert.deepEqual(firesAt('n3', [0, 0.1, 0.2, 0.3, 0.4, 0.5]), [5]);
    assert.deepEqual(firesAt('n3', [0.5, 0.4, 0.3, 0.2, 0.1, 0]), [5]);
    assert.deepEqual(firesAt('n3', [0, 0.1, 0.2, 0.3, 0.4]), [], 'five points');
    assert.deepEqual(firesAt('n3', [0, 0.1, 0.2, 0.2, 0.4, 0.5]), [], 'a tie breaks the trend');
    assert.deepEqual(firesAt('n3', [0, 0.1, 0.2, 0.1, 0.4, 0.5]), []);
  });

  test('14 points alternating up and down (Nelson 4)', () => {
    const zigzag = (n: number) => repeat(n, (i) => (i % 2 === 0 ? 0.1 : -0.1));
    assert.deepEqual(firesAt('n4', zigzag(14)), [13]);
    assert.deepEqual(firesAt('n4', zigzag(13)), []);
    const broken = zigzag(14);
    broken[7] = broken[6] as number;
    assert.deepEqual(firesAt('n4', broken), [], 'a flat step breaks the alternation');
    const twiceUp = zigzag(14);
    twiceUp[7] = 0.3; // -0.1 → 0.1 → 0.3 → 0.1: two steps up in a row
    assert.deepEqual(firesAt('n4', twiceUp), []);
  });

  test('15 points within 1σ (Nelson 7)', () => {
    const hugging = (n: number) => repeat(n, (i) => (i % 3) * 0.3 - 0.3);
    assert.deepEqual(firesAt('n7', hugging(15)), [14]);
    assert.deepEqual(firesAt('n7', hugging(14)), []);
    const once = hugging(15);
    once[3] = 1.2;
    assert.deepEqual(firesAt('n7', once), []);
  });

  test('8 points beyond 1σ on both sides (Nelson 8)', () => {
    assert.deepEqual(
      firesAt(
        'n8',
        repeat(8, (i) => (i % 2 === 0 ? 1.5 : -1.5)),
      ),
      [7],
    );
    assert.deepEqual(
      firesAt(
        'n8',
        repeat(8, () => 1.5),
      ),
      [],
      'all on one side',
    );
    assert.deepEqual(
      firesAt(
        'n8',
        repeat(8, (i) => (i === 5 ? 0.5 : i % 2 === 0 ? 1.5 : -1.5)),
      ),
      [],
    );
  });

  test('an in-control series raises nothing; only the enabled rules are evaluated', () => {
    const calm = [0.2, -0.4, 0.9, -1.2, 0.5, 0.1, -0.6, 1.4, -0.3, 0.7, -2.1, 0.4];
    assert.deepEqual(evaluateSeries(calm, UNIT, ALL), []);
    assert.deepEqual(evaluateSeries([0, 3.5], UNIT, ['we4', 'n3']), []);
  });

  test('a rule needs no more than the last WINDOW points: a stream keeps only those', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (values) => {
          const end = values.length - 1;
          const from = Math.max(0, end - WINDOW + 1);
          const whole = signalsAt(values, end, UNIT, ALL);
          const recent = signalsAt(values.slice(from), end - from, UNIT, ALL).map((signal) => ({
            ...signal,
            points: signal.points.map((i) => i + from),
          }));
          assert.deepEqual(recent, whole);
        },
      ),
    );
  });
});

describe('control limits from a baseline', () => {
  test('center is the mean, sigma the average moving range over d2', () => {
    const { center, sigma } = limitsFromBaseline([10, 12, 10, 12]);
    assert.equal(center, 11);
    assert.ok(Math.abs(sigma - 2 / 1.128) < 1e-12);
  });

  test('a baseline that cannot give limits is refused', () => {
    assert.throws(() => limitsFromBaseline([5]), /at least two/);
    assert.throws(() => limitsFromBaseline([5, 5, 5]), /does not vary/);
    assert.throws(() => limitsFromBaseline([Number.NaN, 1]), /at least two/);
    assert.throws(() => signalsAt([1], 0, { center: 0, sigma: 0 }, ['we1']), /invalid control limits/);
  });
});
