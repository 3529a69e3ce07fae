import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type AlarmPlan, MAX_EPISODES_PER_RULE, planAlarms } from './alarm-episodes.ts';
import type { Finding } from './monitor.ts';

const finding = (ts: number, rule: Finding['rule'] = 'spec', value = 12): Finding => ({
  rule,
  ts,
  value,
  severity: 'critical',
  message: `${rule} at ${ts}`,
});
const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
const brief = (plan: AlarmPlan) => ({
  episodes: plan.episodes.map((e) => [e.rule, e.firstTs, e.lastTs, e.count, e.extendsOpen, e.clearedTs]),
  cleared: plan.cleared.map((c) => [c.rule, c.clearedTs]),
});

describe('planAlarms', () => {
  test('nothing found and nothing open: nothing to do', () => {
    assert.deepEqual(brief(planAlarms([], range(0, 100), new Map(), 60)), { episodes: [], cleared: [] });
  });

  test('two faults further apart than the clear-after time are two alarms, the first cleared', () => {
    const plan = planAlarms([finding(0), finding(5), finding(200)], range(0, 230, 5), new Map(), 60);
    assert.deepEqual(brief(plan), {
      episodes: [
        ['spec', 0, 5, 2, false, 65],
        ['spec', 200, 200, 1, false, null],
      ],
      cleared: [],
    });
    assert.equal(plan.episodes[0]?.message, 'spec at 0');
  });

  test('faults closer than the clear-after time, or with no reading between to prove quiet, are one', () => {
    assert.deepEqual(brief(planAlarms([finding(0), finding(50)], range(0, 60, 10), new Map(), 60)).episodes, [
      ['spec', 0, 50, 2, false, null],
    ]);
    // Sparse readings, each of them a fault: never quiet.
    assert.deepEqual(brief(planAlarms([finding(0), finding(600)], [0, 600], new Map(), 60)).episodes, [
      ['spec', 0, 600, 2, false, null],
    ]);
  });

  test('an open alarm is extended, or cleared before a new one opens', () => {
    const open = new Map([['spec', 0]]);
    assert.deepEqual(brief(planAlarms([finding(30)], [10, 20, 30], open, 60)).episodes, [
      ['spec', 30, 30, 1, true, null],
    ]);
    assert.deepEqual(brief(planAlarms([finding(100)], [60, 100], open, 60)), {
      episodes: [['spec', 100, 100, 1, false, null]],
      cleared: [['spec', 60]],
    });
    // Quiet, no new finding: cleared at the first reading past the clear-after time.
    assert.deepEqual(brief(planAlarms([], [30, 70, 90], open, 60)), {
      episodes: [],
      cleared: [['spec', 70]],
    });
    // A late finding older than the open alarm's latest signal extends it, and the quiet time still
    // counts from that latest signal.
    assert.deepEqual(brief(planAlarms([finding(-500)], [-500, 30], open, 60)).episodes, [
      ['spec', -500, -500, 1, true, null],
    ]);
    assert.deepEqual(brief(planAlarms([finding(-500)], [-500, 70], open, 60)).episodes, [
      ['spec', -500, -500, 1, true, 70],
    ]);
  });

  test('a clear-after time of 0 clears at the next reading without a finding, not the finding’s own', () => {
    assert.deepEqual(brief(planAlarms([finding(1), finding(2)], [1, 2, 3], new Map(), 0)).episodes, [
      ['spec', 1, 2, 2, false, 3],
    ]);
  });

  test('a flapping rule opens at most MAX_EPISODES_PER_RULE alarms in one batch, the last extended', () => {
    // A fault every other second, cleared after 0 s: an alarm per fault, up to the bound.
    const ts = range(0, 4 * MAX_EPISODES_PER_RULE - 1);
    const plan = planAlarms(
      ts.filter((t) => t % 2 === 0).map((t) => finding(t)),
      ts,
      new Map(),
      0,
    );
    assert.equal(plan.episodes.length, MAX_EPISODES_PER_RULE);
    assert.deepEqual(brief(plan).episodes.at(-2), ['spec', 196, 196, 1, false, 197]);
    assert.deepEqual(brief(plan).episodes.at(-1), ['spec', 198, 398, 101, false, null]);
  });

  test('each rule has its own episodes; readings may come in any order', () => {
    const plan = planAlarms(
      [finding(300, 'we1'), finding(0, 'we1'), finding(100, 'zscore')],
      [300, 100, 0, 200, 50],
      new Map([['spec', -100]]),
      60,
    );
    assert.deepEqual(brief(plan), {
      episodes: [
        ['we1', 0, 0, 1, false, 100],
        ['we1', 300, 300, 1, false, null],
        ['zscore', 100, 100, 1, false, 200],
      ],
      cleared: [['spec', 0]],
    });
  });

  test('the same readings in time order give the same alarms in any batching', () => {
    // A sensor's readings and a fault set; split into consecutive batches, each batch planned with
    // the alarms the batches before it left open, against the whole series planned at once. (Late
    // readings extend the open alarm instead: see the test above.)
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 59 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 80 }),
        (ts, faulty, cuts, clearAfter) => {
          ts.sort((a, b) => a - b);
          const found = ts.filter((_, k) => faulty[k]).map((t) => finding(t));
          const whole = replayBatches(found, ts, [], clearAfter);
          const parts = replayBatches(found, ts, cuts, clearAfter);
          assert.deepEqual(parts, whole);
        },
      ),
    );
  });
});

/** The alarms (first signal, latest signal, count, cleared at) left by planning in batches cut at `cuts`. */
function replayBatches(found: Finding[], ts: number[], cuts: number[], clearAfter: number) {
  const bounds = [...new Set([0, ...cuts.filter((c) => c < ts.length), ts.length])].sort((a, b) => a - b);
  const alarms: { first: number; last: number; count: number; cleared: number | null }[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const batch = ts.slice(bounds[b], bounds[b + 1]);
    const inBatch = new Set(batch);
    const openAlarm = alarms.find((a) => a.cleared === null);
    const open = openAlarm ? new Map([['spec', openAlarm.last]]) : new Map<string, number>();
    const plan = planAlarms(
      found.filter((f) => inBatch.has(f.ts)),
      batch,
      open,
      clearAfter,
    );
    for (const c of plan.cleared) if (openAlarm) openAlarm.cleared = c.clearedTs;
    for (const e of plan.episodes) {
      if (e.extendsOpen && openAlarm) {
        openAlarm.last = Math.max(openAlarm.last, e.lastTs);
        openAlarm.count += e.count;
        openAlarm.cleared = e.clearedTs;
      } else alarms.push({ first: e.firstTs, last: e.lastTs, count: e.count, cleared: e.clearedTs });
    }
  }
  return alarms;
}
