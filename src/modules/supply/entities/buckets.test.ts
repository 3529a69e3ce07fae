import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bucketOf, bucketOfDay, bucketStart } from './buckets.ts';

test('weeks start on Monday, months on the first, days are days', () => {
  // 2024-03-14 is a Thursday: its week starts Monday 2024-03-11.
  assert.equal(bucketStart('week', bucketOf('week', '2024-03-14')), '2024-03-11');
  assert.equal(bucketStart('week', bucketOf('week', '2024-03-11')), '2024-03-11');
  assert.equal(bucketStart('week', bucketOf('week', '2024-03-17')), '2024-03-11');
  assert.equal(bucketOf('week', '2024-03-18') - bucketOf('week', '2024-03-17'), 1);
  assert.equal(bucketStart('month', bucketOf('month', '2024-02-29')), '2024-02-01');
  assert.equal(bucketOf('month', '2025-01-01') - bucketOf('month', '2024-12-31'), 1);
  assert.equal(bucketStart('day', bucketOf('day', '2024-02-29')), '2024-02-29');
  assert.equal(bucketOf('day', '2024-03-01') - bucketOf('day', '2024-02-28'), 2);
});

test('buckets before 1970 number below zero and still round-trip', () => {
  assert.equal(bucketStart('week', bucketOf('week', '1969-12-31')), '1969-12-29');
  assert.equal(bucketStart('month', bucketOf('month', '1969-07-20')), '1969-07-01');
  assert.equal(bucketStart('day', bucketOf('day', '1900-01-01')), '1900-01-01');
});

test('a string that is not a date is refused, not turned into NaN', () => {
  assert.throws(() => bucketOf('day', 'yesterday'), RangeError);
});

test('day numbers bucket as their dates do', () => {
  for (const day of ['1969-12-31', '1970-01-05', '2024-02-29', '2024-12-30', '2025-01-05'])
    for (const bucket of ['day', 'week', 'month'] as const)
      assert.equal(bucketOfDay(bucket, bucketOf('day', day)), bucketOf(bucket, day), `${bucket} ${day}`);
});
