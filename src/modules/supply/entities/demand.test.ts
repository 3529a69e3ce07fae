// Demand history: imported from CSV by a job (row errors kept, duplicates summed, stored days
// replaced), summed per day, week (from Monday) and month with shipped and delivered orders added,
// loaded as dense zero-filled series for the forecaster; an inventory row with history is only
// deleted with ?purge=true by an admin.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { readInTenant } from '../../../platform/db/scope.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { loadDemandSeries } from './demand.repo.ts';
import { supplyTestKit } from './testing.ts';

const kit = supplyTestKit('demand');

interface Job {
  status: string;
  result: {
    rows: number;
    stored: number;
    rejected: number;
    summed: number;
    errors: { row: number; column: string; message: string }[];
    series: number;
    from: string | null;
    to: string | null;
    withoutInventory: { count: number; first: { sku: string }[] };
  };
  error: string | null;
}

async function importDemand(text: string, query = ''): Promise<Job> {
  const res = await kit.csv(kit.s.analyst, `/imports/demand${query}`, text);
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return eventually(
    async () => {
      const job = (
        await kit.t.app.inject({ url: `/api/v1/jobs/${res.body.jobId}`, headers: kit.s.analyst.headers })
      ).json() as Job;
      return job.status === 'completed' || job.status === 'failed' ? job : undefined;
    },
    'the demand import',
    60_000,
  );
}

const ids = { north: '', south: '', a: '', b: '', c: '' };
let ready: Promise<void> | undefined;
const setUp = () => {
  ready ??= (async () => {
    const north = await kit.warehouse('NORTH');
    const south = await kit.warehouse('SOUTH');
    ids.north = north.id;
    ids.south = south.id;
    ids.a = (await kit.sku(north.id, 'A', { category: 'cold' })).id;
    ids.b = (await kit.sku(south.id, 'A', { category: 'dry' })).id;
    ids.c = (await kit.sku(north.id, 'C', { category: 'cold' })).id;
  })();
  return ready;
};

const series = (id: string, query: string) =>
  kit.ok(kit.s.viewer, 'GET', `/entities/inventory/${id}/demand?${query}`);

describe('demand import', () => {
  before(setUp);

  test('rows stored per warehouse, SKU and day; bad rows reported; the same day twice summed', async () => {
    const job = await importDemand(
      [
        'SKU;Location;Date;Qty;Promo',
        'A;NORTH;2024-01-03;5;no',
        'A;NORTH;2024-01-01;2;yes', // dates out of order are fine
        'A;NORTH;2024-01-03;1;', // the same day again: summed (6)
        'A;SOUTH;2024-01-02;4;',
        'A;NORTH;2024-01-15;3;',
        'A;NOWHERE;2024-01-02;4;',
        'A;NORTH;2024-01-04;-1;',
        'A;NORTH;2024-01-05;abc;',
        'A;NORTH;2024-02-30;1;',
        'A;NORTH;2024-01-06;1;maybe',
        'Z;NORTH;2024-01-06;1;',
      ].join('\n'),
      '?decimal=,',
    );
    assert.equal(job.status, 'completed', job.error ?? '');
    const r = job.result;
    assert.equal(r.rows, 11);
    assert.equal(r.rejected, 5);
    assert.equal(r.summed, 1);
    assert.equal(r.stored, 5);
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column, e.message]),
      [
        [7, 'Location', 'Unknown warehouse code NOWHERE'],
        [8, 'Qty', 'is negative'],
        [9, 'Qty', 'not a number'],
        [10, 'Date', 'not a date (expected YYYY-MM-DD)'],
        [11, 'Promo', 'not a yes/no value'],
      ],
    );
    assert.equal(r.from, '2024-01-01');
    assert.equal(r.to, '2024-01-15');
    assert.equal(r.withoutInventory.count, 1);
    assert.equal(r.withoutInventory.first[0]?.sku, 'Z');
    const days = await series(ids.a, 'bucket=day&from=2024-01-01&to=2024-01-04');
    assert.deepEqual(
      days.points.map((p: { quantity: number }) => p.quantity),
      [2, 0, 6, 0],
    );
    assert.deepEqual(
      days.points.map((p: { promotion: boolean }) => p.promotion),
      [true, false, false, false],
    );
  });

  test('importing again replaces the stored days, it does not add to them', async () => {
    const job = await importDemand(
      'sku,warehouse,date,quantity\nA,NORTH,2024-01-03,10\nA,NORTH,2024-01-03,1\n',
    );
    assert.equal(job.result.stored, 1);
    const days = await series(ids.a, 'bucket=day&from=2024-01-03&to=2024-01-03');
    assert.equal(days.points[0].quantity, 11);
  });

  test('a file without the needed columns is refused at once', async () => {
    const res = await kit.csv(kit.s.analyst, '/imports/demand', 'item,when\nA,2024-01-01\n');
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /location|warehouse/);
    assert.equal(
      (await kit.csv(kit.s.viewer, '/imports/demand', 'sku,location,date,quantity\n')).status,
      403,
    );
  });
});

