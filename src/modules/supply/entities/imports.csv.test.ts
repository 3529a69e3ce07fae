import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ColumnsError, mapColumns, normalName, rowReader } from './imports.csv.ts';

const formats = { decimal: '.', dateFormat: 'YYYY-MM-DD' } as const;

test('headers match a field whatever their case, spaces and punctuation', () => {
  assert.equal(normalName('Warehouse Code'), normalName('warehouse_code'));
  assert.equal(normalName('warehouseCode'), 'warehousecode');
  const mapping = mapColumns('demand', ['Item', 'LOCATION', 'Day', 'Sales', 'Notes']);
  assert.deepEqual(Object.fromEntries(mapping.index), { sku: 0, warehouse: 1, day: 2, quantity: 3 });
  assert.deepEqual(mapping.ignored, ['Notes']);
});

test('a file without a required column names what is missing and what it has', () => {
  assert.throws(
    () => mapColumns('demand', ['sku', 'date', 'qty']),
    (err: unknown) =>
      err instanceof ColumnsError &&
      /no column for warehouse/.test(err.message) &&
      /sku, date, qty/.test(err.message),
  );
});

test('a column is used once: the first field that names it takes it', () => {
  // `warehouse` names a warehouse file's code; its name then comes from `name`, not the same column.
  const mapping = mapColumns('warehouses', ['warehouse', 'name']);
  assert.deepEqual(Object.fromEntries(mapping.index), { code: 0, name: 1 });
});

test('cells are read as their field’s type; empty cells are left out, unreadable ones reported', () => {
  const mapping = mapColumns('clients', ['name', 'delivery windows', 'priority', 'service time', 'lat']);
  const read = rowReader('clients', mapping, { decimal: ',', dateFormat: 'DD.MM.YYYY' });
  assert.deepEqual(read(['Café', '7:00-9:30; 14:00 – 16:00', '2', '12,5', '']), {
    values: {
      name: 'Café',
      timeWindows: [
        { start: '07:00', end: '09:30' },
        { start: '14:00', end: '16:00' },
      ],
      priority: 2,
      serviceMinutes: 12.5,
    },
    errors: [],
  });
  assert.deepEqual(read(['', 'morning', '2.5', 'x', '1']).errors, [
    { column: 'name', message: 'is empty' },
    { column: 'delivery windows', message: '"morning" is not a window HH:MM-HH:MM' },
    { column: 'service time', message: 'not a number' },
    // A point is not the decimal mark here.
    { column: 'priority', message: 'not a number' },
  ]);
});

test('dates in the chosen format, booleans in the usual words', () => {
  const mapping = mapColumns('demand', ['sku', 'site', 'date', 'qty', 'promo']);
  const dayFirst = rowReader('demand', mapping, { ...formats, dateFormat: 'DD.MM.YYYY' });
  assert.deepEqual(dayFirst(['A', 'W', '29.02.2024', '3', 'ja']).values, {
    sku: 'A',
    warehouse: 'W',
    day: '2024-02-29',
    quantity: 3,
    promotion: true,
  });
  const iso = rowReader('demand', mapping, formats);
  assert.deepEqual(iso(['A', 'W', '2024-02-29T10:15:00', '3', 'no']).values.day, '2024-02-29');
  assert.deepEqual(
    iso(['A', 'W', '29.02.2024', 'NaN', 'perhaps']).errors.map((e) => e.column),
    ['date', 'qty', 'promo'],
  );
});

test('routing loads: unit weights of inventory, an order’s weight, volume and required features', () => {
  const stock = mapColumns('inventory', ['warehouse', 'sku', 'unit weight', 'unit_volume_m3']);
  const readStock = rowReader('inventory', stock, formats);
  assert.deepEqual(readStock(['BHM', 'A', '2.5', '0.004']).values, {
    warehouse: 'BHM',
    sku: 'A',
    unitWeightKg: 2.5,
    unitVolumeM3: 0.004,
  });
  const orders = mapColumns('orders', [
    'reference',
    'warehouse',
    'sku',
    'qty',
    'date',
    'weight_kg',
    'volume',
    'required features',
  ]);
  const readOrder = rowReader('orders', orders, formats);
  assert.deepEqual(
    readOrder(['SO-1', 'BHM', 'A', '3', '2025-01-02', '120', '1.5', 'refrigerated; tail_lift']).values,
    {
      reference: 'SO-1',
      warehouse: 'BHM',
      sku: 'A',
      quantity: 3,
      requestedDate: '2025-01-02',
      weightKg: 120,
      volumeM3: 1.5,
      requiredFeatures: ['refrigerated', 'tail_lift'],
    },
  );
});
