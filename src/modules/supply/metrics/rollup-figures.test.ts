import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type RollupInput, rollupRows } from './rollup-figures.ts';

const W = 'wh-1';
const base: RollupInput = {
  tenantId: 't',
  days: ['2025-03-10'],
  deliveries: [],
  routes: [],
  cogs: [],
  snapshot: [],
  stored: [],
  snapshotDay: '2025-03-10',
};
const pick = (rows: ReturnType<typeof rollupRows>, kpi: string, warehouseId: string | null = null) =>
  rows.find((r) => r.kpi === kpi && r.warehouseId === warehouseId);

test('fill rate, OTIF from deliveries; cost, CO₂ per stop and utilisation from routes', () => {
  const rows = rollupRows({
    ...base,
    deliveries: [
      { day: '2025-03-10', warehouseId: null, orderedUnits: 50, deliveredUnits: 45, deliveries: 4, otif: 3 },
    ],
    routes: [
      { day: '2025-03-10', warehouseId: null, cost: 300, co2Kg: 48, stops: 12, utilisation: 1.5, routes: 2 },
    ],
  });
  assert.equal(pick(rows, 'fill_rate')?.value, 0.9);
  assert.deepEqual(pick(rows, 'fill_rate')?.dimensions, { numerator: 45, denominator: 50, orders: 4 });
  assert.equal(pick(rows, 'otif')?.value, 0.75);
  assert.equal(pick(rows, 'cost_per_order')?.value, 25);
  assert.equal(pick(rows, 'co2_per_delivery')?.value, 4);
  assert.equal(pick(rows, 'vehicle_utilisation')?.value, 0.75);
  assert.equal(pick(rows, 'fill_rate')?.unit, 'ratio');
  assert.equal(pick(rows, 'fill_rate')?.source, 'rollup');
});

test('turns: 30 days of demand cost, annualised, over the mean of the daily inventory values', () => {
  // 30 days of demand costing 100 a day → 3,000; annualised ×365/30 = 36,500. Inventory worth
  // 5,000 now, 4,000 stored for the day before (the other days have no value): mean 4,500.
  const days = Array.from({ length: 30 }, (_, i) =>
    new Date(Date.UTC(2025, 1, 9 + i)).toISOString().slice(0, 10),
  );
  assert.equal(days.at(-1), '2025-03-10');
  const rows = rollupRows({
    ...base,
    cogs: days.map((day) => ({ day, warehouseId: W, cogs: 100 })),
    snapshot: [
      { warehouseId: W, value: 5000, stockOuts: 2, rows: 10 },
      { warehouseId: null, value: 5000, stockOuts: 2, rows: 10 },
    ],
    stored: [
      {
        kpi: 'inventory_turns',
        day: '2025-03-09',
        warehouseId: W,
        value: 7,
        dimensions: { inventoryValue: 4000 },
      },
      {
        kpi: 'inventory_turns',
        day: '2025-03-09',
        warehouseId: null,
        value: 7,
        dimensions: { inventoryValue: 4000 },
      },
    ],
  });
  const turns = pick(rows, 'inventory_turns', W);
  assert.equal(turns?.value, (3000 * 365) / 30 / 4500);
  assert.deepEqual(turns?.dimensions, {
    demandCost: 3000,
    inventoryValue: 5000,
    averageInventoryValue: 4500,
    windowDays: 30,
    estimated: false,
  });
  assert.equal(pick(rows, 'inventory_turns')?.value, turns?.value, 'the tenant total of one warehouse');
  assert.equal(pick(rows, 'stock_outs', W)?.value, 2);
});

test('a recomputed day keeps the snapshot stored for it; a past day without one is estimated', () => {
  const rows = rollupRows({
    ...base,
    days: ['2025-03-08', '2025-03-09', '2025-03-10', '2025-03-11'],
    cogs: [{ day: '2025-03-08', warehouseId: W, cogs: 30 }],
    snapshot: [{ warehouseId: W, value: 1000, stockOuts: 5, rows: 9 }],
    stored: [
      { kpi: 'stock_outs', day: '2025-03-09', warehouseId: W, value: 1, dimensions: { estimated: false } },
      {
        kpi: 'inventory_turns',
        day: '2025-03-09',
        warehouseId: W,
        value: 0,
        dimensions: { inventoryValue: 3000 },
      },
    ],
  });
  const outs = rows
    .filter((r) => r.kpi === 'stock_outs')
    .map((r) => [r.day, r.value, r.dimensions?.estimated]);
  assert.deepEqual(outs, [
    ['2025-03-08', 5, true],
    ['2025-03-09', 1, false],
    ['2025-03-10', 5, false],
  ]);
  const turns = rows
    .filter((r) => r.kpi === 'inventory_turns')
    .map((r) => [r.day, r.dimensions?.averageInventoryValue]);
  // 03-08: its own estimate 1000; 03-09: (1000 + 3000) / 2; 03-10: (1000 + 3000 + 1000) / 3. Not 03-11 (after the snapshot).
  assert.deepEqual(turns, [
    ['2025-03-08', 1000],
    ['2025-03-09', 2000],
    ['2025-03-10', 5000 / 3],
  ]);
});

test('no rows without data: no deliveries, no routes, no inventory', () => {
  assert.deepEqual(rollupRows(base), []);
  const rows = rollupRows({
    ...base,
    deliveries: [
      { day: '2025-03-10', warehouseId: null, orderedUnits: 0, deliveredUnits: 0, deliveries: 0, otif: 0 },
    ],
    routes: [
      { day: '2025-03-10', warehouseId: null, cost: 10, co2Kg: 1, stops: 0, utilisation: 0, routes: 1 },
    ],
  });
  assert.deepEqual(rows, []);
});
