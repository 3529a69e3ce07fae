import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareFacilities, type FacilityFigures, rankValues } from './engine.ts';

const figures = (facilityId: string, patch: Partial<FacilityFigures> = {}): FacilityFigures => ({
  facilityId,
  oee: {
    plannedProductionMinutes: 6000,
    totalCount: 1000,
    goodCount: 950,
    availability: 0.9,
    performance: 0.8,
    quality: 0.95,
    oee: 0.684,
  },
  downtime: [],
  workOrders: {
    workOrders: 10,
    completed: 900,
    scrap: 100,
    rework: 50,
    scrapRows: 10,
    reworkRows: 10,
    costedOrders: 10,
    standardCost: 1000,
    actualCost: 1100,
    analysisIds: ['an-1'],
  },
  alarms: { sensors: 3, open: 1 },
  inspection: { stations: 1, triggers: 200, failed: 10 },
  ...patch,
});

const metric = (all: ReturnType<typeof compareFacilities>, key: string) => {
  const found = all.find((m) => m.key === key);
  assert.ok(found, `metric ${key}`);
  return found;
};

describe('rankValues', () => {
  it('flags the highest as best when higher is better, the lowest when lower is better', () => {
    const values = [
      { facilityId: 'a', value: 0.5 },
      { facilityId: 'b', value: 0.7 },
      { facilityId: 'c', value: 0.6 },
    ];
    assert.deepEqual(rankValues(values, 'higher'), { best: ['b'], worst: ['a'] });
    assert.deepEqual(rankValues(values, 'lower'), { best: ['a'], worst: ['b'] });
  });

  it('flags every facility of a tie, and nothing when all are equal', () => {
    const values = [
      { facilityId: 'a', value: 0.1 },
      { facilityId: 'b', value: 0.1 + 1e-15 },
      { facilityId: 'c', value: 0.3 },
    ];
    assert.deepEqual(rankValues(values, 'lower'), { best: ['a', 'b'], worst: ['c'] });
    assert.deepEqual(
      rankValues(
        [
          { facilityId: 'a', value: 2 },
          { facilityId: 'b', value: 2 },
        ],
        'higher',
      ),
      { best: [], worst: [] },
    );
  });

  it('skips nulls; fewer than two values or a neutral metric flag nothing', () => {
    const values = [
      { facilityId: 'a', value: null },
      { facilityId: 'b', value: 3 },
      { facilityId: 'c', value: 1 },
    ];
    assert.deepEqual(rankValues(values, 'higher'), { best: ['b'], worst: ['c'] });
    assert.deepEqual(rankValues(values.slice(0, 2), 'higher'), { best: [], worst: [] });
    assert.deepEqual(rankValues(values, 'neutral'), { best: [], worst: [] });
  });
});

describe('compareFacilities', () => {
  it('normalises scrap, rework and cost variance per piece made and per unit', () => {
    const all = compareFacilities([figures('a'), figures('b', { workOrders: null })]);
    assert.equal(metric(all, 'workOrders.scrapRate').values[0]?.value, 0.1); // 100 of 1000 made
    assert.equal(metric(all, 'workOrders.reworkRate').values[0]?.value, 0.05);
    assert.equal(metric(all, 'workOrders.costVariance').values[0]?.value, 0.1); // 100 over 1000
    assert.ok(
      Math.abs((metric(all, 'workOrders.costVariancePerUnit').values[0]?.value ?? 0) - 100 / 900) < 1e-12,
    );
    const missing = metric(all, 'workOrders.scrapRate').values[1];
    assert.equal(missing?.value, null);
    assert.match(missing?.reason ?? '', /no completed work-order import/);
    assert.deepEqual(metric(all, 'workOrders.scrapRate').values[0]?.analysisIds, ['an-1']);
    // One facility with a value: nothing to compare, nothing flagged.
    assert.deepEqual(metric(all, 'workOrders.scrapRate').best, []);
  });

  it('is direction-aware: higher OEE best, higher scrap worst; units produced are never flagged', () => {
    const a = figures('a');
    const b = figures('b', {
      oee: { ...(a.oee as NonNullable<FacilityFigures['oee']>), oee: 0.8, totalCount: 5000 },
      workOrders: { ...(a.workOrders as NonNullable<FacilityFigures['workOrders']>), scrap: 300 },
    });
    const all = compareFacilities([a, b]);
    assert.deepEqual(metric(all, 'oee.oee').best, ['b']);
    assert.deepEqual(metric(all, 'oee.oee').worst, ['a']);
    assert.deepEqual(metric(all, 'workOrders.scrapRate').best, ['a']);
    assert.deepEqual(metric(all, 'workOrders.scrapRate').worst, ['b']);
    assert.deepEqual(metric(all, 'production.units').best, []);
    assert.equal(metric(all, 'production.units').values[1]?.value, 5000);
  });

  it('gives downtime per planned production hour, one metric per category any facility has', () => {
    const all = compareFacilities([
      figures('a', { downtime: [{ category: 'breakdown', minutes: 300 }] }),
      figures('b', {
        downtime: [
          { category: 'breakdown', minutes: 100 },
          { category: 'changeover', minutes: 50 },
        ],
      }),
    ]);
    // 6000 planned minutes = 100 hours.
    assert.deepEqual(
      metric(all, 'downtime.total').values.map((v) => v.value),
      [3, 1.5],
    );
    const changeover = metric(all, 'downtime.category.changeover');
    assert.deepEqual(
      changeover.values.map((v) => v.value),
      [0, 0.5],
    );
    assert.deepEqual(changeover.best, ['a']);
  });

  it('explains the nulls of facilities without batches, sensors or inspection stations', () => {
    const all = compareFacilities([
      figures('a', {
        oee: null,
        alarms: { sensors: 0, open: 0 },
        inspection: { stations: 0, triggers: 0, failed: 0 },
      }),
      figures('b', { inspection: { stations: 1, triggers: 0, failed: 0 } }),
    ]);
    const oee = metric(all, 'oee.oee').values[0];
    assert.equal(oee?.value, null);
    assert.match(oee?.reason ?? '', /no batch production/);
    assert.match(metric(all, 'alarms.open').values[0]?.reason ?? '', /no sensors/);
    assert.match(metric(all, 'inspection.rejectRate').values[0]?.reason ?? '', /no inspection station/);
    assert.match(metric(all, 'inspection.rejectRate').values[1]?.reason ?? '', /no part inspected/);
    assert.match(metric(all, 'downtime.total').values[0]?.reason ?? '', /per planned production hour/);
  });
});
