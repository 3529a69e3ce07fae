// The supply entities end to end: create, list with filters and pages, get, update, delete for
// each kind; bad input refused with a 400 naming the field; unique codes 409; references to
// unknown or another tenant's rows 400; deletes refused with 409 while something refers to the row;
// who may do what.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { supplyTestKit } from './testing.ts';

const kit = supplyTestKit('entities');

describe('warehouses', () => {
  test('create, list by search, get, update, delete; codes are unique', async () => {
    const w = await kit.warehouse('WH-NORTH', {
      address: '1 Harbour Rd',
      latitude: 53.55,
      longitude: 9.99,
      capacity: 5000,
      operatingHours: [
        { start: '13:00', end: '17:00' },
        { start: '08:00', end: '12:00' },
      ],
    });
    assert.deepEqual(w.operatingHours, [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    await kit.warehouse('WH-SOUTH');
    const dup = await kit.call(kit.s.analyst, 'POST', '/entities/warehouses', {
      code: 'WH-NORTH',
      name: 'Again',
    });
    assert.equal(dup.status, 409);
    const found = await kit.ok(kit.s.viewer, 'GET', '/entities/warehouses?search=north');
    assert.deepEqual(
      found.items.map((x: { code: string }) => x.code),
      ['WH-NORTH'],
    );
    const page = await kit.ok(kit.s.viewer, 'GET', '/entities/warehouses?limit=1&offset=1');
    assert.equal(page.items.length, 1);
    assert.ok(page.total >= 2);
    assert.equal((await kit.ok(kit.s.viewer, 'GET', `/entities/warehouses/${w.id}`)).capacity, 5000);
    const renamed = await kit.ok(kit.s.analyst, 'PATCH', `/entities/warehouses/${w.id}`, {
      name: 'North hub',
      capacity: null,
    });
    assert.equal(renamed.name, 'North hub');
    assert.equal(renamed.capacity, null);
    assert.equal(renamed.code, 'WH-NORTH');
    const taken = await kit.call(kit.s.analyst, 'PATCH', `/entities/warehouses/${w.id}`, {
      code: 'WH-SOUTH',
    });
    assert.equal(taken.status, 409);
    assert.equal((await kit.call(kit.s.analyst, 'DELETE', `/entities/warehouses/${w.id}`)).status, 204);
    assert.equal((await kit.call(kit.s.viewer, 'GET', `/entities/warehouses/${w.id}`)).status, 404);
  });

  test('coordinates, capacity and opening hours are checked', async () => {
    const bad = [
      { latitude: 91 },
      { longitude: -180.5 },
      { capacity: -1 },
      { operatingHours: [{ start: '12:00', end: '08:00' }] },
      {
        operatingHours: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '14:00' },
        ],
      },
      { operatingHours: [{ start: '8:00', end: '12:00' }] },
    ];
    for (const extra of bad) {
      const res = await kit.call(kit.s.admin, 'POST', '/entities/warehouses', {
        code: 'BAD',
        name: 'Bad',
        ...extra,
      });
      assert.equal(res.status, 400, JSON.stringify(extra));
    }
    assert.equal((await kit.call(kit.s.viewer, 'GET', '/entities/warehouses?search=BAD')).body.total, 0);
  });

  test('a warehouse with inventory, orders, vehicles or demand is not deleted', async () => {
    const w = await kit.warehouse('WH-BUSY');
    const row = await kit.sku(w.id, 'BUSY-1');
    const res = await kit.call(kit.s.analyst, 'DELETE', `/entities/warehouses/${w.id}`);
    assert.equal(res.status, 409);
    assert.match(res.body.error.message, /inventory/);
    await kit.ok(kit.s.analyst, 'DELETE', `/entities/inventory/${row.id}`);
    const depot = await kit.warehouse('WH-DEPOT');
    const van = await kit.ok(kit.s.analyst, 'POST', '/entities/vehicles', {
      code: 'VAN-DEPOT',
      type: 'van',
      capacityKg: 1000,
      capacityM3: 10,
      depotId: depot.id,
    });
    assert.match(
      (await kit.call(kit.s.analyst, 'DELETE', `/entities/warehouses/${depot.id}`)).body.error.message,
      /vehicles/,
    );
    await kit.ok(kit.s.analyst, 'DELETE', `/entities/vehicles/${van.id}`);
    assert.equal((await kit.call(kit.s.analyst, 'DELETE', `/entities/warehouses/${depot.id}`)).status, 204);
    assert.equal((await kit.call(kit.s.analyst, 'DELETE', `/entities/warehouses/${w.id}`)).status, 204);
  });
});

