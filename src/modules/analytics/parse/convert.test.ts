import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldMapping } from '../mapping/types.ts';
import { createRowConverter, MappingError, REASONS, validateMappings } from './convert.ts';
import { type ColumnProfileResult, fileHints, profileColumn } from './profile.ts';

const HEADERS = [
  'Auftrag',
  'Material',
  'Gutmenge',
  'Ausschuss',
  'Start',
  'Rüstzeit (min)',
  'Störung',
  'Bemerkung',
  'Kunde',
];
const BASE: FieldMapping[] = [
  { field: 'workOrder', column: 'Auftrag' },
  { field: 'partNumber', column: 'Material' },
  { field: 'qtyCompleted', column: 'Gutmenge' },
];

/** Profiles of each column from the rows, as the import's first pass makes them. */
function profilesOf(headers: string[], rows: string[][]): Map<string, ColumnProfileResult> {
  const columns = headers.map(() => profileColumn());
  for (const row of rows)
    row.forEach((cell, i) => {
      columns[i]?.add(cell);
    });
  return new Map(headers.map((h, i) => [h, columns[i]?.result() as ColumnProfileResult]));
}

describe('validateMappings', () => {
  it('accepts a mapping with every required field', () => {
    assert.deepEqual(validateMappings(HEADERS, BASE), []);
  });

  it('names each problem: unknown field or column, required field unmapped, a field mapped twice', () => {
    const problems = validateMappings(HEADERS, [
      { field: 'workOrder', column: 'Auftrag' },
      { field: 'workOrder', column: 'Material' },
      { field: 'nonsense', column: 'Material' },
      { field: 'qtyScrap', column: 'Menge' },
      { field: 'shift' },
      { field: 'operator', column: 'Kunde', constant: 'x' },
      { field: 'qtyPlanned', constant: 'many' },
      { field: 'actualStart', column: 'Start', transform: { dateFormat: 'QQ' } },
      {
        field: 'setupHours',
        column: 'Rüstzeit (min)',
        transform: { scale: 0, decimal: ',', thousands: ',' },
      },
      { field: 'runHours', column: 'Gutmenge', aggregation: 'median' as never },
    ]).map((p) => p.problem);
    assert.deepEqual(problems, [
      'field "workOrder" is mapped more than once',
      'unknown field "nonsense"',
      'column "Menge" is not in the file',
      'field "shift" needs a column or a constant',
      'field "operator" has both a column and a constant',
      'the constant for "qtyPlanned" is not a valid number',
      'unknown date format "QQ" for "actualStart"',
      'the scale for "setupHours" must be a non-zero number',
      'the decimal and thousands separators of "setupHours" are the same',
      'unknown aggregation "median" for "runHours"',
      'required field "Part number" is not mapped',
      'required field "Good quantity" is not mapped',
    ]);
  });

  it('finds columns ignoring case and surrounding spaces', () => {
    assert.deepEqual(validateMappings([' AUFTRAG ', 'material', 'gutmenge'], BASE), []);
  });

  it('the converter refuses mappings with problems', () => {
    assert.throws(() => createRowConverter({ headers: HEADERS, mappings: [] }), MappingError);
  });
});

