import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldMapping } from '../mapping/types.ts';
import { createRowConverter } from './convert.ts';
import { profileColumn } from './profile.ts';
import { createRollup } from './rollup.ts';

describe('createRollup', () => {
  // An operation-level export: three operations of WO-1, two of WO-2, in file order.
  const headers = [
    'Order',
    'Op',
    'Part',
    'Good',
    'Scrap',
    'Setup',
    'Start',
    'End',
    'Temp',
    'WC',
    'Failure',
    'Reason',
  ];
  const rows = [
    [
      'WO-1',
      '10',
      'P-1',
      '100',
      '2',
      '0,5',
      '03.02.2026 06:00',
      '03.02.2026 08:00',
      '20',
      'SAW',
      '',
      'Blade',
    ],
    ['WO-2', '10', 'P-2', '50', '', '1', '04.02.2026 07:00', '04.02.2026 09:00', '', 'SAW', 'X', ''],
    [
      'WO-1',
      '20',
      'P-1',
      '98',
      '1',
      '0,25',
      '03.02.2026 08:15',
      '03.02.2026 11:00',
      '22',
      'MILL',
      '',
      'Coolant',
    ],
    ['WO-1', '30', 'P-1', '97', '', '', '02.02.2026 23:00', '03.02.2026 12:30', '27', 'DEBURR', 'X', ''],
    [
      'WO-2',
      '20',
      'P-2',
      '49',
      '1',
      '0,75',
      '04.02.2026 09:30',
      '04.02.2026 10:00',
      '30',
      'MILL',
      '',
      'Chip',
    ],
  ];
  const mappings: FieldMapping[] = [
    { field: 'workOrder', column: 'Order' },
    { field: 'operationSeq', column: 'Op' },
    { field: 'partNumber', column: 'Part' },
    { field: 'qtyCompleted', column: 'Good' }, // default: last
    { field: 'qtyScrap', column: 'Scrap' }, // default: sum
    { field: 'setupHours', column: 'Setup', aggregation: 'avg' },
    { field: 'actualStart', column: 'Start' }, // default: min
    { field: 'actualEnd', column: 'End' }, // default: max
    { field: 'processTemperature', column: 'Temp', aggregation: 'max' },
    { field: 'workCenter', column: 'WC', aggregation: 'sum' }, // text: falls back to first
    { field: 'machineFailure', column: 'Failure', aggregation: 'sum' }, // flag: any
    { field: 'downtimeReason', column: 'Reason', aggregation: 'last' },
  ];

  it('aggregates an operation-level file exactly as each field says', () => {
    const columns = headers.map(() => profileColumn());
    for (const row of rows)
      row.forEach((cell, i) => {
        columns[i]?.add(cell);
      });
    const profiles = new Map(headers.map((h, i) => [h, columns[i]?.result() ?? profileColumn().result()]));
    const converter = createRowConverter({ headers, mappings, profiles });
    const rollup = createRollup(mappings);
    rows.forEach((row, i) => {
      const converted = converter.convert(row);
      assert.deepEqual(converted.errors, []);
      rollup.add(converted.values, i + 2);
    });
    assert.equal(rollup.size, 2);
    const t = (day: number, h: number, m = 0) => Date.UTC(2026, 1, day, h, m);
    assert.deepEqual(
      [...rollup.results()],
      [
        {
          workOrder: 'WO-1',
          operations: 3,
          firstRow: 2,
          values: {
            workOrder: 'WO-1',
            operationSeq: '10',
            partNumber: 'P-1',
            qtyCompleted: 97,
            qtyScrap: 3,
            setupHours: 0.375,
            actualStart: t(2, 23),
            actualEnd: t(3, 12, 30),
            processTemperature: 27,
            workCenter: 'SAW',
            machineFailure: true,
            downtimeReason: 'Coolant',
          },
        },
        {
          workOrder: 'WO-2',
          operations: 2,
          firstRow: 3,
          values: {
            workOrder: 'WO-2',
            operationSeq: '10',
            partNumber: 'P-2',
            qtyCompleted: 49,
            qtyScrap: 1,
            setupHours: 0.875,
            actualStart: t(4, 7),
            actualEnd: t(4, 10),
            processTemperature: 30,
            workCenter: 'SAW',
            machineFailure: true,
            downtimeReason: 'Chip',
          },
        },
      ],
    );
  });

  it('leaves a field empty when every operation has it empty, and min/first skip empties', () => {
    const rollup = createRollup([
      { field: 'workOrder', column: 'a' },
      { field: 'qtyRework', column: 'b' },
      { field: 'plannedStart', column: 'c' },
      { field: 'operator', column: 'd', aggregation: 'first' },
    ]);
    rollup.add({ workOrder: 'W', qtyRework: null, plannedStart: null, operator: null });
    rollup.add({ workOrder: 'W', qtyRework: null, plannedStart: 5, operator: 'Ann' });
    rollup.add({ workOrder: 'W', qtyRework: null, plannedStart: 9, operator: 'Bob' });
    const [result] = [...rollup.results()];
    assert.deepEqual(result?.values, { workOrder: 'W', qtyRework: null, plannedStart: 5, operator: 'Ann' });
    assert.equal(result?.operations, 3);
  });

  it('sums many decimals as written (compensated)', () => {
    const rollup = createRollup([
      { field: 'workOrder', column: 'a' },
      { field: 'laborHoursActual', column: 'b' },
    ]);
    for (let i = 0; i < 10; i++) rollup.add({ workOrder: 'W', laborHoursActual: 0.1 });
    assert.equal([...rollup.results()][0]?.values.laborHoursActual, 1);
  });
});