describe('inventory', () => {
  test('a SKU once per warehouse; filters by warehouse, SKU prefix, search and category', async () => {
    const a = await kit.warehouse('INV-A');
    const b = await kit.warehouse('INV-B');
    await kit.sku(a.id, 'BOLT-M8', { description: 'Hex bolt M8', category: 'fasteners', onHand: 120 });
    await kit.sku(a.id, 'BOLT-M10', { category: 'fasteners' });
    await kit.sku(b.id, 'BOLT-M8', { category: 'fasteners' });
    await kit.sku(a.id, 'NUT_M8', { category: 'nuts' });
    const dup = await kit.call(kit.s.analyst, 'POST', '/entities/inventory', {
      warehouseId: a.id,
      sku: 'BOLT-M8',
    });
    assert.equal(dup.status, 409);
    const skus = async (query: string) =>
      (await kit.ok(kit.s.viewer, 'GET', `/entities/inventory?${query}`)).items.map(
        (r: { sku: string }) => r.sku,
      );
    assert.deepEqual(await skus(`warehouseId=${a.id}`), ['BOLT-M10', 'BOLT-M8', 'NUT_M8']);
    assert.deepEqual(await skus(`warehouseId=${a.id}&sku=BOLT`), ['BOLT-M10', 'BOLT-M8']);
    // `_` is a letter here, not LIKE's wildcard.
    assert.deepEqual(await skus('sku=NUT_'), ['NUT_M8']);
    assert.deepEqual(await skus('sku=NUTX'), []);
    assert.deepEqual(await skus('search=hex'), ['BOLT-M8']);
    assert.deepEqual(await skus(`category=fasteners&warehouseId=${b.id}`), ['BOLT-M8']);
  });

  test('quantities, costs, lead times and service levels are checked', async () => {
    const w = await kit.warehouse('INV-CHECK');
    const bad = [
      { onHand: -1 },
      { onOrder: -0.5 },
      { unitCost: -3 },
      { leadTimeDays: -1 },
      { leadTimeSdDays: -2 },
      { serviceLevel: 1 },
      { serviceLevel: 0 },
      { serviceLevel: 1.2 },
      { lotSize: 0 },
      { moq: -5 },
      { policy: 'minmax' },
      { sku: ' padded ' },
    ];
    for (const extra of bad) {
      const res = await kit.call(kit.s.analyst, 'POST', '/entities/inventory', {
        warehouseId: w.id,
        sku: 'CHK',
        ...extra,
      });
      assert.equal(res.status, 400, JSON.stringify(extra));
    }
    const row = await kit.sku(w.id, 'CHK', { serviceLevel: 0.999, leadTimeDays: 12.5, leadTimeSdDays: 3 });
    assert.equal(row.serviceLevel, 0.999);
    const patched = await kit.ok(kit.s.analyst, 'PATCH', `/entities/inventory/${row.id}`, {
      onHand: 40,
      policy: 'RS',
    });
    assert.equal(patched.onHand, 40);
    assert.equal(patched.policy, 'RS');
    assert.equal(patched.leadTimeDays, 12.5);
    // The warehouse and SKU are the row's identity.
    const moved = await kit.call(kit.s.analyst, 'PATCH', `/entities/inventory/${row.id}`, { sku: 'OTHER' });
    assert.equal(moved.status, 400);
  });

  test('an unknown warehouse, or another tenant’s, is a 400', async () => {
    const theirs = await kit.ok(kit.other, 'POST', '/entities/warehouses', {
      code: 'THEIRS',
      name: 'Theirs',
    });
    for (const warehouseId of [theirs.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await kit.call(kit.s.analyst, 'POST', '/entities/inventory', { warehouseId, sku: 'X' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.message, 'Unknown warehouseId');
    }
    assert.equal((await kit.call(kit.s.admin, 'GET', `/entities/warehouses/${theirs.id}`)).status, 404);
    assert.equal((await kit.call(kit.s.admin, 'DELETE', `/entities/warehouses/${theirs.id}`)).status, 404);
    assert.equal((await kit.call(kit.other, 'GET', `/entities/warehouses/${theirs.id}`)).status, 200);
  });
});

describe('vehicles, clients and assignments', () => {
  test('vehicles: capacities, shift and status checked; filters by status and depot', async () => {
    const depot = await kit.warehouse('VEH-DEPOT');
    const truck = await kit.ok(kit.s.analyst, 'POST', '/entities/vehicles', {
      code: 'TRK-1',
      type: 'truck',
      capacityKg: 12000,
      capacityM3: 40,
      costPerKm: 0.9,
      co2PerKm: 0.8,
      depotId: depot.id,
      shiftStart: '05:00',
      shiftEnd: '15:00',
      features: ['refrigerated', 'tail-lift'],
    });
    assert.deepEqual(truck.features, ['refrigerated', 'tail-lift']);
    assert.equal(truck.status, 'available');
    await kit.ok(kit.s.analyst, 'POST', '/entities/vehicles', {
      code: 'VAN-1',
      type: 'van',
      capacityKg: 900,
      capacityM3: 8,
      status: 'maintenance',
    });
    for (const extra of [
      { capacityKg: -1 },
      { shiftStart: '18:00', shiftEnd: '06:00' },
      { status: 'lost' },
    ]) {
      const res = await kit.call(kit.s.analyst, 'POST', '/entities/vehicles', {
        code: 'BAD-V',
        type: 'van',
        capacityKg: 1,
        capacityM3: 1,
        ...extra,
      });
      assert.equal(res.status, 400, JSON.stringify(extra));
    }
    const late = await kit.call(kit.s.analyst, 'PATCH', `/entities/vehicles/${truck.id}`, {
      shiftStart: '16:00',
    });
    assert.equal(late.status, 400);
    const codes = async (query: string) =>
      (await kit.ok(kit.s.viewer, 'GET', `/entities/vehicles?${query}`)).items.map(
        (v: { code: string }) => v.code,
      );
    assert.deepEqual(await codes('status=maintenance'), ['VAN-1']);
    assert.deepEqual(await codes(`depotId=${depot.id}`), ['TRK-1']);
    assert.deepEqual(await codes('search=truck'), ['TRK-1']);
  });

  test('clients: several delivery windows, priority, names unique', async () => {
    const client = await kit.client('Bistro Nord', {
      latitude: 48.1,
      longitude: 11.6,
      timeWindows: [
        { start: '14:00', end: '16:00' },
        { start: '07:00', end: '09:30' },
      ],
      serviceMinutes: 15,
      priority: 1,
      slaHours: 24,
    });
    assert.deepEqual(
      client.timeWindows.map((w: { start: string }) => w.start),
      ['07:00', '14:00'],
    );
    assert.equal(
      (await kit.call(kit.s.analyst, 'POST', '/entities/clients', { name: 'Bistro Nord' })).status,
      409,
    );
    for (const extra of [{ priority: 0 }, { priority: 6 }, { serviceMinutes: -1 }, { latitude: -91 }]) {
      const res = await kit.call(kit.s.analyst, 'POST', '/entities/clients', {
        name: 'Bad client',
        ...extra,
      });
      assert.equal(res.status, 400, JSON.stringify(extra));
    }
    const found = await kit.ok(kit.s.viewer, 'GET', '/entities/clients?search=bistro');
    assert.equal(found.total, 1);
  });

  test('assignments refer to a vehicle and an order; both are kept while assigned', async () => {
    const w = await kit.warehouse('ASG-W');
    const client = await kit.client('Assigned client');
    const van = await kit.ok(kit.s.analyst, 'POST', '/entities/vehicles', {
      code: 'ASG-VAN',
      type: 'van',
      capacityKg: 800,
      capacityM3: 6,
    });
    const order = await kit.ok(kit.s.analyst, 'POST', '/entities/orders', {
      clientId: client.id,
      warehouseId: w.id,
      lines: [{ sku: 'ASG-1', quantity: 2 }],
      requestedDate: '2025-05-02',
      status: 'draft',
    });
    const bad = await kit.call(kit.s.analyst, 'POST', '/entities/vehicle-assignments', {
      vehicleId: van.id,
      orderId: order.id,
      plannedStart: '2025-05-02T10:00:00Z',
      plannedEnd: '2025-05-02T09:00:00Z',
    });
    assert.equal(bad.status, 400);
    const unknown = await kit.call(kit.s.analyst, 'POST', '/entities/vehicle-assignments', {
      vehicleId: van.id,
      orderId: w.id,
    });
    assert.equal(unknown.body.error.message, 'Unknown orderId');
    const a = await kit.ok(kit.s.analyst, 'POST', '/entities/vehicle-assignments', {
      vehicleId: van.id,
      orderId: order.id,
      sequence: 3,
      plannedStart: '2025-05-02T08:00:00Z',
      plannedEnd: '2025-05-02T08:20:00Z',
    });
    assert.equal(a.plannedStart, '2025-05-02T08:00:00.000Z');
    const done = await kit.ok(kit.s.analyst, 'PATCH', `/entities/vehicle-assignments/${a.id}`, {
      status: 'completed',
      actualStart: '2025-05-02T08:05:00Z',
      actualEnd: '2025-05-02T08:30:00Z',
    });
    assert.equal(done.status, 'completed');
    const early = await kit.call(kit.s.analyst, 'PATCH', `/entities/vehicle-assignments/${a.id}`, {
      actualEnd: '2025-05-02T08:00:00Z',
    });
    assert.equal(early.status, 400);
    assert.equal(
      (await kit.ok(kit.s.viewer, 'GET', `/entities/vehicle-assignments?vehicleId=${van.id}`)).total,
      1,
    );
    assert.equal((await kit.call(kit.s.analyst, 'DELETE', `/entities/vehicles/${van.id}`)).status, 409);
    assert.equal((await kit.call(kit.s.analyst, 'DELETE', `/entities/orders/${order.id}`)).status, 409);
    assert.equal((await kit.call(kit.s.analyst, 'DELETE', `/entities/clients/${client.id}`)).status, 409);
    await kit.ok(kit.s.analyst, 'DELETE', `/entities/vehicle-assignments/${a.id}`);
    await kit.ok(kit.s.analyst, 'DELETE', `/entities/orders/${order.id}`);
    await kit.ok(kit.s.analyst, 'DELETE', `/entities/clients/${client.id}`);
    await kit.ok(kit.s.analyst, 'DELETE', `/entities/vehicles/${van.id}`);
  });
});

describe('roles', () => {
  test('everyone reads; analysts and admins change; operators and viewers do not', async () => {
    const w = await kit.warehouse('ROLE-W');
    for (const role of ['viewer', 'operator'] as const) {
      const s = kit.s[role];
      assert.equal((await kit.call(s, 'GET', '/entities/warehouses')).status, 200);
      assert.equal((await kit.call(s, 'GET', `/entities/warehouses/${w.id}`)).status, 200);
      assert.equal((await kit.call(s, 'POST', '/entities/warehouses', { code: 'R', name: 'R' })).status, 403);
      assert.equal((await kit.call(s, 'PATCH', `/entities/warehouses/${w.id}`, { name: 'R' })).status, 403);
      assert.equal((await kit.call(s, 'DELETE', `/entities/warehouses/${w.id}`)).status, 403);
    }
    assert.equal(
      (await kit.call(kit.s.analyst, 'PATCH', `/entities/warehouses/${w.id}`, { name: 'R' })).status,
      200,
    );
  });
});
