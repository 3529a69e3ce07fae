// Rank correlations between per-work-order figures (downtime ↔ scrap rate, tool wear ↔ failures,
// setup hours ↔ labour hours over plan…): Spearman over the work orders (a deterministic sample of
// at most 20,000 on big files), Benjamini–Hochberg over every pair tested, reported when |rho| ≥
// correlation_min_abs and significant. A correlation is a lead, not a finding: severity stays at
// most medium, and above info/low only when money is attached — when one side is a cost-bearing
// outcome, the orders in the top quarter of the other side carry a measurable excess of it.
//
// Trivially related pairs are never tested. By construction: a field with itself; planned against
// actual of the same quantity, costs against their own hours, totals against their parts — raw
// planned/actual hour and cost columns are not variables here, each quantity enters once as its
// variance to plan (labour hours over plan, material cost over plan, total cost over standard).
// By the list below: pairs that are one quantity seen twice or tied by arithmetic or physics.
// Scrap enters as a rate, not as pieces: pieces grow with the order, and would correlate with every
// other figure that grows with it through size alone.
//
// Per-order rates of rare events need care: a small order mostly scraps 0 pieces and a big one
// rarely does, so raw per-order rates rank higher on big orders even when every order scraps at the
// same rate (Spearman ≈ 0.2 against lot size at 0.5 %). Each order's rate is therefore shrunk
// toward the facility's rate p̄ by one expected event, (count + 1) ÷ (pieces + 1/p̄) — the
// empirical-Bayes rate with a Beta prior of strength 1/p̄ — which removes that bias.
import { numberOf } from './config.ts';
import {
  bindMeasure,
  type CrossPart,
  capitalise,
  digitsFor,
  MEASURES,
  type OrderMeasure,
  pText,
  type RowRatio,
} from './cross-measures.ts';
import {
  MAX_CORRELATION_ROWS,
  type RankCorrelation,
  rankCorrelation,
  rankedColumn,
  rankScratch,
  sampleRows,
} from './cross-rank.ts';
import { fmt, impactOf, severityOf, stakeOf } from './frame.ts';
import { benjaminiHochberg, quantile } from './stats.ts';
import type { AnalyzerContext, Impact, Insight, RowSelector, Severity } from './types.ts';
import { SEVERITIES } from './types.ts';

export const TRIVIAL_PAIRS: readonly { a: string; b: string; why: string }[] = [
  {
    a: 'defectRate',
    b: 'scrapRate',
    why: 'defect counts include the scrapped pieces (a total against its part)',
  },
  {
    a: 'defectRate',
    b: 'reworkRate',
    why: 'defect counts include the reworked pieces (a total against its part)',
  },
  { a: 'costVsPlan', b: 'materialVsPlan', why: 'total cost variance against its material part' },
  { a: 'costVsPlan', b: 'laborVsPlan', why: 'total cost variance against its labour part' },
  {
    a: 'machineFailure',
    b: 'downtimeMinutes',
    why: 'a failure is booked as downtime: one event counted twice',
  },
  {
    a: 'processTemperature',
    b: 'ambientTemperature',
    why: 'the process runs at the hall temperature plus its own heat',
  },
  {
    a: 'spindleSpeed',
    b: 'torque',
    why: 'at a given power, torque falls as speed rises (physics, not a lead)',
  },
];

const trivial = new Set(TRIVIAL_PAIRS.flatMap((p) => [`${p.a}~${p.b}`, `${p.b}~${p.a}`]));
export const isTrivialPair = (a: string, b: string) => a === b || trivial.has(`${a}~${b}`);

/**
 * Outcomes, most downstream first: which side of a pair reads as the one that moves (a delay is the
 * consequence of overruns, not their cause) and, among those that carry money, which is valued.
 */
const OUTCOME_PRIORITY = [
  'lateness',
  'costVsPlan',
  'materialVsPlan',
  'laborVsPlan',
  'scrapRate',
  'reworkRate',
  'defectRate',
  'downtimeMinutes',
  'machineFailure',
  'setupHours',
];

interface Variable {
  measure: OrderMeasure;
  ratio: RowRatio;
}

