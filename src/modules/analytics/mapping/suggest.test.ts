import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CANONICAL_KEYS, REQUIRED_KEYS } from '../canonical.ts';
import { ERPS, renderWorkOrders, type WorkOrderTruth } from '../demo/generate.ts';
import { columnsFromRows, type MappingSuggestions, type SourceColumn, suggestMapping } from './suggest.ts';
import { editDistance, normalizeHeader } from './suggest-text.ts';

/** The demo export's header and first rows, split the simple way (the demo quotes only , " and ;). */
function demoColumns(truth: WorkOrderTruth, bytes: Buffer): SourceColumn[] {
  const text = new TextDecoder(truth.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8').decode(bytes);
  const split = (line: string) =>
    (line.match(new RegExp(`("([^"]|"")*"|[^"${truth.delimiter}]*)(${truth.delimiter}|$)`, 'g')) ?? [])
      .slice(0, -1)
      .map((cell) =>
        cell
          .replace(new RegExp(`${truth.delimiter}$`), '')
          .replace(/^"(.*)"$/s, '$1')
          .replaceAll('""', '"'),
      );
  const [header, ...rows] = text.split(/\r?\n/).filter(Boolean).map(split);
  return columnsFromRows(header as string[], rows);
}

const mapped = (result: MappingSuggestions) =>
  new Map(result.suggestions.filter((s) => s.column !== null).map((s) => [s.column as string, s.field]));

const headersOnly = (...headers: string[]) => headers.map((header) => ({ header, samples: [] }));
const fieldOf = (result: MappingSuggestions, column: string) =>
  result.suggestions.find((s) => s.column === column)?.field ?? null;

describe('auto-mapping of the demo ERP exports', () => {
  const report: string[] = [];
  for (const erp of ERPS) {
    for (const granularity of ['header', 'operation'] as const) {
      test(`${erp} (${granularity}): every required field right, nearly all mapped fields right`, () => {
        const { bytes, truth } = renderWorkOrders({ rows: 200, erp, seed: 21, granularity });
        const result = suggestMapping({ columns: demoColumns(truth, bytes) });
        const got = mapped(result);
        for (const key of REQUIRED_KEYS) {
          const column = Object.keys(truth.columns).find((c) => truth.columns[c] === key);
          assert.equal(got.get(column as string), key, `${erp}: ${key} from "${column}"`);
        }
        const expected = Object.entries(truth.columns).filter(([, key]) => key !== null);
        const right = expected.filter(([column, key]) => got.get(column) === key).length;
        const wrong = [...got].filter(([column, key]) => truth.columns[column] !== key);
        report.push(
          `${erp}/${granularity}: ${right}/${expected.length} mapped columns right, ${wrong.length} wrong`,
        );
        assert.ok(right / expected.length >= 0.9, `${erp}: ${right}/${expected.length}`);
        assert.ok(wrong.length <= 1, `${erp}: wrong ${JSON.stringify(wrong)}`);
        for (const [column, key] of Object.entries(truth.columns)) {
          if (key === null) assert.ok(result.unmapped.includes(column), `extra "${column}" stays unmapped`);
        }
        assert.equal(result.granularity, granularity);
        for (const [column, unit] of Object.entries(truth.units)) {
          const transform = result.suggestions.find((s) => s.column === column)?.transform;
          assert.equal(unit, 'min');
          assert.ok(Math.abs((transform?.scale ?? 0) - 1 / 60) < 1e-9, `"${column}" scaled minutes → hours`);
        }
      });
    }
  }
  test('per dialect', () => {
    assert.equal(report.length, ERPS.length * 2);
    console.log(`auto-mapping accuracy\n  ${report.join('\n  ')}`);
  });

  test('headers written another way (UPPER_SNAKE, camelCase, lower case) map the same', () => {
    const { bytes, truth } = renderWorkOrders({ rows: 100, erp: 'generic', seed: 3 });
    const columns = demoColumns(truth, bytes);
    const styles = [
      (h: string) => h.toUpperCase().replace(/[^A-Z0-9]+/g, '_'),
      (h: string) => h.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()),
      (h: string) => h.toLowerCase(),
    ];
    const reference = mapped(suggestMapping({ columns }));
    for (const style of styles) {
      const restyled = columns.map((c) => ({ ...c, header: style(c.header) }));
      const got = mapped(suggestMapping({ columns: restyled }));
      for (const [i, c] of columns.entries()) {
        assert.equal(
          got.get(restyled[i]?.header as string),
          reference.get(c.header),
          `${c.header} as ${restyled[i]?.header}`,
        );
      }
    }
  });
});