describe('createRowConverter', () => {
  const rows = [
    ['WO-1', 'P-1', '1.234,5', '(3)', '01.02.2026 06:00', '90', 'X', 'ok', 'ACME'],
    ['WO-2', 'P-2', '12,25', '2-', '13.02.2026', '45', '', '', ''],
  ];
  const mappings: FieldMapping[] = [
    ...BASE,
    { field: 'qtyScrap', column: 'Ausschuss' },
    { field: 'actualStart', column: 'Start' },
    { field: 'setupHours', column: 'Rüstzeit (min)', transform: { scale: 1 / 60 } },
    { field: 'machineFailure', column: 'Störung' },
    { field: 'facility', constant: 'Plant 1' },
  ];
  const profiles = profilesOf(HEADERS, rows);
  const converter = createRowConverter({
    headers: HEADERS,
    mappings,
    profiles,
    hints: fileHints(profiles.values()),
  });

  it('converts by the column profiles: decimal comma, day-first dates, minutes to hours, SAP flags', () => {
    assert.deepEqual(converter.convert(rows[0] as string[]), {
      ok: false,
      values: {
        workOrder: 'WO-1',
        partNumber: 'P-1',
        qtyCompleted: 1234.5,
        qtyScrap: null,
        actualStart: Date.UTC(2026, 1, 1, 6),
        setupHours: 1.5,
        machineFailure: true,
        facility: 'Plant 1',
      },
      extra: { Bemerkung: 'ok', Kunde: 'ACME' },
      errors: [{ field: 'qtyScrap', column: 'Ausschuss', value: '(3)', reason: REASONS.negative }],
    });
    const second = converter.convert(rows[1] as string[]);
    assert.equal(second.values.qtyCompleted, 12.25);
    assert.equal(second.values.machineFailure, false);
    assert.deepEqual(second.extra, {});
    assert.deepEqual(
      second.errors.map((e) => e.reason),
      [REASONS.negative],
    );
  });

  it('adds an offset after scaling: kelvin to °C', () => {
    const headers = ['Auftrag', 'Material', 'Gutmenge', 'Air [K]'];
    const kelvin = [['WO-1', 'P-1', '5', '298.1']];
    const kProfiles = profilesOf(headers, kelvin);
    const k = createRowConverter({
      headers,
      mappings: [...BASE, { field: 'ambientTemperature', column: 'Air [K]', transform: { offset: -273.15 } }],
      profiles: kProfiles,
      hints: fileHints(kProfiles.values()),
    });
    assert.equal(k.convert(kelvin[0] as string[]).values.ambientTemperature, 24.95);
  });

  it('says how each column is read', () => {
    assert.deepEqual(
      converter.readings.find((r) => r.field === 'actualStart'),
      { field: 'actualStart', column: 'Start', date: 'DD.MM.YYYY', assumed: false },
    );
    assert.deepEqual(converter.readings.find((r) => r.field === 'qtyCompleted')?.number, {
      decimal: ',',
      thousands: '.',
    });
  });

  it('refuses a row without a required field, and values that are not of the field type', () => {
    const result = converter.convert(['', 'P-1', 'viel', '1', '31.02.2026', '5', 'vielleicht', '', '']);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.errors.map(({ field, reason, expected }) => ({ field, reason, expected })),
      [
        { field: 'workOrder', reason: 'required field is empty', expected: undefined },
        { field: 'qtyCompleted', reason: 'not a number', expected: 'like -1.234,5' },
        { field: 'actualStart', reason: 'not a date', expected: 'DD.MM.YYYY' },
        { field: 'machineFailure', reason: 'not a yes/no value', expected: undefined },
      ],
    );
  });

  it('a transform overrides the profile; a value map is checked first', () => {
    const c = createRowConverter({
      headers: ['Order', 'Part', 'Qty', 'Due', 'Failed', 'Defects'],
      mappings: [
        { field: 'workOrder', column: 'Order' },
        { field: 'partNumber', column: 'Part' },
        { field: 'qtyCompleted', column: 'Qty', transform: { decimal: ',', thousands: '' } },
        { field: 'plannedEnd', column: 'Due', transform: { dateFormat: 'MM/DD/YYYY' } },
        {
          field: 'machineFailure',
          column: 'Failed',
          transform: { valueMap: { Störung: true, '': false, OK: false } },
        },
        { field: 'defectCount', column: 'Defects', transform: { valueMap: { 'n/a': 0 } } },
      ],
      profiles: profilesOf(['Order', 'Part', 'Qty', 'Due'], [['A', 'B', '1.5', '01/02/2026']]),
    });
    const { values, errors } = c.convert(['A', 'B', '1,500', '01/02/2026', 'störung ', 'N/A']);
    assert.deepEqual(errors, []);
    assert.equal(values.qtyCompleted, 1.5);
    assert.equal(values.plannedEnd, Date.UTC(2026, 0, 2));
    assert.equal(values.machineFailure, true);
    assert.equal(values.defectCount, 0);
    assert.equal(c.convert(['A', 'B', '1', '', '', '']).values.machineFailure, false);
  });

  it('an ambiguous column is read as the hint says, and marked assumed', () => {
    const headers = ['Order', 'Part', 'Qty', 'Date'];
    const profiles = profilesOf(headers, [['A', 'B', '1', '01/02/2026']]);
    const mappings: FieldMapping[] = [
      ...BASE.map((m, i) => ({ ...m, column: headers[i] })),
      { field: 'actualEnd', column: 'Date' },
    ];
    const us = createRowConverter({ headers, mappings, profiles, hints: { dayFirst: false } });
    assert.equal(us.convert(['A', 'B', '1', '01/02/2026']).values.actualEnd, Date.UTC(2026, 0, 2));
    assert.equal(us.readings.find((r) => r.field === 'actualEnd')?.assumed, true);
    const eu = createRowConverter({ headers, mappings, profiles, hints: { dayFirst: true } });
    assert.equal(eu.convert(['A', 'B', '1', '01/02/2026']).values.actualEnd, Date.UTC(2026, 1, 1));
  });

  it('reads Excel serial dates in a CSV column, the time from the fraction', () => {
    const headers = ['Order', 'Part', 'Qty', 'Start'];
    const rows = [
      ['A', 'B', '1', '46037.354166666664'],
      ['A', 'B', '1', '46038'],
    ];
    const c = createRowConverter({
      headers,
      mappings: [
        ...BASE.map((m, i) => ({ ...m, column: headers[i] })),
        { field: 'actualStart', column: 'Start' },
      ],
      profiles: profilesOf(headers, rows),
    });
    assert.equal(c.convert(rows[0] as string[]).values.actualStart, Date.UTC(2026, 0, 15, 8, 30));
    assert.equal(c.convert(rows[1] as string[]).values.actualStart, Date.UTC(2026, 0, 16));
  });

  it('refuses a negative quantity written with a trailing minus or in parentheses, but not a temperature', () => {
    const headers = ['Order', 'Part', 'Qty', 'Temp'];
    const c = createRowConverter({
      headers,
      mappings: [
        ...BASE.map((m, i) => ({ ...m, column: headers[i] })),
        { field: 'processTemperature', column: 'Temp' },
      ],
    });
    const row = c.convert(['A', 'B', '5-', '(12.5)']);
    assert.deepEqual(
      row.errors.map((e) => [e.field, e.reason]),
      [['qtyCompleted', 'must not be negative']],
    );
    assert.equal(row.values.processTemperature, -12.5);
  });
});
