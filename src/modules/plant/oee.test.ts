import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from '../../platform/property-testing.ts';
import { type Interval, localToUtc, shiftOccurrences } from './calendar.ts';
import { type BatchFacts, computeBatchOee, type DowntimeSpan, merge, subtract } from './oee.ts';

const MIN = 60_000;
const at = (hhmm: string, day = '2026-03-02', tz = 'UTC') => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return localToUtc(day, h * 60 + m, tz);
};
const pct = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 100);

// oee.com's worked example: a 480-minute shift with two 15-minute breaks and a 30-minute meal,
// 47 minutes of unplanned downtime, ideal cycle time 1.0 s, 19,271 pieces of which 423 rejected.
const shift = {
  name: 'Day',
  startTime: '06:00',
  endTime: '14:00',
  days: [1, 2, 3, 4, 5],
  breaks: [
    { name: 'Break', start: '08:00', minutes: 15 },
    { name: 'Meal', start: '10:00', minutes: 30 },
    { name: 'Break', start: '12:15', minutes: 15 },
  ],
};

function facts(overrides: Partial<BatchFacts> = {}): BatchFacts {
  const window = { start: at('06:00'), end: at('14:00') };
  return {
    window,
    downtime: [{ start: at('07:00'), end: at('07:47'), reasonCode: 'BREAKDOWN', planned: false }],
    periods: shiftOccurrences([shift], window, 'UTC'),
    calendar: true,
    idealCycleSeconds: 1.0,
    good: 19_271 - 423,
    scrap: 423,
    rework: 0,
    labourHours: 16,
    labourRate: 30,
    materialCostPerUnit: 0.2,
    ...overrides,
  };
}