describe('demand series', () => {
  before(setUp);

  test('summed per day, Monday week and month, zero-filled, with shipped and delivered orders', async () => {
    const client = await kit.client('Demand client');
    const order = (status: string, requestedDate: string, quantity: number) =>
      kit.ok(kit.s.analyst, 'POST', '/entities/orders', {
        clientId: client.id,
        warehouseId: ids.north,
        lines: [{ sku: 'C', quantity }],
        requestedDate,
        status,
      });
    await importDemand(
      'sku,location,date,quantity,promotion\nC,NORTH,2024-02-26,1,\nC,NORTH,2024-03-03,2,\nC,NORTH,2024-03-04,4,yes\nC,NORTH,2024-03-20,8,\n',
    );
    // Counted: delivered and shipped orders. Not counted: drafts, open and cancelled orders.
    await kit.ok(kit.s.analyst, 'PATCH', `/entities/inventory/${ids.c}`, { onHand: 100 });
    const shipped = await order('confirmed', '2024-03-05', 16);
    for (const status of ['allocated', 'shipped'])
      await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${shipped.id}`, { status });
    await order('draft', '2024-03-05', 1000);
    await order('confirmed', '2024-03-05', 1000);
    const cancelled = await order('confirmed', '2024-03-06', 1000);
    await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${cancelled.id}`, { status: 'cancelled' });

    const weeks = await series(ids.c, 'bucket=week');
    assert.deepEqual(weeks.points, [
      { start: '2024-02-26', quantity: 3, promotion: false },
      { start: '2024-03-04', quantity: 20, promotion: true },
      { start: '2024-03-11', quantity: 0, promotion: false },
      { start: '2024-03-18', quantity: 8, promotion: false },
    ]);
    assert.equal(weeks.total, 31);
    const months = await series(ids.c, 'bucket=month&from=2024-01-15');
    assert.deepEqual(
      months.points.map((p: { start: string; quantity: number }) => [p.start, p.quantity]),
      [
        ['2024-01-01', 0],
        ['2024-02-01', 1],
        ['2024-03-01', 30],
      ],
    );
    const days = await series(ids.c, 'bucket=day&from=2024-03-03&to=2024-03-06');
    assert.deepEqual(
      days.points.map((p: { quantity: number }) => p.quantity),
      [2, 4, 16, 0],
    );
    assert.equal(
      (
        await kit.call(
          kit.s.viewer,
          'GET',
          `/entities/inventory/${ids.c}/demand?bucket=day&from=2024-03-06&to=2024-03-01`,
        )
      ).status,
      400,
    );
    assert.equal(
      (await kit.call(kit.s.viewer, 'GET', `/entities/inventory/${ids.c}/demand?bucket=hour`)).status,
      400,
    );
    assert.equal(
      (await kit.call(kit.other, 'GET', `/entities/inventory/${ids.c}/demand?bucket=day`)).status,
      404,
    );
  });

  test('loadDemandSeries: a dense zero-filled series per inventory row of the scope, in one go', async () => {
    await importDemand('sku,location,date,quantity\nA,SOUTH,2024-01-22,3\nA,SOUTH,2024-01-08,1\n');
    const load = (scope: object, bucket: 'day' | 'week' | 'month') =>
      readInTenant(kit.t.database.db, kit.acme.id, (tx) => loadDemandSeries(tx, scope, bucket));
    const all = await load({}, 'week');
    assert.deepEqual(
      all.map((s) => [s.sku, s.warehouseId === ids.north ? 'NORTH' : 'SOUTH']),
      [
        ['A', ids.north < ids.south ? 'NORTH' : 'SOUTH'],
        ['A', ids.north < ids.south ? 'SOUTH' : 'NORTH'],
        ['C', 'NORTH'],
      ],
    );
    const south = all.find((s) => s.inventoryId === ids.b);
    // 2024-01-02 (week of 01-01), then 01-08 and 01-22: 01-15's week is a zero.
    assert.deepEqual(south, {
      inventoryId: ids.b,
      warehouseId: ids.south,
      sku: 'A',
      category: 'dry',
      start: '2024-01-01',
      values: [4, 1, 0, 3],
    });
    const cold = await load({ categories: ['cold'], skus: ['C'] }, 'month');
    assert.equal(cold.length, 1);
    assert.equal(cold[0]?.start, '2024-02-01');
    assert.deepEqual(cold[0]?.values, [1, 30]);
    // A row without history is there too, empty: the forecaster decides what it gets.
    const empty = await kit.sku(ids.south, 'NEW', { category: 'dry' });
    const dry = await load({ warehouseIds: [ids.south], categories: ['dry'] }, 'day');
    assert.deepEqual(
      dry.map((s) => [s.sku, s.start, s.values.length]),
      [
        ['A', '2024-01-02', 21],
        ['NEW', '', 0],
      ],
    );
    assert.equal(dry[1]?.inventoryId, empty.id);
    // Another tenant sees none of it.
    const theirs = await readInTenant(kit.t.database.db, kit.otherTenant.id, (tx) =>
      loadDemandSeries(tx, {}, 'week'),
    );
    assert.deepEqual(theirs, []);
  });
});

describe('deleting an inventory row with history', () => {
  before(setUp);

  test('409 without purge; purge needs an admin and takes the history with it', async () => {
    const refused = await kit.call(kit.s.analyst, 'DELETE', `/entities/inventory/${ids.b}`);
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /purge=true/);
    assert.equal(
      (await kit.call(kit.s.analyst, 'DELETE', `/entities/inventory/${ids.b}?purge=true`)).status,
      403,
    );
    assert.equal(
      (await kit.call(kit.s.admin, 'DELETE', `/entities/inventory/${ids.b}?purge=true`)).status,
      204,
    );
    // The SKU comes back at the warehouse without its old history.
    const again = await kit.sku(ids.south, 'A');
    assert.deepEqual((await series(again.id, 'bucket=week')).points, []);
  });
});
