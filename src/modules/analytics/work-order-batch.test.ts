import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CANONICAL_FIELDS } from './canonical.ts';
import { WorkOrderBatch, type WorkOrderValues } from './work-order-batch.ts';

const row = (rowNo: number, values: WorkOrderValues['values'], extra: WorkOrderValues['extra'] = null) => ({
  rowNo,
  operations: rowNo === 3 ? 4 : null,
  values,
  extra,
});

test('a batch keeps each field as a column: numbers (NaN where empty), texts, row numbers, extras as JSON', () => {
  const batch = new WorkOrderBatch(4);
  batch.add(
    row(2, { workOrder: 'WO-1', qtyPlanned: 12.5, machineFailure: true, actualStart: 1_700_000_000_123 }),
  );
  const values = { workOrder: 'WO-2', machine: 'M 7', qtyPlanned: -0, machineFailure: false };
  batch.add(row(3, values, { Farbe: 'rot' }));
  // The row's object is copied, not kept: changing it later changes nothing.
  values.workOrder = 'changed';
  batch.add(row(5, { workOrder: null, qtyPlanned: null }));
  assert.equal(batch.length, 3);
  assert.deepEqual([...batch.rowNos.subarray(0, 3)], [2, 3, 5]);
  assert.deepEqual(batch.operations, [null, 4, null]);
  assert.deepEqual(batch.extras, [null, '{"Farbe":"rot"}', null]);
  assert.deepEqual(batch.texts.workOrder, ['WO-1', 'WO-2', null]);
  assert.deepEqual(batch.texts.machine, [null, 'M 7', null]);
  assert.deepEqual([...batch.numbersOf('qtyPlanned')], [12.5, -0, Number.NaN]);
  assert.ok(Object.is(batch.numbersOf('qtyPlanned')[1], -0));
  assert.deepEqual([...batch.numbersOf('machineFailure')], [1, 0, Number.NaN]);
  assert.deepEqual([...batch.numbersOf('actualStart')], [1_700_000_000_123, Number.NaN, Number.NaN]);
  assert.throws(() => batch.numbersOf('workOrder'), /not a number field/);
  // Every canonical field has its column.
  for (const { key, type } of CANONICAL_FIELDS)
    if (type === 'text') assert.equal(batch.texts[key]?.length, 3, key);
    else assert.equal(batch.numbersOf(key).length, 3, key);
});

test('a batch holds as many work orders as it was made for', () => {
  const batch = WorkOrderBatch.of([row(2, {}), row(3, {})]);
  assert.equal(batch.length, 2);
  assert.throws(() => batch.add(row(4, {})), /the batch is full \(2 work orders\)/);
  assert.equal(new WorkOrderBatch(0).numbersOf('qtyPlanned').length, 0);
});