describe('OEE', () => {
  test("oee.com's worked example comes out exactly", () => {
    const r = computeBatchOee(facts());
    assert.equal(r.plannedProductionSeconds / 60, 420);
    assert.equal(r.runSeconds / 60, 373);
    assert.equal(pct(r.availability), 88.81);
    assert.equal(pct(r.performance), 86.11);
    assert.equal(pct(r.quality), 97.8);
    assert.equal(pct(r.oee), 74.79);
    // OEE is A × P × Q.
    assert.ok(
      Math.abs((r.availability ?? 0) * (r.performance ?? 0) * (r.quality ?? 0) - (r.oee ?? 0)) < 1e-12,
    );
    assert.equal(pct(r.scrapRate), 2.2);
    assert.equal(r.labourCost, 480);
    assert.equal(Math.round(r.materialCost * 100) / 100, 3854.2);
    assert.equal(Math.round(r.scrapCost * 100) / 100, 84.6);
    assert.equal(r.performanceAboveIdeal, false);
    assert.equal(r.segments.length, 1);
    assert.equal(r.segments[0]?.shiftName, 'Day');
  });

  test('zero production: availability stands, performance 0, quality undefined, OEE 0', () => {
    const r = computeBatchOee(facts({ good: 0, scrap: 0 }));
    assert.equal(pct(r.availability), 88.81);
    assert.equal(r.performance, 0);
    assert.equal(r.quality, null);
    assert.equal(r.oee, 0);
    assert.equal(r.scrapRate, null);
  });

  test('downtime spanning the batch boundaries counts only inside the window', () => {
    const downtime: DowntimeSpan[] = [
      { start: at('05:30'), end: at('06:20'), reasonCode: 'BREAKDOWN', planned: false },
      { start: at('13:50'), end: at('15:00'), reasonCode: 'MATERIAL_SHORTAGE', planned: false },
    ];
    const r = computeBatchOee(facts({ downtime }));
    assert.equal(r.unplannedDowntimeSeconds / 60, 20 + 10);
    assert.equal(r.runSeconds / 60, 420 - 30);
  });

  test('downtime during a planned stop is not counted twice; planned reasons are planned stops', () => {
    const downtime: DowntimeSpan[] = [
      { start: at('09:50'), end: at('10:40'), reasonCode: 'BREAKDOWN', planned: false },
      { start: at('11:00'), end: at('11:30'), reasonCode: 'CLEANING', planned: true },
    ];
    const r = computeBatchOee(facts({ downtime }));
    // The meal break covers 10:00–10:30 of the breakdown: 20 unplanned minutes remain.
    assert.equal(r.unplannedDowntimeSeconds / 60, 20);
    assert.equal(r.plannedProductionSeconds / 60, 420 - 30);
  });

  test('a batch across a shift change: planned stops of both shifts, counts split by run time', () => {
    const late = { ...shift, name: 'Late', startTime: '14:00', endTime: '22:00', breaks: [] };
    const window = { start: at('12:00'), end: at('16:00') };
    const r = computeBatchOee(
      facts({
        window,
        periods: shiftOccurrences([shift, late], window, 'UTC'),
        downtime: [{ start: at('15:00'), end: at('15:30'), reasonCode: 'BREAKDOWN', planned: false }],
        good: 9000,
        scrap: 0,
      }),
    );
    assert.equal(r.plannedStopSeconds / 60, 15);
    assert.equal(r.plannedProductionSeconds / 60, 225);
    assert.equal(r.runSeconds / 60, 195);
    assert.deepEqual(
      r.segments.map((s) => [s.shiftName, s.runSeconds / 60, Math.round(s.goodCount)]),
      [
        ['Day', 105, Math.round((9000 * 105) / 195)],
        ['Late', 90, Math.round((9000 * 90) / 195)],
      ],
    );
    assert.equal(Math.round(r.segments.reduce((sum, s) => sum + s.goodCount, 0)), 9000);
  });

  test('performance above 100 % is reported as it is, and flagged', () => {
    const r = computeBatchOee(facts({ good: 25_000, scrap: 0 }));
    assert.ok((r.performance ?? 0) > 1);
    assert.equal(pct(r.performance), 111.71);
    assert.equal(r.performanceAboveIdeal, true);
  });

  test('a batch made wholly outside the shifts: no planned time, but its pieces still count', () => {
    const window = { start: at('15:00'), end: at('16:00') };
    const r = computeBatchOee(
      facts({
        window,
        periods: shiftOccurrences([shift], window, 'UTC'),
        downtime: [],
        good: 100,
        scrap: 0,
        offShiftDay: '2026-03-02',
      }),
    );
    assert.equal(r.plannedProductionSeconds, 0);
    assert.equal(r.oee, null);
    assert.deepEqual(
      r.segments.map((s) => [s.day, s.shiftName, s.goodCount]),
      [['2026-03-02', null, 100]],
    );
  });

  test('time outside every shift is a planned stop', () => {
    const window = { start: at('13:00'), end: at('15:00') };
    const r = computeBatchOee(
      facts({ window, periods: shiftOccurrences([shift], window, 'UTC'), downtime: [], good: 100, scrap: 0 }),
    );
    assert.equal(r.plannedProductionSeconds / 60, 60);
  });

  test('shift times follow the facility time zone, across daylight saving', () => {
    const window = { start: Date.parse('2026-03-27T00:00:00Z'), end: Date.parse('2026-03-31T00:00:00Z') };
    const days = shiftOccurrences([{ ...shift, days: [1, 2, 3, 4, 5, 6, 7] }], window, 'Europe/Berlin');
    const starts = days.map((d) => `${d.day} ${new Date(d.start).toISOString().slice(11, 16)}`);
    // 06:00 in Berlin is 05:00 UTC before the change (CET) and 04:00 UTC after it (CEST).
    assert.ok(starts.includes('2026-03-28 05:00'));
    assert.ok(starts.includes('2026-03-30 04:00'));
    assert.equal((days[0]?.end ?? 0) - (days[0]?.start ?? 0), 480 * MIN);
  });
});

describe('interval subtraction', () => {
  // The obvious definition, minute by minute, to hold the one-sweep version to.
  const covered = (intervals: readonly Interval[], t: number) =>
    intervals.some((i) => i.start <= t && t < i.end);
  const intervals = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 40 })), { maxLength: 30 })
    .map((pairs) => merge(pairs.map(([start, length]) => ({ start, end: start + length }))));

  test('a minus b covers exactly the minutes of a not in b, as sorted disjoint intervals', () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        const result = subtract(a, b);
        for (let t = 0; t < 250; t += 1)
          assert.equal(covered(result, t), covered(a, t) && !covered(b, t), `minute ${t}`);
        for (let k = 1; k < result.length; k += 1)
          assert.ok((result[k - 1] as Interval).end <= (result[k] as Interval).start);
        assert.ok(result.every((i) => i.end > i.start));
      }),
      { seed: 20_261_202, numRuns: 300 },
    );
  });
});
