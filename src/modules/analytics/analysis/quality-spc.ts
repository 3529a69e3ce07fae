// SPC on per-lot scrap rates: one point per material lot (or per work order, in time order, when no
// lot is mapped), a p-chart standardised per point, z = (p − p̄) / √(p̄(1 − p̄)/n), so lots of
// different sizes share one pair of limits at ±spc_sigma.
//
// Why Laney's p′ and not the textbook p-chart: lots of hundreds of pieces vary between each other
// far more than the binomial allows (a bar of steel is good or bad as a whole), and a plain p-chart
// then flags a large share of all lots. Laney divides z by the spread of the z's themselves,
// estimated from their average moving range (MR̄ / 1.128, as an individuals chart does), so only
// lots that stand out against the usual lot-to-lot variation signal. Never narrower than binomial.
//
// Run rules come from the telemetry SPC engine (Western Electric 2–4, Nelson 2–8) on the
// standardised points; rule 1, beyond the limits, is judged here because its width is spc_sigma.
// Only signals on the bad side (more scrap) count; a run of good lots is not a problem.
import { evaluateSeries, type RuleId } from '../../telemetry/spc.ts';
import type { SpcRuleSet } from './config.ts';
import { normalCdf } from './stats.ts';
import type { WorkOrderFrame } from './types.ts';

/** Run rules look at the latest lots only: the state of the process now, and bounded work. */
export const RUN_RULE_LOTS = 5000;
const D2 = 1.128;

const RUN_RULES: Record<SpcRuleSet, RuleId[]> = {
  we1: [],
  'western-electric': ['we2', 'we3', 'we4'],
  // n7 (15 points hugging the center line) means less variation than expected: not a scrap problem.
  nelson: ['n2', 'n3', 'n4', 'n5', 'n6', 'n8'],
};

export interface SpcOptions {
  sigma: number;
  rules: SpcRuleSet;
  minLotSize: number;
}

export interface SpcSignal {
  /** Index into the chart's points (time order). */
  point: number;
  /** Rules that fired there ("limit" for beyond spc_sigma). */
  rules: string[];
}

export interface SpcChart {
  by: 'materialLot' | 'workOrder';
  /** Per point in time order: the lot (its code, or the row when charting work orders). */
  group: Int32Array;
  pieces: Float64Array;
  scrap: Float64Array;
  /** Laney-standardised distance from the center line. */
  z: Float64Array;
  /** Lots smaller than min_lot_size, left out. */
  leftOut: number;
  center: number;
  /** Laney's σ_z (1 = binomial). */
  spread: number;
  /** The points where a bad-side signal fired, in time order. */
  signals: SpcSignal[];
  beyondLimit: number;
  /** Points expected beyond the upper limit by chance, and the one-sided p-value of the count seen. */
  expectedBeyond: number;
  pValue: number;
  /** Per row: its point, −1 when the row is on no charted lot. */
  pointOfRow: Int32Array;
  /** Run rules were judged from this point on (RUN_RULE_LOTS). */
  runRulesFrom: number;
}

/** How a point is named: the lot, or the work order (its row number when no order id is mapped). */
export function pointLabel(frame: WorkOrderFrame, chart: SpcChart, point: number): string {
  const g = chart.group[point] as number;
  if (chart.by === 'materialLot') return (frame.texts.materialLot as { dict: string[] }).dict[g] as string;
  const orders = frame.texts.workOrder;
  const code = orders ? (orders.codes[g] as number) : -1;
  return orders && code >= 0 ? (orders.dict[code] as string) : `row ${frame.rowNo[g]}`;
}

/**
 * The chart of scrap ÷ (good + scrap) per lot. `pieces`/`scrap` are per-row arrays (0 when empty);
 * `time` orders the lots (the earliest start of their orders; lots without one go last).
 */
