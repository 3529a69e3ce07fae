// Orders through their lifecycle and what each step does to stock: a confirmed purchase order is on
// order, receiving it puts its lines on hand; allocating a customer order reserves stock (409 when
// it is not there), shipping takes it out, cancelling gives it back. Steps out of order are 409s.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { supplyTestKit } from './testing.ts';

const kit = supplyTestKit('orders');

let warehouseId: string;
let clientId: string;
const stock = async (sku: string) => {
  const page = await kit.ok(kit.s.viewer, 'GET', `/entities/inventory?warehouseId=${warehouseId}&sku=${sku}`);
  const row = page.items.find((r: { sku: string }) => r.sku === sku);
  return { onHand: row.onHand, reserved: row.reserved, onOrder: row.onOrder };
};
const move = (id: string, status: string) =>
  kit.call(kit.s.analyst, 'PATCH', `/entities/orders/${id}`, { status });

// Once the kit's app is up (the describe blocks' hooks run after the file's), once.
let ready: Promise<void> | undefined;
const setUp = () => {
  ready ??= (async () => {
    warehouseId = (await kit.warehouse('ORD-W')).id;
    clientId = (await kit.client('Order client')).id;
    await kit.sku(warehouseId, 'A', { onHand: 100 });
    await kit.sku(warehouseId, 'B', { onHand: 5 });
  })();
  return ready;
};

