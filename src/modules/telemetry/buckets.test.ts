import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AUTO_MAX_MINUTE_ROWS,
  AUTO_MAX_POINTS,
  align,
  autoPlan,
  bucketCount,
  fixedPlan,
  LADDER,
  ORIGIN_MS,
  sourceFor,
} from './buckets.ts';

const DAY = 86_400_000;
const start = Date.UTC(2026, 10, 1, 13, 7, 11);

test('auto picks the finest width that keeps a range within 2,000 buckets', () => {
  assert.equal(autoPlan(start, start + 3600_000).widthSeconds, 2); // 1 h → 1,800 buckets of 2 s
  assert.equal(autoPlan(start, start + DAY).label, '1m'); // 1,440 (1,441 once widened)
  assert.equal(autoPlan(start, start + 7 * DAY).label, '10m');
  assert.equal(autoPlan(start, start + 13 * DAY).label, '10m'); // 18,720 minute-rollup rows
  assert.equal(autoPlan(start, start + 365 * DAY).label, '6h');
  for (const span of [1000, 59_000, 3600_000, DAY, 17 * DAY, 400 * DAY, 20 * 365 * DAY]) {
    const plan = autoPlan(start, start + span);
    if (plan.widthSeconds !== LADDER[LADDER.length - 1])
      assert.ok(bucketCount(plan) <= AUTO_MAX_POINTS, `${span}`);
    assert.ok(plan.from <= start && plan.to >= start + span);
  }
});

test('beyond 20,000 minute-rollup rows, auto takes the hourly width the hour rollup serves', () => {
  // 15 or 30 minutes would be within 2,000 buckets, but would merge 20,160 / 43,200 minute rows.
  const fortnight = autoPlan(start, start + 14 * DAY);
  assert.deepEqual([fortnight.label, fortnight.source, bucketCount(fortnight)], ['1h', '1h', 337]);
  const month = autoPlan(start, start + 30 * DAY);
  assert.deepEqual([month.label, month.source, bucketCount(month)], ['1h', '1h', 721]);
  for (const days of [1, 3, 7, 10, 13, 14, 20, 30, 60, 90]) {
    const plan = autoPlan(start, start + days * DAY);
    if (plan.source === '1m')
      assert.ok((plan.to - plan.from) / 60_000 <= AUTO_MAX_MINUTE_ROWS, `${days} days`);
  }
  // Several years: the hour rollup is the coarsest there is, and auto still gives ≤ 2,000 buckets.
  assert.equal(autoPlan(start, start + 3 * 365 * DAY).label, '1d');
});

test('buckets line up on whole widths from a Monday, and the range widens outwards', () => {
  const { from, to } = align(start, start + 1, 3600);
  assert.equal(from, Date.UTC(2026, 10, 1, 13));
  assert.equal(to, Date.UTC(2026, 10, 1, 14));
  const week = align(start, start + 1, 604_800);
  assert.equal(new Date(week.from).getUTCDay(), 1);
  assert.equal((week.from - ORIGIN_MS) % (604_800 * 1000), 0);
  const exact = align(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2), 60);
  assert.deepEqual(exact, { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2) });
});

test('a width reads the coarsest rollup that divides it', () => {
  assert.equal(sourceFor(30), 'raw');
  assert.equal(sourceFor(90), 'raw');
  assert.equal(sourceFor(600), '1m');
  assert.equal(sourceFor(5400), '1m');
  assert.equal(sourceFor(86_400), '1h');
  assert.equal(fixedPlan(start, start + DAY, '1d').source, '1h');
  assert.equal(fixedPlan(start, start + DAY, '1m').source, '1m');
});