interface Pair {
  a: Variable;
  b: Variable;
  result: RankCorrelation;
  /** Per-order values of both over the sample, for the driver's quartile. */
  aValues: Float64Array;
  bValues: Float64Array;
}

/**
 * Per-order values over the sample: scale × num ÷ den (NaN when the order has none or its
 * denominator is 0); count rates shrunk toward the sample's rate (see the head of the file).
 */
function orderValues(v: Variable, sample: Uint32Array): Float64Array {
  const { num, den } = v.ratio;
  let prior = 0;
  if (v.measure.counts) {
    let a = 0;
    let b = 0;
    for (const i of sample) {
      const x = num(i);
      const y = den(i);
      if (Number.isFinite(x) && y > 0) {
        a += x;
        b += y;
      }
    }
    prior = a > 0 ? b / a : 0;
  }
  const { scale } = v.measure;
  return Float64Array.from(sample, (i) => {
    const d = den(i);
    if (!(d > 0)) return Number.NaN;
    return prior > 0 ? (scale * (num(i) + 1)) / (d + prior) : (scale * num(i)) / d;
  });
}

export function correlationInsights(ctx: AnalyzerContext): CrossPart {
  const { frame, config } = ctx;
  const out: CrossPart = { insights: [], metrics: {}, charts: [], notes: [] };
  const variables: Variable[] = [];
  for (const measure of MEASURES) {
    const ratio = bindMeasure(frame, measure);
    if (ratio) variables.push({ measure, ratio });
  }
  if (variables.length < 2 || frame.n < 3) {
    out.notes.push('Fewer than two per-order figures (or three work orders): no correlations tested.');
    return out;
  }
  const sample = sampleRows(frame.n);
  if (frame.n > MAX_CORRELATION_ROWS)
    out.notes.push(
      `Correlations over a fixed sample of ${fmt(sample.length, 0)} of the ${fmt(frame.n, 0)} work orders.`,
    );
  const columns = variables.map((v) => {
    const values = orderValues(v, sample);
    return { values, ranked: rankedColumn(values) };
  });
  const scratch = rankScratch(sample.length);
  const pairs: Pair[] = [];
  for (let x = 0; x < variables.length; x++) {
    for (let y = x + 1; y < variables.length; y++) {
      const a = variables[x] as Variable;
      const b = variables[y] as Variable;
      if (isTrivialPair(a.measure.id, b.measure.id)) continue;
      const ca = columns[x] as (typeof columns)[number];
      const cb = columns[y] as (typeof columns)[number];
      const result = rankCorrelation(ca.ranked, cb.ranked, scratch);
      if (result) pairs.push({ a, b, result, aValues: ca.values, bValues: cb.values });
    }
  }
  out.metrics['cross.correlationsTested'] = pairs.length;
  out.metrics['cross.correlationRows'] = sample.length;
  const adjusted = benjaminiHochberg(pairs.map((p) => p.result.pValue));
  const alpha = 1 - numberOf(config, 'confidence_level');
  const minSample = numberOf(config, 'min_sample_size');
  const minAbs = numberOf(config, 'correlation_min_abs');
  const stake = stakeOf(frame, config);
  const reported: { insight: Insight; pair: Pair }[] = [];
  pairs.forEach((pair, k) => {
    const p = adjusted[k] as number;
    const significant = p < alpha && pair.result.n >= minSample;
    if (!significant || Math.abs(pair.result.rho) < minAbs) return;
    reported.push({ insight: correlationInsight(ctx, pair, p, pairs.length, stake, minSample), pair });
  });
  reported.sort((x, y) => Math.abs(y.pair.result.rho) - Math.abs(x.pair.result.rho));
  out.insights = reported.map((r) => r.insight);
  out.metrics['cross.correlationsReported'] = reported.length;
  if (reported.length)
    out.charts.push({
      id: 'cross.correlations',
      kind: 'bar',
      title: "Rank correlations between work-order figures (Spearman's rho)",
      unit: 'rho',
      points: reported.slice(0, 20).map(({ pair }) => ({
        label: `${pair.a.measure.label} ↔ ${pair.b.measure.label}`,
        value: Math.round(pair.result.rho * 1000) / 1000,
      })),
    });
  return out;
}

