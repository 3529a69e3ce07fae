// Working with a WorkOrderFrame: building one from plain records (tests, the evaluation), grouping
// rows by an entity, summing columns over a group, and the two rules every analyzer ranks and
// grades its insights by (impact score and severity). Shared so the four analyzers agree.
import { FIELD_BY_KEY } from '../canonical.ts';
import { type ConfigValues, numberOf } from './config.ts';
import type { Impact, RowSelector, Severity, TextColumn, WorkOrderFrame } from './types.ts';
import { MAX_ROW_IDS } from './types.ts';

type RecordValue = string | number | boolean | Date | null | undefined;

/** A frame from canonical records (keys as in canonical.ts); ids are 1…n unless given. */
export function frameFromRecords(
  records: readonly Record<string, RecordValue>[],
  ids?: readonly number[],
): WorkOrderFrame {
  const n = records.length;
  const keys = new Set<string>();
  for (const r of records)
    for (const [k, v] of Object.entries(r)) if (v !== null && v !== undefined && v !== '') keys.add(k);
  const numbers: Record<string, Float64Array> = {};
  const texts: Record<string, TextColumn> = {};
  for (const key of keys) {
    const type = FIELD_BY_KEY.get(key)?.type;
    if (!type) continue;
    if (type === 'text') {
      const dict: string[] = [];
      const index = new Map<string, number>();
      const codes = new Int32Array(n).fill(-1);
      records.forEach((r, i) => {
        const v = r[key];
        if (v === null || v === undefined || v === '') return;
        const s = String(v);
        let code = index.get(s);
        if (code === undefined) {
          code = dict.length;
          dict.push(s);
          index.set(s, code);
        }
        codes[i] = code;
      });
      texts[key] = { codes, dict };
    } else {
      numbers[key] = Float64Array.from(records, (r) => toNumber(r[key]));
    }
  }
  return {
    n,
    ids: Float64Array.from(ids ?? records.map((_, i) => i + 1)),
    rowNo: Int32Array.from(records, (_, i) => i + 1),
    numbers,
    texts,
  };
}

function toNumber(v: RecordValue): number {
  if (v === null || v === undefined || v === '') return Number.NaN;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const d = Date.parse(v);
    return /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(d) ? d : Number(v);
  }
  return v;
}

export const has = (frame: WorkOrderFrame, key: string) => key in frame.numbers || key in frame.texts;

/** Row indices per entity value of a text field (rows without a value are left out). */
export function groupBy(frame: WorkOrderFrame, field: string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const column = frame.texts[field];
  if (!column) return groups;
  const byCode: number[][] = column.dict.map(() => []);
  for (let i = 0; i < frame.n; i++) {
    const code = column.codes[i] as number;
    if (code >= 0) (byCode[code] as number[]).push(i);
  }
  column.dict.forEach((value, code) => {
    const rows = byCode[code] as number[];
    if (rows.length) groups.set(value, rows);
  });
  return groups;
}

/** Σ of a numeric field over rows (NaN cells skipped; 0 when the field is absent). */
export function sumOf(frame: WorkOrderFrame, field: string, rows?: readonly number[]): number {
  const column = frame.numbers[field];
  if (!column) return 0;
  let total = 0;
  if (rows) {
    for (const i of rows) {
      const v = column[i] as number;
      if (!Number.isNaN(v)) total += v;
    }
  } else for (const v of column) if (!Number.isNaN(v)) total += v;
  return total;
}

/** Rows where the field has a value. */
export function countOf(frame: WorkOrderFrame, field: string, rows?: readonly number[]): number {
  const column = frame.numbers[field];
  if (!column) return 0;
  let n = 0;
  if (rows) {
    for (const i of rows) if (!Number.isNaN(column[i] as number)) n++;
  } else for (const v of column) if (!Number.isNaN(v)) n++;
  return n;
}

/** All row indices (0…n−1). */
export const allRows = (frame: WorkOrderFrame) => Array.from({ length: frame.n }, (_, i) => i);

