import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CANONICAL_KEYS, FIELD_BY_KEY, REQUIRED_KEYS } from '../canonical.ts';
import { EPOCH_MS, EXCEL_EPOCH_SERIAL } from './format.ts';
import { ERPS, type Erp, generateWorkOrders, renderWorkOrders, type WorkOrderTruth } from './generate.ts';
import { DAYS, DAYS_MARGIN } from './orders.ts';
import { measurePatterns } from './truth.ts';

// A reader of the demo files that knows their conventions from the truth JSON alone: it checks that
// the bytes say what the truth says, independently of the generator's own bookkeeping.
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function dayOf(text: string, pattern: string): number {
  if (pattern === 'excel') return Number(text) - EXCEL_EPOCH_SERIAL;
  const n = (re: RegExp) => (text.match(re) ?? []).slice(1).map((x) => x);
  let y: number;
  let m: number;
  let d: number;
  if (pattern === 'MM/DD/YYYY')
    [m, d, y] = n(/^(\d\d)\/(\d\d)\/(\d{4})$/).map(Number) as [number, number, number];
  else if (pattern === 'DD.MM.YYYY')
    [d, m, y] = n(/^(\d\d)\.(\d\d)\.(\d{4})$/).map(Number) as [number, number, number];
  else if (pattern === 'YYYYMMDD')
    [y, m, d] = n(/^(\d{4})(\d\d)(\d\d)$/).map(Number) as [number, number, number];
  else if (pattern === 'DD-MON-YYYY') {
    const [dd, mon, yyyy] = n(/^(\d\d)-([A-Z]{3})-(\d{4})$/) as [string, string, string];
    [d, m, y] = [Number(dd), MONTHS.indexOf(mon) + 1, Number(yyyy)];
  } else [y, m, d] = n(/^(\d{4})-(\d\d)-(\d\d)/).map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - EPOCH_MS) / 86_400_000;
}

type Order = Record<string, string | number | boolean>;

/** The file's rows as canonical values, operation rows rolled up by the canonical aggregations. */
function readBack(bytes: Buffer, truth: WorkOrderTruth): Order[] {
  const encoding = truth.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  const [header, ...rows] = parseCsv(text, truth.delimiter);
  assert.deepEqual(header, Object.keys(truth.columns));
  const number = (s: string) => {
    if (s === '') return Number.NaN;
    const plain = truth.thousands ? s.replaceAll(truth.thousands, '') : s;
    return Number(truth.decimal === ',' ? plain.replace(',', '.') : plain);
  };
  const orders = new Map<string, Order[]>();
  for (const cells of rows) {
    assert.equal(cells.length, header?.length);
    const rec: Order = {};
    cells.forEach((cell, i) => {
      const name = (header as string[])[i] as string;
      const key = truth.columns[name];
      if (!key) return;
      const type = FIELD_BY_KEY.get(key)?.type;
      if (type === 'date') rec[key] = dayOf(cell, truth.dateFormats[name] as string);
      else if (type === 'boolean') rec[key] = ['X', 'Y', 'True', '1'].includes(cell);
      else if (type === 'number') rec[key] = number(cell) / (truth.units[name] === 'min' ? 60 : 1);
      else rec[key] = cell;
    });
    const wo = rec.workOrder as string;
    orders.set(wo, [...(orders.get(wo) ?? []), rec]);
  }
  return [...orders.values()].map((ops) => {
    const out: Order = {};
    for (const key of Object.keys(ops[0] as Order)) {
      const values = ops.map((op) => op[key]).filter((v) => v !== undefined && !Number.isNaN(v));
      const agg = FIELD_BY_KEY.get(key)?.aggregation;
      const nums = values as number[];
      if (agg === 'sum') out[key] = nums.reduce((a, b) => a + b, 0);
      else if (agg === 'min') out[key] = Math.min(...nums);
      else if (agg === 'max')
        out[key] = typeof values[0] === 'boolean' ? values.some(Boolean) : Math.max(...nums);
      else if (agg === 'avg') out[key] = nums.reduce((a, b) => a + b, 0) / nums.length;
      else out[key] = (agg === 'last' ? values[values.length - 1] : values[0]) as string;
    }
    return out;
  });
}