describe('suggestMapping', () => {
  /** Headers alone (no values) and the field each must map to (null: stays unmapped). */
  const expectFields = (pairs: [string, string | null][]) => {
    const result = suggestMapping({ columns: headersOnly(...pairs.map(([header]) => header)) });
    for (const [header, field] of pairs) assert.equal(fieldOf(result, header), field, header);
    return result;
  };

  test('French headers', () => {
    const result = expectFields([
      ['N° OF', 'workOrder'],
      ['Article', 'partNumber'],
      ['Poste de travail', 'workCenter'],
      ['Opérateur', 'operator'],
      ['Équipe', 'shift'],
      ['Fournisseur', 'supplier'],
      ['Quantité prévue', 'qtyPlanned'],
      ['Quantité bonne', 'qtyCompleted'],
      ['Quantité rebutée', 'qtyScrap'],
      ['Date de début prévue', 'plannedStart'],
      ['Fin réelle', 'actualEnd'],
      ['Heures réelles', 'laborHoursActual'],
      ["Temps d'arrêt (min)", 'downtimeMinutes'],
      ['Coût matière prévu', 'materialCostPlanned'],
      ['Panne', 'machineFailure'],
      ['Remarque', null],
    ]);
    const good = result.suggestions.find((s) => s.field === 'qtyCompleted');
    assert.equal(good?.reason, 'synonym');
    assert.match(good?.detail ?? '', /French name for Good quantity/);
  });

  test('Spanish headers', () => {
    expectFields([
      ['Orden de trabajo', 'workOrder'],
      ['Número de pieza', 'partNumber'],
      ['Centro de trabajo', 'workCenter'],
      ['Máquina', 'machine'],
      ['Operario', 'operator'],
      ['Turno', 'shift'],
      ['Proveedor', 'supplier'],
      ['Lote', 'materialLot'],
      ['Cantidad planificada', 'qtyPlanned'],
      ['Cantidad producida', 'qtyCompleted'],
      ['Cantidad rechazada', 'qtyScrap'],
      ['Fecha de entrega', 'plannedEnd'],
      ['Inicio real', 'actualStart'],
      ['Horas estándar', 'laborHoursPlanned'],
      ['Tiempo de parada', 'downtimeMinutes'],
      ['Avería', 'machineFailure'],
      ['Costo real', 'actualCostTotal'],
      ['Observaciones', null],
    ]);
  });

  test('Epicor and Dynamics column names', () => {
    expectFields([
      ['JobNum', 'workOrder'],
      ['PartNum', 'partNumber'],
      ['OprSeq', 'operationSeq'],
      ['ResourceGrpID', 'workCenter'],
      ['WrkCtrId', 'machine'],
      ['EmployeeNum', 'operator'],
      ['ProdQty', 'qtyPlanned'],
      ['QtyCompleted', 'qtyCompleted'],
      ['ScrapQty', 'qtyScrap'],
      ['ReqDueDate', 'plannedEnd'],
      ['LaborHrs', 'laborHoursActual'],
      ['EstProdHours', 'laborHoursPlanned'],
      ['ActMtlCost', 'materialCostActual'],
      ['EstMtlCost', 'materialCostPlanned'],
      ['ActBurdenCost', 'overheadCostActual'],
      ['VendorNum', 'supplier'],
    ]);
  });

  test('abbreviations, typos and units in headers', () => {
    const result = expectFields([
      ['Work Oder', 'workOrder'],
      ['Part #', 'partNumber'],
      ['Quantitiy Completed', 'qtyCompleted'],
      ['Qty. Scrapped', 'qtyScrap'],
      ['Act Labour Hrs', 'laborHoursActual'],
      ['Plan. Labour Hrs', 'laborHoursPlanned'],
      ['Downtime (hrs)', 'downtimeMinutes'],
      ['Mat. Cost Std', 'materialCostPlanned'],
      ['Mat. Cost Act.', 'materialCostActual'],
      ['Wrk Ctr', 'workCenter'],
      ['Setup (min)', 'setupHours'],
    ]);
    const downtime = result.suggestions.find((s) => s.field === 'downtimeMinutes');
    assert.deepEqual(downtime?.transform, { scale: 60 });
    const setup = result.suggestions.find((s) => s.field === 'setupHours');
    assert.ok(Math.abs((setup?.transform?.scale ?? 0) - 1 / 60) < 1e-12);
    const typo = result.suggestions.find((s) => s.field === 'workOrder');
    assert.equal(typo?.reason, 'header');
    assert.ok((typo?.confidence ?? 0) < 0.85, 'a typo is less certain than a synonym');
  });

  test('a correction the tenant saved wins the next time', () => {
    const columns = headersOnly(
      'Reference',
      'Product',
      'Quantity Produced',
      'Employee',
      'Responsible',
      'Equipment',
      'Work Center',
    );
    const before = suggestMapping({ columns });
    assert.equal(fieldOf(before, 'Employee'), 'operator');
    assert.equal(fieldOf(before, 'Responsible'), null);
    const learned = [
      { header: 'Responsible', field: 'operator', weight: 3 },
      { header: 'EQUIPMENT', field: 'workCenter', weight: 1 },
    ];
    const after = suggestMapping({ columns, learned });
    const operator = after.suggestions.find((s) => s.field === 'operator');
    assert.equal(operator?.column, 'Responsible');
    assert.equal(operator?.reason, 'profile');
    assert.match(operator?.detail ?? '', /saved profiles/);
    assert.ok((operator?.confidence ?? 0) > 0.95);
    assert.equal(fieldOf(after, 'Equipment'), 'workCenter', 'header matched whatever its case');
    assert.equal(fieldOf(after, 'Work Center'), null, 'the column the correction displaced is free again');
    assert.ok(operator?.alternatives.some((a) => a.column === 'Employee'));
  });

  test('the heavier learned field wins when a header was mapped two ways', () => {
    const learned = [
      { header: 'Zeit', field: 'setupHours', weight: 1 },
      { header: 'Zeit', field: 'runHours', weight: 7 },
    ];
    const result = suggestMapping({ columns: headersOnly('Zeit'), learned });
    assert.equal(fieldOf(result, 'Zeit'), 'runHours');
  });

  test('no column is used twice, and every field gets one suggestion', () => {
    for (const erp of ERPS) {
      const { bytes, truth } = renderWorkOrders({ rows: 60, erp, seed: 4, granularity: 'operation' });
      const columns = demoColumns(truth, bytes);
      // Duplicate every header under a variant name: candidates compete for the same fields.
      const doubled = [...columns, ...columns.map((c) => ({ ...c, header: `${c.header} 2` }))];
      const result = suggestMapping({ columns: doubled });
      const used = result.suggestions.flatMap((s) => (s.column === null ? [] : [s.column]));
      assert.equal(new Set(used).size, used.length, erp);
      assert.deepEqual(
        result.suggestions.map((s) => s.field),
        CANONICAL_KEYS,
      );
      assert.equal(result.unmapped.length + used.length, doubled.length);
    }
  });

  test('junk headers stay unmapped, with low confidence everywhere', () => {
    const junk = ['foo', 'Column 7', 'xyz_123', 'Remarks', 'Unnamed: 0', 'ZZ', '', 'Bemerkung'];
    const result = suggestMapping({
      columns: junk.map((header) => ({ header, samples: ['abc', 'def', 'ghi qwe'] })),
    });
    assert.deepEqual(result.unmapped, junk);
    for (const s of result.suggestions) {
      assert.equal(s.column, null);
      assert.equal(s.reason, null);
      for (const a of s.alternatives)
        assert.ok(a.confidence < 0.45, `${s.field}: ${a.column} ${a.confidence}`);
    }
  });

  test('values speak where headers say nothing: shift names, a yes/no flag', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      `WO-${i}`,
      ['Früh', 'Spät', 'Nacht'][i % 3] as string,
      i % 7 ? '' : 'X',
    ]);
    const result = suggestMapping({ columns: columnsFromRows(['Work order', 'Kz1', 'Kz2'], rows) });
    const shift = result.suggestions.find((s) => s.field === 'shift');
    assert.equal(shift?.column, 'Kz1');
    assert.equal(shift?.reason, 'pattern');
    const failure = result.suggestions.find((s) => s.field === 'machineFailure');
    assert.equal(failure?.column, 'Kz2');
    assert.equal(failure?.reason, 'pattern');
    assert.ok((failure?.confidence ?? 1) < 0.7, 'values alone are a weak reason');
  });

  test('values that contradict a header lower its confidence and say why', () => {
    const dates = ['01.02.2025', '03.02.2025', '05.02.2025'];
    const result = suggestMapping({ columns: [{ header: 'Scrap Qty', samples: dates }] });
    const scrap = result.suggestions.find((s) => s.field === 'qtyScrap');
    assert.ok((scrap?.confidence ?? 1) < 0.45 || /values are dates/.test(scrap?.detail ?? ''));
  });

  test('granularity: operation when work orders repeat over an operation column', () => {
    const rows = [
      ['1001', '10', 'P-1', '5'],
      ['1001', '20', 'P-1', '5'],
      ['1002', '10', 'P-2', '7'],
    ];
    const op = suggestMapping({
      columns: columnsFromRows(['Order', 'Operation', 'Material', 'Confirmed Yield'], rows),
    });
    assert.equal(op.granularity, 'operation');
    assert.equal(op.system, 'SAP');
    const orders = rows.map(([order, , part, good]) => [order, part, good] as string[]);
    const header = suggestMapping({
      columns: columnsFromRows(['Order', 'Material', 'Confirmed Yield'], orders),
    });
    assert.equal(header.granularity, 'header');
    assert.deepEqual(
      header.mappings.map((m) => [m.field, m.column]),
      [
        ['workOrder', 'Order'],
        ['partNumber', 'Material'],
        ['qtyCompleted', 'Confirmed Yield'],
      ],
    );
  });
});

describe('header text', () => {
  test('one normal form for the usual spellings', () => {
    const forms = ['Qty. Completed', 'QUANTITY_COMPLETED', 'qtyCompleted', 'quantity-completed'];
    assert.equal(new Set(forms.map((f) => normalizeHeader(f).compact)).size, 1);
    assert.deepEqual(normalizeHeader('Werkzeugverschleiß (Min)'), {
      tokens: ['werkzeugverschleiss'],
      compact: 'werkzeugverschleiss',
      sorted: 'werkzeugverschleiss',
      unit: 'min',
      qualifier: null,
    });
    assert.equal(normalizeHeader('Drehzahl (U/min)').unit, null, 'revolutions per minute are not minutes');
    assert.equal(normalizeHeader('Vorgabezeit Personal (Std)').unit, 'h');
    assert.equal(normalizeHeader('Std Labor Cost').qualifier, 'planned');
    assert.equal(normalizeHeader('Real Duration').qualifier, 'actual');
  });

  test('edit distance', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('workorder', 'workoder'), 1);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3, 'stops past the limit');
  });
});