export function scrapChart(
  frame: WorkOrderFrame,
  pieces: Float64Array,
  scrap: Float64Array,
  time: Float64Array | null,
  options: SpcOptions,
): SpcChart | null {
  const lotColumn = frame.texts.materialLot;
  const k = lotColumn ? lotColumn.dict.length : frame.n;
  const groupOf = (i: number) => (lotColumn ? (lotColumn.codes[i] as number) : i);
  const lotPieces = new Float64Array(k);
  const lotScrap = new Float64Array(k);
  const lotTime = new Float64Array(k).fill(Infinity);
  for (let i = 0; i < frame.n; i++) {
    const g = groupOf(i);
    if (g < 0) continue;
    lotPieces[g] = (lotPieces[g] as number) + (pieces[i] as number);
    lotScrap[g] = (lotScrap[g] as number) + (scrap[i] as number);
    // Without dates the file's order stands for time; an order without a date does not move its lot.
    const at = time ? (time[i] as number) : i;
    if (at < (lotTime[g] as number)) lotTime[g] = at;
  }
  const charted: number[] = [];
  let leftOut = 0;
  let totalPieces = 0;
  let totalScrap = 0;
  for (let g = 0; g < k; g++) {
    const n = lotPieces[g] as number;
    if (!(n > 0)) continue;
    if (n < options.minLotSize) {
      leftOut++;
      continue;
    }
    charted.push(g);
    totalPieces += n;
    totalScrap += lotScrap[g] as number;
  }
  if (charted.length < 5 || totalPieces <= 0) return null;
  const group = timeOrder(charted, lotTime);
  const m = group.length;
  const center = totalScrap / totalPieces;
  const binomial = center * (1 - center);
  const z = new Float64Array(m);
  const pts = { pieces: new Float64Array(m), scrap: new Float64Array(m) };
  for (let j = 0; j < m; j++) {
    const g = group[j] as number;
    const n = lotPieces[g] as number;
    pts.pieces[j] = n;
    pts.scrap[j] = lotScrap[g] as number;
    z[j] = binomial > 0 ? ((lotScrap[g] as number) / n - center) / Math.sqrt(binomial / n) : 0;
  }
  let ranges = 0;
  for (let j = 1; j < m; j++) ranges += Math.abs((z[j] as number) - (z[j - 1] as number));
  const spread = Math.max(1, ranges / (m - 1) / D2);
  for (let j = 0; j < m; j++) z[j] = (z[j] as number) / spread;

  const fired = new Map<number, string[]>();
  let beyondLimit = 0;
  for (let j = 0; j < m; j++)
    if ((z[j] as number) > options.sigma) {
      fired.set(j, ['limit']);
      beyondLimit++;
    }
  const runRulesFrom = Math.max(0, m - RUN_RULE_LOTS);
  const rules = RUN_RULES[options.rules];
  if (rules.length > 0) {
    const recent = Array.from(z.subarray(runRulesFrom));
    for (const signal of evaluateSeries(recent, { center: 0, sigma: 1 }, rules)) {
      const last = signal.points[signal.points.length - 1] as number;
      const zLast = recent[last] as number;
      const badSide =
        signal.rule === 'n3' ? zLast > (recent[signal.points[0] as number] as number) : zLast > 0;
      if (!badSide) continue;
      const point = runRulesFrom + last;
      fired.set(point, [...(fired.get(point) ?? []), signal.rule]);
    }
  }
  const signals = [...fired.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([point, list]) => ({ point, rules: list }));

  const pointOfLot = new Int32Array(k).fill(-1);
  for (let j = 0; j < m; j++) pointOfLot[group[j] as number] = j;
  const pointOfRow = new Int32Array(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const g = groupOf(i);
    pointOfRow[i] = g < 0 ? -1 : (pointOfLot[g] as number);
  }
  const tail = 1 - normalCdf(options.sigma);
  return {
    by: lotColumn ? 'materialLot' : 'workOrder',
    group,
    ...pts,
    z,
    leftOut,
    center,
    spread,
    signals,
    beyondLimit,
    expectedBeyond: m * tail,
    pValue: binomialUpperTail(beyondLimit, m, tail),
    pointOfRow,
    runRulesFrom,
  };
}

/**
 * Lots sorted by time, ties (and lots without a time) in code order: a deterministic chart. A million
 * lots sort as packed numbers (minute × 2²¹ + code) with the engine's numeric sort, several times
 * faster than a comparator; times or codes that do not fit fall back to the comparator.
 */
function timeOrder(lots: number[], lotTime: Float64Array): Int32Array {
  let min = Infinity;
  let max = -Infinity;
  for (const g of lots) {
    const t = lotTime[g] as number;
    if (t < min) min = t;
    if (t > max && t !== Infinity) max = t;
  }
  const span = Number.isFinite(min) ? Math.floor((max - min) / 60_000) + 2 : 1;
  const packable = lots.length > 0 && (lots[lots.length - 1] as number) < 2 ** 21 && span < 2 ** 31;
  if (!packable) {
    lots.sort((a, b) => (lotTime[a] as number) - (lotTime[b] as number) || a - b);
    return Int32Array.from(lots);
  }
  const keys = new Float64Array(lots.length);
  lots.forEach((g, j) => {
    const t = lotTime[g] as number;
    const minute = t === Infinity ? span - 1 : Math.floor((t - min) / 60_000);
    keys[j] = minute * 2 ** 21 + g;
  });
  keys.sort();
  return Int32Array.from(keys, (key) => key % 2 ** 21);
}

/** P(X ≥ k) for X ~ Binomial(m, q): Poisson for rare events, which limit tails are. */
export function binomialUpperTail(k: number, m: number, q: number): number {
  if (k <= 0) return 1;
  const lambda = m * q;
  // Σ_{j<k} e^−λ λ^j / j!, in logs so large λ does not overflow.
  let below = 0;
  let logTerm = -lambda;
  for (let j = 0; j < k; j++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(lambda) - Math.log(j + 1);
  }
  return Math.min(1, Math.max(0, 1 - below));
}