const access = {
  number: (o: Order, f: string) => Number(o[f] ?? Number.NaN),
  entity: (o: Order, f: string) => String(o[f]),
  day: (o: Order) => o.actualStart as number,
};

describe('demo work-order exports', () => {
  test('the same seed gives the same bytes; another seed other bytes', () => {
    for (const erp of ERPS) {
      const a = renderWorkOrders({ rows: 300, erp, seed: 7, granularity: 'operation' });
      const b = renderWorkOrders({ rows: 300, erp, seed: 7, granularity: 'operation' });
      const c = renderWorkOrders({ rows: 300, erp, seed: 8, granularity: 'operation' });
      assert.ok(a.bytes.equals(b.bytes), erp);
      assert.deepEqual(a.truth, b.truth);
      assert.ok(!a.bytes.equals(c.bytes), erp);
    }
  });

  test('sap-de is Windows-1252: umlauts and € as single bytes, no UTF-8 anywhere', () => {
    const { bytes } = renderWorkOrders({ rows: 200, erp: 'sap-de', seed: 1 });
    assert.ok(!bytes.includes(Buffer.from('ü', 'utf8')));
    assert.ok(bytes.includes(Buffer.from([0x52, 0xfc, 0x73, 0x74]))); // "Rüst"
    assert.ok(bytes.includes(Buffer.from([0x28, 0x80, 0x29]))); // "(€)"
    assert.ok(bytes.includes(Buffer.from('Werkzeugverschlei\xdf', 'latin1')));
    const text = new TextDecoder('windows-1252').decode(bytes);
    assert.match(text, /^Auftrag;Auftragsart;Werk;Material;/);
    assert.match(text, /;\d{1,3}(\.\d{3})*,\d\d;/); // 1.234,56
    assert.match(text, /;\d\d\.\d\d\.20\d\d;/);
    assert.ok(text.includes('\r\n'));
  });

  test('generic starts with a UTF-8 BOM; the others do not', () => {
    for (const erp of ERPS) {
      const { bytes } = renderWorkOrders({ rows: 5, erp, seed: 1 });
      assert.equal(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), erp === 'generic', erp);
    }
  });

  test('rows, columns and the truth map: required fields, ≥ 20 mapped, 1–3 extras', () => {
    for (const erp of ERPS) {
      for (const granularity of ['header', 'operation'] as const) {
        const { bytes, truth } = renderWorkOrders({ rows: 400, erp, seed: 3, granularity });
        const orders = readBack(bytes, truth);
        assert.equal(orders.length, truth.workOrders);
        const mapped = Object.values(truth.columns).filter((k) => k !== null) as string[];
        for (const key of REQUIRED_KEYS) assert.ok(mapped.includes(key), `${erp} maps ${key}`);
        for (const key of mapped) assert.ok(CANONICAL_KEYS.includes(key), key);
        assert.equal(new Set(mapped).size, mapped.length, 'a field mapped twice');
        assert.ok(mapped.length >= 20, `${erp}: ${mapped.length} mapped`);
        const extras = Object.values(truth.columns).filter((k) => k === null).length;
        assert.ok(extras >= 1 && extras <= 3, `${erp}: ${extras} extras`);
        assert.equal(mapped.includes('operationSeq'), granularity === 'operation');
        if (granularity === 'operation')
          assert.ok(truth.workOrders < 400 * 0.8, 'several operations per order');
        else assert.equal(truth.workOrders, 400);
      }
    }
  });

  test('the planted patterns are in the file, as strong as the truth says', () => {
    const floors: Record<string, number> = {
      'machine-downtime': 3,
      'machine-failures': 3,
      'tool-wear-failures': 1.8,
      'supplier-scrap': 2.5,
      'operator-defects': 1.4,
      'part-material-overrun': 1.15,
      'shift-efficiency': 1.25,
      'work-center-drift': 1.2,
    };
    for (const erp of ERPS) {
      for (const granularity of ['header', 'operation'] as const) {
        const { bytes, truth } = renderWorkOrders({ rows: 5000, erp, seed: 11, granularity });
        const measured = measurePatterns(truth.patterns, readBack(bytes, truth), access);
        for (const [i, p] of truth.patterns.entries()) {
          const again = measured[i];
          assert.ok(
            Math.abs((again?.ratio ?? 0) - p.ratio) < 0.01,
            `${erp} ${p.id}: ${again?.ratio} vs ${p.ratio}`,
          );
          assert.ok(p.ratio >= (floors[p.id] ?? 99), `${erp} ${granularity} ${p.id}: ratio ${p.ratio}`);
          if (p.compare === 'trend') assert.ok(Math.abs((p.othersRatio ?? 0) - 1) < 0.1, `${p.id} elsewhere`);
          if (p.entity) assert.ok(p.entity.value.length > 0 && !p.effect.includes('undefined'));
        }
      }
    }
  });

  test('the planted supplier really scraps more: counted from the SAP file by hand', () => {
    const { bytes, truth } = renderWorkOrders({ rows: 3000, erp: 'sap', seed: 5 });
    const supplier = truth.patterns.find((p) => p.id === 'supplier-scrap')?.entity?.value;
    const rate = (mine: boolean) => {
      let scrap = 0;
      let made = 0;
      for (const o of readBack(bytes, truth)) {
        if ((o.supplier === supplier) !== mine) continue;
        scrap += o.qtyScrap as number;
        made += (o.qtyScrap as number) + (o.qtyCompleted as number);
      }
      return scrap / made;
    };
    assert.ok(rate(true) > 3 * rate(false), `${rate(true)} vs ${rate(false)}`);
  });

  test('chunks stream: the text comes in pieces, the truth covers every row', () => {
    const exp = generateWorkOrders({ rows: 10_000, erp: 'odoo', seed: 2, granularity: 'operation' });
    let pieces = 0;
    let lines = 0;
    for (const chunk of exp.chunks(1000)) {
      pieces += 1;
      lines += chunk.split('\n').length - 1;
    }
    assert.equal(lines, 10_001);
    assert.ok(pieces >= 10);
    assert.equal(exp.truth().rows, 10_000);
  });

  test('every cell is a value and every date lies in the calendar, the first days included', () => {
    // Orders of the first day once started before 2024-01-01, outside the date tables: `undefined 23:01`
    // in date-time columns, an empty cell in date-only ones. 20,000 rows put some 27 orders on day 0.
    const bad = /undefined|NaN|Invalid/;
    for (const seed of [1, 2]) {
      for (const erp of ERPS) {
        const exp = generateWorkOrders({ rows: 20_000, erp, seed });
        const [header, ...lines] = [...exp.lines()];
        const truth = exp.truth();
        const names = parseCsv(header?.replace(/^\uFEFF/, '') ?? '', truth.delimiter)[0] as string[];
        const dates = names.flatMap((name, i) => {
          const key = truth.columns[name];
          return key && FIELD_BY_KEY.get(key)?.type === 'date'
            ? [[i, truth.dateFormats[name] as string] as const]
            : [];
        });
        assert.ok(dates.length >= 4, `${erp}: ${dates.length} date columns`);
        let lowest = Number.POSITIVE_INFINITY;
        for (const [n, line] of lines.entries()) {
          assert.doesNotMatch(line, bad, `${erp} seed ${seed} row ${n + 1}`);
          if (n % 1000 > 50) continue; // day 0 in full (rows 0–27), later days sampled
          const cells = parseCsv(line, truth.delimiter)[0] as string[];
          for (const [i, pattern] of dates) {
            const day = dayOf(cells[i] as string, pattern);
            assert.ok(day >= 0 && day < DAYS + DAYS_MARGIN, `${erp} seed ${seed} row ${n + 1}: ${cells[i]}`);
            lowest = Math.min(lowest, day);
          }
        }
        assert.equal(lowest, 0);
      }
    }
  });

  test('bad options are refused', () => {
    assert.throws(() => generateWorkOrders({ rows: -1, erp: 'sap', seed: 1 }), RangeError);
    assert.throws(() => generateWorkOrders({ rows: 1, erp: 'sage' as Erp, seed: 1 }), RangeError);
  });
});
