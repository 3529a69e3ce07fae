import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bindMeasure, MEASURE_BY_ID, type OrderMeasure } from './cross-measures.ts';
import { DAY_MS, seriesPoints, WEEK_MS, weekAxis, weeklySeries } from './cross-weekly.ts';
import { frameFromRecords } from './frame.ts';

const MONDAY = Date.UTC(2024, 0, 1); // 2024-01-01 was a Monday
const scrapRate = MEASURE_BY_ID.get('scrapRate') as OrderMeasure;

test('weeks start on Monday (UTC); actual start first, planned start when there is none', () => {
  const frame = frameFromRecords([
    { workOrder: 'A', actualStart: new Date(MONDAY + 6 * DAY_MS + 23 * 3_600_000) }, // Sunday night: week 0
    { workOrder: 'B', actualStart: new Date(MONDAY + 7 * DAY_MS) }, // next Monday: week 1
    { workOrder: 'C', plannedStart: new Date(MONDAY + 15 * DAY_MS) }, // not started: planned, week 2
    { workOrder: 'D', actualStart: new Date(MONDAY), plannedStart: new Date(MONDAY + 30 * DAY_MS) },
    { workOrder: 'E' }, // no date at all
  ]);
  const axis = weekAxis(frame);
  assert.deepEqual([...axis.week], [0, 1, 2, 0, -1]);
  assert.equal(axis.span, 3);
  assert.equal(axis.dated, 4);
  assert.equal(weekAxis(frame), axis, 'cached per frame');
});

test('a week is Σ numerator ÷ Σ denominator of its orders; orders without values and empty weeks drop out', () => {
  const records = [
    { workOrder: '1', qtyCompleted: 90, qtyScrap: 10, actualStart: new Date(MONDAY) },
    { workOrder: '2', qtyCompleted: 290, qtyScrap: 10, actualStart: new Date(MONDAY + DAY_MS) },
    { workOrder: '3', qtyCompleted: 50, actualStart: new Date(MONDAY + 2 * DAY_MS) }, // no scrap cell
    { workOrder: '4', qtyCompleted: 95, qtyScrap: 5, actualStart: new Date(MONDAY + 3 * WEEK_MS) },
  ];
  const frame = frameFromRecords(records);
  const ratio = bindMeasure(frame, scrapRate);
  assert.ok(ratio);
  const series = weeklySeries(frame, ratio);
  assert.deepEqual(series.week, [0, 3]);
  assert.deepEqual(series.orders, [2, 1]);
  assert.equal(series.value[0], 20 / 400, 'pooled, not the mean of 10 % and 3.3 %');
  assert.equal(series.value[1], 0.05);
  assert.equal(series.start[1], MONDAY + 3 * WEEK_MS);
  const onlySecond = weeklySeries(frame, ratio, [1]);
  assert.deepEqual(onlySecond.week, [0]);
  assert.equal(onlySecond.value[0], 10 / 300);
});

test('a measure whose fields are not mapped does not bind', () => {
  const frame = frameFromRecords([{ workOrder: '1', qtyCompleted: 10 }]);
  assert.equal(bindMeasure(frame, scrapRate), null);
});

test('chart points pool consecutive weeks to at most 20, as ratios of their sums', () => {
  const records = Array.from({ length: 50 }, (_, w) => ({
    workOrder: String(w),
    qtyCompleted: w % 2 ? 100 : 300,
    qtyScrap: w % 2 ? 0 : 100,
    actualStart: new Date(MONDAY + w * WEEK_MS),
  }));
  const frame = frameFromRecords(records);
  const series = weeklySeries(
    frame,
    bindMeasure(frame, scrapRate) as NonNullable<ReturnType<typeof bindMeasure>>,
  );
  const points = seriesPoints(series, 100);
  assert.ok(points.length <= 20);
  assert.equal(points.length, 17); // 50 weeks in threes
  assert.equal(points[0]?.label, '2024-01-01');
  // weeks 0–2: scrap 100 + 0 + 100 over 400 + 100 + 400 pieces
  assert.equal(points[0]?.value, Math.round((100 * 200 * 1e4) / 900) / 1e4);
});

test('an empty frame has an empty axis and series', () => {
  const frame = frameFromRecords([]);
  assert.equal(weekAxis(frame).span, 0);
  const series = weeklySeries(frame, { num: () => 1, den: () => 1 });
  assert.equal(series.week.length, 0);
  assert.deepEqual(seriesPoints(series, 1), []);
});
