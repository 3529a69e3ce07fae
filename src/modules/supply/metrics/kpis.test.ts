import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregatesOf, combine, isKpiName, KPI_NAME_PATTERN, statusOf, trendOf } from './kpis.ts';

test('ratios combine as a ratio of sums; other figures as a mean', () => {
  // 9 of 10 units one day, 100 of 100 the next: 109/110, not the mean of 0.9 and 1.
  const days = [
    { day: '2025-03-03', value: 0.9, numerator: 9, denominator: 10 },
    { day: '2025-03-04', value: 1, numerator: 100, denominator: 100 },
  ];
  assert.equal(combine(days), 109 / 110);
  assert.equal(combine([...days, { day: '2025-03-05', value: 0.5 }]), (0.9 + 1 + 0.5) / 3);
  assert.equal(combine([]), null);
  assert.equal(combine([{ day: '2025-03-03', value: 4, numerator: 0, denominator: 0 }]), 4);
});

test('trend: direction, relative change, and whether it goes the better way', () => {
  assert.deepEqual(trendOf(0.9, 0.8, 'higher'), {
    change: 0.9 - 0.8,
    changeRatio: (0.9 - 0.8) / 0.8,
    direction: 'up',
    improving: true,
  });
  assert.equal(trendOf(12, 10, 'lower').improving, false);
  assert.equal(trendOf(8, 10, 'lower').improving, true);
  assert.equal(trendOf(100.5, 100, 'higher').direction, 'flat', 'under 1 % is flat');
  assert.equal(trendOf(100.5, 100, 'higher').improving, null);
  assert.equal(trendOf(3, 0, 'higher').changeRatio, null);
  assert.equal(trendOf(0, 0, 'higher').direction, 'flat');
  assert.deepEqual(trendOf(null, 1, 'higher'), {
    change: null,
    changeRatio: null,
    direction: null,
    improving: null,
  });
});

test('status against the target: met, near (within 5 %), missed, no data, no target', () => {
  assert.equal(statusOf(0.98, 0.98, 'higher'), 'met');
  assert.equal(statusOf(0.94, 0.98, 'higher'), 'near');
  assert.equal(statusOf(0.9, 0.98, 'higher'), 'missed');
  assert.equal(statusOf(26, 25, 'lower'), 'near');
  assert.equal(statusOf(30, 25, 'lower'), 'missed');
  assert.equal(statusOf(0, 0, 'lower'), 'met');
  assert.equal(statusOf(1, 0, 'lower'), 'missed');
  assert.equal(statusOf(null, 1, 'higher'), 'no_data');
  assert.equal(statusOf(1, null, 'higher'), 'no_target');
});

test('aggregates of bucket values', () => {
  assert.deepEqual(aggregatesOf([3, 1, 2]), { mean: 2, min: 1, max: 3, last: 2, count: 3 });
  assert.deepEqual(aggregatesOf([]), { mean: null, min: null, max: null, last: null, count: 0 });
});

test('known KPI names, and the pattern of custom ones', () => {
  assert.ok(isKpiName('otif'));
  assert.ok(!isKpiName('dock_to_stock'));
  const pattern = new RegExp(KPI_NAME_PATTERN);
  assert.ok(pattern.test('dock_to_stock'));
  for (const bad of ['Otif', '1st', 'a', 'x-y', `a${'b'.repeat(63)}`]) assert.ok(!pattern.test(bad), bad);
});