describe('purchase orders', () => {
  before(setUp);
  test('confirmed: on order; received: on hand, off order, in the same step', async () => {
    const po = await kit.ok(kit.s.analyst, 'POST', '/entities/orders', {
      kind: 'purchase',
      supplier: 'Acme Supplies',
      warehouseId,
      lines: [
        { sku: 'A', quantity: 40 },
        { sku: 'B', quantity: 10 },
        { sku: 'A', quantity: 10 },
      ],
      requestedDate: '2025-06-01',
    });
    assert.equal(po.status, 'confirmed');
    assert.deepEqual(await stock('A'), { onHand: 100, reserved: 0, onOrder: 50 });
    assert.deepEqual(await stock('B'), { onHand: 5, reserved: 0, onOrder: 10 });
    assert.equal((await move(po.id, 'shipped')).status, 409);
    const received = await move(po.id, 'received');
    assert.equal(received.status, 200);
    assert.deepEqual(await stock('A'), { onHand: 150, reserved: 0, onOrder: 0 });
    assert.deepEqual(await stock('B'), { onHand: 15, reserved: 0, onOrder: 0 });
    // Received is final: receiving twice does not count twice.
    const again = await move(po.id, 'cancelled');
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /received is final/);
    assert.equal(
      (await kit.call(kit.s.analyst, 'PATCH', `/entities/orders/${po.id}`, { priority: 1 })).status,
      409,
    );
    assert.equal((await kit.call(kit.s.analyst, 'DELETE', `/entities/orders/${po.id}`)).status, 409);
    assert.deepEqual(await stock('A'), { onHand: 150, reserved: 0, onOrder: 0 });
  });

  test('a draft is not on order until confirmed; cancelling takes it off again', async () => {
    const po = await kit.ok(kit.s.analyst, 'POST', '/entities/orders', {
      kind: 'purchase',
      warehouseId,
      lines: [{ sku: 'B', quantity: 7 }],
      requestedDate: '2025-06-10',
      status: 'draft',
    });
    const before = await stock('B');
    assert.equal(before.onOrder, 0);
    // A draft's lines may still change.
    await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${po.id}`, { lines: [{ sku: 'B', quantity: 8 }] });
    await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${po.id}`, { status: 'confirmed' });
    assert.equal((await stock('B')).onOrder, 8);
    const fixed = await kit.call(kit.s.analyst, 'PATCH', `/entities/orders/${po.id}`, {
      lines: [{ sku: 'B', quantity: 1 }],
    });
    assert.equal(fixed.status, 409);
    await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${po.id}`, { status: 'cancelled' });
    assert.deepEqual(await stock('B'), before);
    await kit.ok(kit.s.analyst, 'DELETE', `/entities/orders/${po.id}`);
  });

  test('every line needs an inventory row at the warehouse', async () => {
    const res = await kit.call(kit.s.analyst, 'POST', '/entities/orders', {
      kind: 'purchase',
      warehouseId,
      lines: [{ sku: 'NOT-STOCKED', quantity: 1 }],
      requestedDate: '2025-06-01',
    });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /NOT-STOCKED/);
  });
});

describe('customer orders', () => {
  before(setUp);
  const order = (lines: { sku: string; quantity: number }[], extra: object = {}) =>
    kit.ok(kit.s.analyst, 'POST', '/entities/orders', {
      clientId,
      warehouseId,
      lines,
      requestedDate: '2025-06-03',
      windowStart: '08:00',
      windowEnd: '10:00',
      ...extra,
    });

  test('confirmed → allocated (reserved) → shipped (out of stock) → delivered', async () => {
    const start = await stock('A');
    const o = await order([{ sku: 'A', quantity: 30 }]);
    assert.equal((await move(o.id, 'shipped')).status, 409);
    await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${o.id}`, { status: 'allocated' });
    assert.deepEqual(await stock('A'), { ...start, reserved: start.reserved + 30 });
    await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${o.id}`, { status: 'shipped' });
    assert.deepEqual(await stock('A'), { ...start, onHand: start.onHand - 30 });
    const asked = Date.now();
    const delivered = await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${o.id}`, {
      status: 'delivered',
    });
    const answered = Date.now();
    assert.equal(delivered.status, 'delivered');
    assert.equal(delivered.deliveredQuantity, 30, 'all that was ordered, by default');
    const at = Date.parse(delivered.deliveredAt);
    assert.ok(
      at >= asked - 1000 && at <= answered + 1000,
      `delivered at the request: ${delivered.deliveredAt}`,
    );
    assert.equal((await move(o.id, 'cancelled')).status, 409);
    const listed = await kit.ok(
      kit.s.viewer,
      'GET',
      `/entities/orders?status=delivered&clientId=${clientId}`,
    );
    assert.deepEqual(
      listed.items.map((x: { id: string }) => x.id),
      [o.id],
    );
  });

  test('a delivery records the units and time the caller gives; only when the order is delivered', async () => {
    await stock('A');
    const o = await order([{ sku: 'A', quantity: 10 }]);
    const given = { deliveredAt: '2025-06-03T09:40:00.000Z', deliveredQuantity: 8 };
    assert.equal((await kit.call(kit.s.analyst, 'PATCH', `/entities/orders/${o.id}`, given)).status, 400);
    for (const status of ['allocated', 'shipped'])
      await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${o.id}`, { status });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const early = await kit.call(kit.s.analyst, 'PATCH', `/entities/orders/${o.id}`, {
      status: 'delivered',
      deliveredAt: future,
    });
    assert.equal(early.status, 400, 'a delivery in the future');
    const delivered = await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${o.id}`, {
      status: 'delivered',
      ...given,
    });
    assert.deepEqual([delivered.deliveredAt, delivered.deliveredQuantity], [given.deliveredAt, 8]);
    const again = await kit.call(kit.s.analyst, 'PATCH', `/entities/orders/${o.id}`, {
      deliveredQuantity: 9,
    });
    assert.equal(again.status, 400);
  });

  test('allocation needs available stock; cancelling an allocated order releases it', async () => {
    const b = await stock('B');
    const big = await order([{ sku: 'B', quantity: b.onHand + 1 }]);
    const refused = await move(big.id, 'allocated');
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /available stock/);
    assert.equal((await kit.ok(kit.s.viewer, 'GET', `/entities/orders/${big.id}`)).status, 'confirmed');
    assert.deepEqual(await stock('B'), b);
    const small = await order([{ sku: 'B', quantity: 2 }]);
    await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${small.id}`, { status: 'allocated' });
    assert.equal((await stock('B')).reserved, b.reserved + 2);
    await kit.ok(kit.s.analyst, 'PATCH', `/entities/orders/${small.id}`, { status: 'cancelled' });
    assert.deepEqual(await stock('B'), b);
    const unknownSku = await order([{ sku: 'NOWHERE', quantity: 1 }]);
    assert.equal((await move(unknownSku.id, 'allocated')).status, 409);
  });

  test('a customer order needs its client; windows are checked; lines 1..500 with positive quantities', async () => {
    const base = { warehouseId, requestedDate: '2025-06-03', lines: [{ sku: 'A', quantity: 1 }] };
    const bad = [
      {},
      { clientId: '00000000-0000-4000-8000-000000000000' },
      { clientId, windowStart: '10:00', windowEnd: '09:00' },
      { clientId, windowStart: '10:00' },
      { clientId, lines: [] },
      { clientId, lines: [{ sku: 'A', quantity: 0 }] },
      { clientId, lines: [{ sku: 'A', quantity: -2 }] },
      { clientId, lines: Array.from({ length: 501 }, () => ({ sku: 'A', quantity: 1 })) },
      { clientId, requestedDate: '2025-02-30' },
      { clientId, status: 'shipped' },
    ];
    for (const extra of bad) {
      const res = await kit.call(kit.s.analyst, 'POST', '/entities/orders', { ...base, ...extra });
      assert.equal(res.status, 400, JSON.stringify(extra).slice(0, 100));
    }
    const o = await order([{ sku: 'A', quantity: 1 }]);
    const noClient = await kit.call(kit.s.analyst, 'PATCH', `/entities/orders/${o.id}`, { clientId: null });
    assert.equal(noClient.status, 400);
    const list = await kit.ok(
      kit.s.viewer,
      'GET',
      '/entities/orders?from=2025-06-03&to=2025-06-03&sku=A&kind=customer',
    );
    assert.ok(list.items.every((x: { requestedDate: string }) => x.requestedDate === '2025-06-03'));
    assert.ok(list.items.some((x: { id: string }) => x.id === o.id));
  });
});