/** Rows of the frame not in `rows` (rows sorted ascending). */
export function complement(frame: WorkOrderFrame, rows: readonly number[]): number[] {
  const inside = new Uint8Array(frame.n);
  for (const i of rows) inside[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < frame.n; i++) if (!inside[i]) out.push(i);
  return out;
}

/** A selector naming explicit rows (at most MAX_ROW_IDS, the largest first when ranked by `order`). */
export function idsSelector(frame: WorkOrderFrame, rows: readonly number[]): RowSelector {
  return { kind: 'ids', ids: rows.slice(0, MAX_ROW_IDS).map((i) => frame.ids[i] as number) };
}

/** Average cost of one good piece (actual cost ÷ good quantity), NaN when costs are not mapped. */
export function unitCost(frame: WorkOrderFrame): number {
  const total =
    sumOf(frame, 'actualCostTotal') ||
    sumOf(frame, 'materialCostActual') + sumOf(frame, 'laborCostActual') + sumOf(frame, 'overheadCostActual');
  const good = sumOf(frame, 'qtyCompleted');
  return total > 0 && good > 0 ? total / good : Number.NaN;
}

/**
 * The ranking score of an impact: currency when known, else hours at default_labor_rate, else
 * pieces at the average unit cost (pieces alone rank by count when no cost is mapped at all).
 */
export function impactScore(
  impact: Omit<Impact, 'score'>,
  frame: WorkOrderFrame,
  config: ConfigValues,
): number {
  if (impact.currency !== null && Number.isFinite(impact.currency)) return Math.max(0, impact.currency);
  if (impact.hours !== null && Number.isFinite(impact.hours))
    return Math.max(0, impact.hours * numberOf(config, 'default_labor_rate'));
  if (impact.units !== null && Number.isFinite(impact.units)) {
    const cost = unitCost(frame);
    return Math.max(0, impact.units * (Number.isFinite(cost) ? cost : 1));
  }
  return 0;
}

/** An Impact with its score filled in. */
export function impactOf(impact: Omit<Impact, 'score'>, frame: WorkOrderFrame, config: ConfigValues): Impact {
  return { ...impact, score: impactScore(impact, frame, config) };
}

/**
 * Severity from the impact's share of what is at stake (total actual cost, or total booked hours at
 * the labour rate) and whether the finding is statistically significant: not significant → at most
 * low; significant → critical from 10 %, high from 3 %, medium from 1 %, else low.
 */
export function severityOf(score: number, stake: number, significant: boolean): Severity {
  const share = stake > 0 ? score / stake : 0;
  if (!significant) return share >= 0.01 ? 'low' : 'info';
  if (share >= 0.1) return 'critical';
  if (share >= 0.03) return 'high';
  if (share >= 0.01) return 'medium';
  return 'low';
}

/** What the whole import is worth in the ranking's unit: the denominator of severityOf. */
export function stakeOf(frame: WorkOrderFrame, config: ConfigValues): number {
  const cost =
    sumOf(frame, 'actualCostTotal') ||
    sumOf(frame, 'materialCostActual') + sumOf(frame, 'laborCostActual') + sumOf(frame, 'overheadCostActual');
  if (cost > 0) return cost;
  const hours = sumOf(frame, 'laborHoursActual') || sumOf(frame, 'runHours') + sumOf(frame, 'setupHours');
  if (hours > 0) return hours * numberOf(config, 'default_labor_rate');
  const pieces = sumOf(frame, 'qtyCompleted') + sumOf(frame, 'qtyScrap');
  return pieces;
}

/** "1,234.5" style numbers for titles and details. */
const FORMATS = [0, 1, 2, 3, 4].map(
  (digits) => new Intl.NumberFormat('en', { maximumFractionDigits: digits }),
);
export function fmt(value: number, digits = 1): string {
  const format = FORMATS[digits];
  return format
    ? format.format(value)
    : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
export const pct = (ratio: number, digits = 1) => `${fmt(ratio * 100, digits)} %`;
