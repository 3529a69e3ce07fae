// Demo ERP exports of work orders: `generateWorkOrders` yields the file's text lazily (a million rows
// never sit in memory), `writeWorkOrders` streams it to a file in the ERP's encoding with the ground
// truth (`<out>.truth.json`) beside it. The same seed gives the same bytes.
import { mkdir, open, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { REQUIRED_KEYS } from '../canonical.ts';
import {
  compileDialect,
  type DialectSpec,
  type Erp,
  entityText,
  GRANULARITIES,
  type Granularity,
} from './dialect.ts';
import { GENERIC, ODOO, ORACLE } from './dialects-other.ts';
import { SAP, SAP_DE } from './dialects-sap.ts';
import { csvField, encodeWindows1252, formatJson, type TextEncoding } from './format.ts';
import { createOrderSource, type OpRow, rollUp } from './orders.ts';
import { buildPlant } from './plant.ts';
import { createRandom, seedOf } from './prng.ts';
import { type PatternTruth, patternFields, patternMeter, plantedPatternSpecs } from './truth.ts';

export { ERPS, type Erp, GRANULARITIES, type Granularity } from './dialect.ts';

export const DIALECTS: Record<Erp, DialectSpec> = {
  sap: SAP,
  'sap-de': SAP_DE,
  oracle: ORACLE,
  odoo: ODOO,
  generic: GENERIC,
};

/** Failures grow likelier once a tool has worn beyond this many minutes. */
const TOOL_WEAR_LIMIT = 200;

export interface GenerateOptions {
  rows: number;
  erp: Erp;
  seed: number | string;
  granularity?: Granularity;
}

export interface WorkOrderTruth {
  erp: Erp;
  system: string;
  rows: number;
  workOrders: number;
  seed: number | string;
  granularity: Granularity;
  encoding: TextEncoding;
  delimiter: string;
  decimal: '.' | ',';
  thousands: '' | ',' | '.';
  lineEnding: 'CRLF' | 'LF';
  /** The usual date pattern of the file; `dateFormats` has each date column's (`excel` = serial days). */
  dateFormat: string;
  dateFormats: Record<string, string>;
  /** Every header of the file → its canonical field, or null when it maps to nothing (kept as extra). */
  columns: Record<string, string | null>;
  /** Columns whose values are minutes while their canonical field is in hours. */
  units: Record<string, 'min'>;
  required: readonly string[];
  patterns: PatternTruth[];
}

export interface WorkOrderExport {
  header: string[];
  /** The file's lines without line ends (BOM and header first); each call starts afresh. */
  lines(): Generator<string>;
  /** The file's text in chunks of rows. */
  chunks(rowsPerChunk?: number): Generator<string>;
  /** The file's bytes in its encoding, in buffers of about `size` bytes. */
  buffers(size?: number): Generator<Buffer>;
  /** The ground truth; its pattern measures cover the rows produced so far. */
  truth(): WorkOrderTruth;
}

/** Characters whose Windows-1252 byte is not their Latin-1 byte (or that Latin-1 lacks). */
const NOT_LATIN1 = /[\u0080-\u009f\u0100-\uffff]/;

const numericSeed = (seed: number | string): number =>
  typeof seed === 'number' && Number.isInteger(seed) ? seed >>> 0 : seedOf(seed);

export function generateWorkOrders(options: GenerateOptions): WorkOrderExport {
  const { rows, erp, seed } = options;
  const granularity = options.granularity ?? 'header';
  if (!Number.isInteger(rows) || rows < 0)
    throw new RangeError(`rows must be a whole number ≥ 0, not ${rows}`);
  const spec = DIALECTS[erp];
  if (!spec) throw new RangeError(`unknown ERP dialect "${erp}"`);
  if (!GRANULARITIES.includes(granularity)) throw new RangeError(`unknown granularity "${granularity}"`);

  const setup = () => {
    const rng = createRandom(numericSeed(seed));
    const plant = buildPlant(rng);
    const dialect = compileDialect(spec, plant, granularity);
    const { labels } = dialect;
    const { planted } = plant;
    const plantedRow = {
      machine: planted.machine,
      workCenter: planted.driftWorkCenter,
      supplier: planted.supplier,
      part: planted.part,
      shift: planted.shift,
      operator: planted.operator,
    } as OpRow;
    // A pattern the file cannot show (its ERP lacks a column the measure needs) is left out of the truth.
    const present = new Set(dialect.columns.map((c) => c.field));
    const specs = plantedPatternSpecs(
      (field) => entityText(labels, plant, field, plantedRow),
      TOOL_WEAR_LIMIT,
    ).filter((p) => patternFields(p).every((field) => present.has(field)));
    const meter = patternMeter<OpRow>(specs, {
      number: (o, f) => Number(o[f as keyof OpRow]),
      entity: (o, f) => entityText(labels, plant, f, o),
      day: (o) => Math.floor(o.actualStart / 1440),
    });
    return { rng, plant, dialect, meter };
  };
  let state = setup();
  let workOrders = 0;

  return {
    header: state.dialect.header,
    *lines() {
      state = setup();
      workOrders = 0;
      const { rng, plant, dialect, meter } = state;
      const source = createOrderSource(plant, rng);
      const d = spec.delimiter;
      const cells = dialect.cells;
      const last = cells.length;
      const cellTexts: string[] = new Array(last);
      const bom = spec.encoding === 'utf-8-bom' ? '\uFEFF' : '';
      yield bom + dialect.header.map((h) => csvField(h, d)).join(d);
      let written = 0;
      while (written < rows) {
        let ops = source.next(written / rows);
        if (granularity === 'operation' && ops.length > rows - written) ops = ops.slice(0, rows - written);
        const order = rollUp(ops);
        meter.add(order);
        workOrders += 1;
        for (const row of granularity === 'header' ? [order] : ops) {
          // A joined array builds a flat string at once; `+=` builds a rope to flatten later.
          for (let i = 0; i < last; i++) cellTexts[i] = (cells[i] as (r: OpRow) => string)(row);
          yield cellTexts.join(d);
          written += 1;
        }
      }
    },
    *chunks(rowsPerChunk = 4096) {
      let lines: string[] = [];
      for (const line of this.lines()) {
        lines.push(line);
        if (lines.length > rowsPerChunk) {
          yield lines.join(spec.lineEnding) + spec.lineEnding;
          lines = [];
        }
      }
      if (lines.length) yield lines.join(spec.lineEnding) + spec.lineEnding;
    },
    *buffers(size = 1 << 20) {
      // Lines written straight into buffers: no chunk string to join and encode again. Windows-1252
      // lines are written as Latin-1, which is the same bytes for every character but the few
      // Windows-1252 adds in 0x80–0x9F (€, „ …); a line holding one goes through the encoder.
      const utf8 = spec.encoding !== 'windows-1252';
      const eol = Buffer.from(spec.lineEnding, 'latin1');
      let buffer = Buffer.allocUnsafe(size);
      let at = 0;
      for (const line of this.lines()) {
        const most = (utf8 ? 3 * line.length : line.length) + eol.length;
        if (at + most > buffer.length) {
          if (at > 0) yield buffer.subarray(0, at);
          buffer = Buffer.allocUnsafe(Math.max(size, most));
          at = 0;
        }
        if (utf8) at += buffer.write(line, at, 'utf8');
        else if (!NOT_LATIN1.test(line)) at += buffer.write(line, at, 'latin1');
        else at += encodeWindows1252(line).copy(buffer, at);
        at += eol.copy(buffer, at);
      }
      if (at > 0) yield buffer.subarray(0, at);
    },
    truth() {
      const { dialect, meter } = state;
      const columns: Record<string, string | null> = {};
      const units: Record<string, 'min'> = {};
      for (const c of dialect.columns) {
        columns[c.header] = c.field;
        if (c.unit) units[c.header] = c.unit;
      }
      return {
        erp,
        system: spec.system,
        rows,
        workOrders,
        seed,
        granularity,
        encoding: spec.encoding,
        delimiter: spec.delimiter,
        decimal: spec.decimal,
        thousands: spec.thousands,
        lineEnding: spec.lineEnding === '\r\n' ? 'CRLF' : 'LF',
        dateFormat: spec.dateFormat,
        dateFormats: dialect.dateFormats,
        columns,
        units,
        required: REQUIRED_KEYS,
        patterns: meter.result(),
      };
    },
  };
}

/** A whole export in memory, as bytes in its encoding: for small files (tests, examples). */
export function renderWorkOrders(options: GenerateOptions): { bytes: Buffer; truth: WorkOrderTruth } {
  const exp = generateWorkOrders(options);
  const bytes = Buffer.concat([...exp.buffers()]);
  return { bytes, truth: exp.truth() };
}

export interface WriteResult {
  out: string;
  truthPath: string;
  rows: number;
  workOrders: number;
  bytes: number;
  ms: number;
  truth: WorkOrderTruth;
}

/** Streams an export to `out` (and its truth to `<out>.truth.json`); fills a buffer while the last is written. */
export async function writeWorkOrders(options: GenerateOptions & { out: string }): Promise<WriteResult> {
  const started = performance.now();
  const exp = generateWorkOrders(options);
  await mkdir(dirname(options.out), { recursive: true });
  const file = await open(options.out, 'w');
  let bytes = 0;
  try {
    let pending: Promise<unknown> = Promise.resolve();
    for (const buffer of exp.buffers()) {
      await pending;
      pending = file.write(buffer);
      bytes += buffer.length;
    }
    await pending;
  } finally {
    await file.close();
  }
  const truth = exp.truth();
  const truthPath = `${options.out}.truth.json`;
  await writeFile(truthPath, `${formatJson(truth)}\n`);
  const ms = performance.now() - started;
  return { out: options.out, truthPath, rows: truth.rows, workOrders: truth.workOrders, bytes, ms, truth };
}
