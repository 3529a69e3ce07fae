import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoCatalogue, demoStockPoints } from './catalogue.ts';
import { DEMO_CLIENTS, DEMO_VEHICLES, DEMO_WAREHOUSES } from './network.ts';
import { demoOrders } from './orders.ts';

const TODAY = '2026-03-10';
const items = demoCatalogue();
const { orders, assignments, stockPoints } = demoOrders(demoStockPoints(items), TODAY);
const key = (warehouse: string, sku: string) => `${warehouse}|${sku}`;

describe('demo catalogue', () => {
  test('200 distinct SKUs in the six categories, described, each stocked at one to three warehouses', () => {
    assert.equal(items.length, 200);
    assert.equal(new Set(items.map((i) => i.sku)).size, 200);
    assert.equal(new Set(items.map((i) => i.description)).size, 200);
    assert.deepEqual([...new Set(items.map((i) => i.category))].sort(), [
      'bearings',
      'castings',
      'electrical',
      'fasteners',
      'packaging',
      'seals',
    ]);
    const codes = DEMO_WAREHOUSES.map((w) => w.code);
    for (const i of items) {
      assert.ok(i.warehouses.length >= 1 && i.warehouses.length <= 3, i.sku);
      assert.ok(i.warehouses.every((w) => codes.includes(w)));
    }
    assert.ok(stockPoints.length >= 270 && stockPoints.length <= 330, `${stockPoints.length} stock points`);
  });

  test('replenishment parameters lie in their ranges and both policies and service kinds occur', () => {
    for (const p of stockPoints) {
      const at = `${p.item.sku}@${p.warehouse}`;
      assert.ok(p.leadTimeDays >= 3 && p.leadTimeDays <= 30, at);
      assert.ok(p.leadTimeSdDays > 0 && p.leadTimeSdDays < p.leadTimeDays, at);
      assert.ok(p.item.serviceLevel >= 0.9 && p.item.serviceLevel <= 0.99, at);
      assert.ok(p.item.unitCost > 0 && p.orderingCost > 0, at);
      assert.ok(p.item.holdingCostRate > 0.1 && p.item.holdingCostRate < 0.3, at);
      assert.ok(p.moq >= p.item.lotSize && p.moq % p.item.lotSize === 0, at);
      assert.ok(Number.isInteger(p.onHand) && p.onHand >= 0, at);
      assert.ok([7, 14].includes(p.item.reviewPeriodDays), at);
    }
    for (const policy of ['sQ', 'RS'])
      assert.ok(
        items.some((i) => i.policy === policy),
        policy,
      );
    for (const kind of ['cycle', 'fill_rate'])
      assert.ok(
        items.some((i) => i.serviceKind === kind),
        kind,
      );
  });

  test('stock follows demand: some stock points hold less than their lead time needs, most hold more', () => {
    const low = stockPoints.filter((p) => p.onHand < p.dailyDemand * p.leadTimeDays);
    const share = low.length / stockPoints.length;
    assert.ok(share > 0.15 && share < 0.35, `${low.length} below their lead-time demand`);
    for (const p of stockPoints.filter((x) => !x.belowReorderPoint))
      assert.ok(
        p.onHand >= Math.floor(p.dailyDemand * (p.leadTimeDays + 15)),
        `${p.item.sku}@${p.warehouse}`,
      );
    const byWarehouse = new Map<string, number>();
    for (const p of stockPoints) byWarehouse.set(p.warehouse, (byWarehouse.get(p.warehouse) ?? 0) + p.onHand);
    for (const w of DEMO_WAREHOUSES) {
      const stored = byWarehouse.get(w.code) ?? 0;
      assert.ok(
        stored > 0.3 * w.capacity && stored < 0.8 * w.capacity,
        `${w.code} holds ${stored} of ${w.capacity}`,
      );
    }
  });
});

describe('demo orders', () => {
  test('a handful of open customer orders and two or three purchase orders', () => {
    const customer = orders.filter((o) => o.kind === 'customer');
    const purchase = orders.filter((o) => o.kind === 'purchase');
    assert.ok(customer.length >= 8 && customer.length <= 15);
    assert.ok(purchase.length >= 2 && purchase.length <= 3);
    const stocked = new Set(stockPoints.map((p) => key(p.warehouse, p.item.sku)));
    for (const o of orders) {
      assert.ok(o.lines.length > 0, o.reference);
      for (const l of o.lines) {
        assert.ok(
          stocked.has(key(o.warehouse, l.sku)),
          `${o.reference}: ${l.sku} is not stocked at ${o.warehouse}`,
        );
        assert.ok(Number.isInteger(l.quantity) && l.quantity > 0);
      }
      assert.ok(o.requestedDate > TODAY, `${o.reference} is due after today`);
      if (o.kind === 'customer')
        assert.ok(DEMO_CLIENTS.some((c) => c.name === o.client && c.servedFrom === o.warehouse));
      else
        assert.ok(
          stockPoints.some((p) => p.warehouse === o.warehouse && p.item.supplier.name === o.supplier),
        );
    }
  });

  test('on order is the sum of open purchase lines and reserved the sum of allocated lines', () => {
    const onOrder = new Map<string, number>();
    const reserved = new Map<string, number>();
    for (const o of orders)
      for (const l of o.lines) {
        const k = key(o.warehouse, l.sku);
        if (o.kind === 'purchase') onOrder.set(k, (onOrder.get(k) ?? 0) + l.quantity);
        if (o.status === 'allocated') reserved.set(k, (reserved.get(k) ?? 0) + l.quantity);
      }
    assert.ok(onOrder.size >= 4);
    for (const p of stockPoints) {
      const k = key(p.warehouse, p.item.sku);
      assert.equal(p.onOrder, onOrder.get(k) ?? 0, k);
      assert.equal(p.reserved, reserved.get(k) ?? 0, k);
      assert.ok(p.reserved <= p.onHand, k);
    }
  });

  test('two to four assignments put allocated orders on vehicles based at their warehouse', () => {
    assert.ok(assignments.length >= 2 && assignments.length <= 4);
    for (const a of assignments) {
      const order = orders.find((o) => o.reference === a.order);
      const vehicle = DEMO_VEHICLES.find((v) => v.code === a.vehicle);
      assert.equal(order?.status, 'allocated');
      assert.equal(vehicle?.depot, order?.warehouse);
      assert.ok(a.plannedEnd > a.plannedStart);
    }
    assert.deepEqual(demoOrders(demoStockPoints(items), TODAY), { orders, assignments, stockPoints });
  });
});
