import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deletable, deliveryOf, isFinal, linesEditable, nextStatuses, stockChange } from './lifecycle.ts';

test('each kind moves along its own lifecycle; final statuses go nowhere', () => {
  assert.deepEqual(nextStatuses('customer', 'confirmed'), ['allocated', 'cancelled']);
  assert.deepEqual(nextStatuses('customer', 'shipped'), ['delivered']);
  assert.deepEqual(nextStatuses('purchase', 'confirmed'), ['received', 'cancelled']);
  assert.deepEqual(nextStatuses('transfer', 'shipped'), ['received']);
  for (const kind of ['customer', 'purchase', 'transfer'] as const)
    for (const status of ['delivered', 'received', 'cancelled'] as const) {
      assert.deepEqual(nextStatuses(kind, status), []);
      assert.ok(isFinal(kind, status));
    }
  // Nothing is cancelled once it has left the warehouse.
  assert.ok(!nextStatuses('customer', 'shipped').includes('cancelled'));
  assert.ok(!nextStatuses('transfer', 'shipped').includes('cancelled'));
});

test('what each step does to stock', () => {
  assert.deepEqual(stockChange('purchase', 'draft', 'confirmed'), { onOrder: 1 });
  assert.deepEqual(stockChange('purchase', 'confirmed', 'received'), { onHand: 1, onOrder: -1 });
  assert.deepEqual(stockChange('purchase', 'confirmed', 'cancelled'), { onOrder: -1 });
  assert.equal(stockChange('purchase', 'draft', 'cancelled'), null);
  assert.equal(stockChange('transfer', 'confirmed', 'shipped'), null);
  assert.deepEqual(stockChange('transfer', 'shipped', 'received'), { onHand: 1, onOrder: -1 });
  assert.deepEqual(stockChange('customer', 'confirmed', 'allocated'), {
    reserved: 1,
    requireAvailable: true,
  });
  assert.deepEqual(stockChange('customer', 'allocated', 'shipped'), { onHand: -1, reserved: -1 });
  assert.deepEqual(stockChange('customer', 'allocated', 'cancelled'), { reserved: -1 });
  assert.equal(stockChange('customer', 'confirmed', 'cancelled'), null);
  assert.equal(stockChange('customer', 'shipped', 'delivered'), null);
});

test('lines change only while the order holds no stock; only drafts and cancelled orders are deleted', () => {
  assert.ok(linesEditable('customer', 'confirmed'));
  assert.ok(!linesEditable('purchase', 'confirmed'));
  assert.ok(!linesEditable('customer', 'allocated'));
  assert.ok(linesEditable('transfer', 'draft'));
  assert.deepEqual(
    (['draft', 'confirmed', 'allocated', 'shipped', 'delivered', 'received', 'cancelled'] as const).filter(
      deletable,
    ),
    ['draft', 'cancelled'],
  );
});

test('a delivery records its time and units: all that were ordered unless told, never in the future', () => {
  const now = new Date('2025-06-03T12:00:00Z');
  const lines = [{ quantity: 30 }, { quantity: 12.5 }];
  assert.deepEqual(deliveryOf(lines, {}, now), { deliveredAt: now, deliveredQuantity: 42.5 });
  assert.deepEqual(deliveryOf(lines, { deliveredAt: '2025-06-03T09:15:00Z', deliveredQuantity: 40 }, now), {
    deliveredAt: new Date('2025-06-03T09:15:00Z'),
    deliveredQuantity: 40,
  });
  assert.equal(deliveryOf(lines, { deliveredAt: '2025-06-03T13:00:00Z' }, now), null);
});