interface Valued {
  driver: Variable;
  outcome: Variable;
  threshold: number;
  impact: Omit<Impact, 'score'>;
  rows: RowSelector;
  rowCount: number;
}

/**
 * Money for a lead: when the outcome costs money, the orders with the driver above its upper
 * quartile (a raw field, so the rows can be selected) against the others with a driver value.
 */
function valueLead(ctx: AnalyzerContext, pair: Pair, minSample: number): Valued | null {
  const { frame } = ctx;
  const { rho } = pair.result;
  // Higher driver → more of a higher-is-worse outcome: only a positive rho selects "driver above".
  if (rho <= 0) return null;
  const options = [
    { driver: pair.a, outcome: pair.b, values: pair.aValues },
    { driver: pair.b, outcome: pair.a, values: pair.bValues },
  ]
    .filter((o) => o.outcome.measure.valuation && o.driver.measure.field && o.outcome.measure.worse > 0)
    .sort(
      (x, y) =>
        OUTCOME_PRIORITY.indexOf(x.outcome.measure.id) - OUTCOME_PRIORITY.indexOf(y.outcome.measure.id),
    );
  for (const { driver, outcome, values } of options) {
    const field = driver.measure.field as string;
    const column = frame.numbers[field] as Float64Array;
    let threshold = quantile(values, 0.75);
    if (!values.some((v) => v > threshold)) threshold = quantile(values, 0.5);
    let inGroup = 0;
    const sums = { gNum: 0, gDen: 0, gN: 0, rNum: 0, rDen: 0, rN: 0 };
    for (let i = 0; i < frame.n; i++) {
      const x = column[i] as number;
      if (Number.isNaN(x)) continue;
      const high = x > threshold;
      if (high) inGroup++;
      const num = outcome.ratio.num(i);
      const den = outcome.ratio.den(i);
      if (!Number.isFinite(num) || !Number.isFinite(den)) continue;
      if (high) {
        sums.gNum += num;
        sums.gDen += den;
        sums.gN++;
      } else {
        sums.rNum += num;
        sums.rDen += den;
        sums.rN++;
      }
    }
    if (sums.gN < minSample || sums.rN < minSample || !(sums.gDen > 0) || !(sums.rDen > 0)) continue;
    const m = outcome.measure;
    const valuation = m.valuation as NonNullable<OrderMeasure['valuation']>;
    const group = sums.gNum / sums.gDen;
    const rest = sums.rNum / sums.rDen;
    if (!(group > rest)) continue;
    const amount = (group - rest) * sums.gDen * valuation.factor;
    const show = (v: number) => `${fmt(v * m.scale, digitsFor(v * m.scale))} ${m.unit}`;
    const factor = valuation.factor === 1 ? '' : ` ÷ ${fmt(1 / valuation.factor, 0)}`;
    const noun = valuation.kind === 'units' ? ' pieces' : valuation.kind === 'hours' ? ' h' : '';
    const formula =
      `Work orders ${groupText(driver.measure, threshold)} (${fmt(sums.gN, 0)}): ` +
      `${m.label} ${show(group)} vs ${show(rest)} for the other ${fmt(sums.rN, 0)}; ` +
      `(${show(group)} − ${show(rest)}) × ${fmt(sums.gDen, 0)} ${valuation.per}${factor} = ${fmt(amount, 0)}${noun}`;
    return {
      driver,
      outcome,
      threshold,
      impact: {
        currency: valuation.kind === 'currency' ? amount : null,
        hours: valuation.kind === 'hours' ? amount : null,
        units: valuation.kind === 'units' ? amount : null,
        formula,
      },
      rows: { kind: 'condition', where: { field, above: threshold } },
      rowCount: inGroup,
    };
  }
  return null;
}

/** Without money, the side that is an outcome (higher is worse) reads as the one that moves. */
function roles(pair: Pair): [Variable, Variable] {
  const rank = (v: Variable) =>
    v.measure.worse > 0 ? OUTCOME_PRIORITY.indexOf(v.measure.id) + 1 || OUTCOME_PRIORITY.length + 1 : 99;
  return rank(pair.a) < rank(pair.b) ? [pair.b, pair.a] : [pair.a, pair.b];
}

function unvaluedReason(rho: number, driver: OrderMeasure, outcome: OrderMeasure): string {
  if (outcome.worse <= 0) return 'neither figure is a cost or a loss';
  if (!outcome.valuation) return `${outcome.label} carries no cost of its own`;
  if (rho < 0) return `more ${outcome.label} comes with less ${driver.label}, a group no row condition names`;
  if (!driver.field)
    return `${driver.label} is computed per order, so its orders cannot be selected as a group`;
  return `the work orders in the upper quarter of ${driver.label} carry no measurable excess of ${outcome.label}`;
}

const groupText = (m: OrderMeasure, threshold: number) =>
  m.flag ? `with a ${m.label}` : `with ${m.label} above ${fmt(threshold, 2)}${m.unit ? ` ${m.unit}` : ''}`;

const atMost = (s: Severity, cap: Severity): Severity =>
  SEVERITIES.indexOf(s) > SEVERITIES.indexOf(cap) ? cap : s;

function correlationInsight(
  ctx: AnalyzerContext,
  pair: Pair,
  p: number,
  tested: number,
  stake: number,
  minSample: number,
): Insight {
  const { frame, config } = ctx;
  const { rho, n } = pair.result;
  const valued = valueLead(ctx, pair, minSample);
  const [driver, outcome] = valued ? [valued.driver, valued.outcome] : roles(pair);
  const impact = impactOf(
    valued?.impact ?? {
      currency: null,
      hours: null,
      units: null,
      formula: `Not valued: ${unvaluedReason(rho, driver.measure, outcome.measure)}; a lead to check.`,
    },
    frame,
    config,
  );
  const severity =
    impact.score > 0
      ? atMost(severityOf(impact.score, stake, true), 'medium')
      : Math.abs(rho) >= 0.5
        ? 'low'
        : 'info';
  const verb = rho > 0 ? 'rises with' : 'falls as';
  const tail = rho > 0 ? driver.measure.label : `${driver.measure.label} rises`;
  const id = `${pair.a.measure.id}~${pair.b.measure.id}`;
  return {
    key: `cross:correlation:condition:${id}`,
    analyzer: 'cross',
    kind: 'cross.correlation',
    severity,
    title: `${capitalise(outcome.measure.label)} ${verb} ${tail} (Spearman ρ = ${fmt(rho, 2)} over ${fmt(n, 0)} work orders)`,
    detail:
      `Across work orders, ${outcome.measure.label} and ${driver.measure.label} move ${rho > 0 ? 'together' : 'in opposite directions'}: ` +
      `Spearman's rho = ${fmt(rho, 3)} over ${fmt(n, 0)} work orders with both figures, p ${pText(p)} after Benjamini–Hochberg over ${tested} pairs of figures. ` +
      `A correlation is a lead, not a cause: both may follow a third factor (part, machine, shift).` +
      (valued ? ` ${valued.impact.formula}.` : ''),
    entity: { type: 'condition', id },
    impact,
    evidence: {
      metric: `rank correlation of ${pair.a.measure.label} and ${pair.b.measure.label}`,
      value: Math.round(rho * 1e4) / 1e4,
      baseline: null,
      expected: 0,
      statistic: { name: 'rho', value: Math.round(rho * 1e4) / 1e4 },
      pValue: p,
      sampleSize: n,
    },
    recommendation: valued
      ? `Check the ${fmt(valued.rowCount, 0)} work orders ${groupText(driver.measure, valued.threshold)}: if ${outcome.measure.label} falls when ${driver.measure.label} is kept lower (e.g. a trial on one machine or part), make it a standard; if not, look for the common cause.`
      : `Plot ${pair.a.measure.label} against ${pair.b.measure.label} for these work orders and look for a common cause (machine, part, shift) before acting on it.`,
    rows: valued?.rows ?? { kind: 'all' },
    rowCount: valued?.rowCount ?? frame.n,
  };
}
