// Judging every entity of one field (every part, work center, shift…) against the rest on a per-order
// measure, in two passes over typed arrays: the figure a title quotes (Σ numerator ÷ Σ denominator),
// Welch's t on the per-order values, Benjamini–Hochberg across the entities of the family. Shared by
// the cost and efficiency analyzers, which both ask "is this entity over plan, and more than the
// others?" — and both need the same guard against confounding: a finer entity is compared with its
// peers inside a coarser one (a part with the other parts of its work center, an operator with the
// others on the same shift), so a work center's drift does not make every part it finishes look slow.
import { type ConfigValues, numberOf } from './config.ts';
import { fmt, impactOf, pct, severityOf } from './frame.ts';
import { benjaminiHochberg, type Moments, moments, type TestResult, tTwoSidedP, welchT } from './stats.ts';
import type {
  AnalyzerContext,
  AnalyzerName,
  Chart,
  EntityType,
  Evidence,
  Impact,
  Insight,
  RowSelector,
  WorkOrderFrame,
} from './types.ts';

export interface EntityContrast {
  field: string;
  value: string;
  /** Work orders of the entity (with or without a value for the measure). */
  rows: number;
  /** Work orders of the entity where the measure has a value. */
  n: number;
  num: number;
  den: number;
  /** Σ num ÷ Σ den over the entity's measured orders. */
  ratio: number;
  restNum: number;
  restDen: number;
  restRatio: number;
  /** Mean per-order value (clipped) of the entity. */
  mean: number;
  /**
   * The mean per-order value its orders would have at their peers' level: per peer group, the other
   * entities' mean, weighted by the entity's orders in the group (without peers: the rest's mean).
   * What "materially worse than comparable orders" is measured against.
   */
  expected: number;
  /** Welch's t of the entity's per-order values against the rest's (after the peer adjustment). */
  statistic: number;
  /** BH-adjusted over the entities with at least min_sample_size measured orders; NaN if untested. */
  pValue: number;
  tested: boolean;
  significant: boolean;
}

/** Largest entity × peer-group table kept for `expected` (beyond it, the rest's mean stands in). */
const MAX_CELLS = 1_000_000;

export interface ContrastOptions {
  /** Text field whose values form peer groups: an entity is judged against the others in its group. */
  peers?: string;
  /** Per-order values are clipped to [−clip, clip], so one order with a tiny plan cannot swamp a test. */
  clip?: number;
}

/** alpha = 1 − confidence_level and min_sample_size, the two rules every finding's significance uses. */
export function significanceRules(config: ConfigValues): { alpha: number; minSample: number } {
  return { alpha: 1 - numberOf(config, 'confidence_level'), minSample: numberOf(config, 'min_sample_size') };
}

/**
 * Every entity of `field` against the rest on the per-order value num ÷ den (den null: num itself,
 * and the ratio is its mean). Orders without a finite num, or without a positive den, are skipped.
 */
export function contrastByEntity(
  frame: WorkOrderFrame,
  config: ConfigValues,
  field: string,
  num: Float64Array,
  den: Float64Array | null,
  options: ContrastOptions = {},
): EntityContrast[] {
  const column = frame.texts[field];
  if (!column) return [];
  const { alpha, minSample } = significanceRules(config);
  const clip = options.clip ?? 10;
  const codes = column.codes;
  const k = column.dict.length;
  const peerColumn = options.peers ? frame.texts[options.peers] : undefined;
  const peerCodes = peerColumn?.codes;
  const groups = (peerColumn?.dict.length ?? 0) + 1;

  // Pass 1: the per-order values, and the mean of each peer group (slot 0: orders without a peer).
  const groupSum = new Float64Array(groups);
  const groupN = new Float64Array(groups);
  const xs = new Float64Array(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const a = num[i] as number;
    const b = den ? (den[i] as number) : 1;
    if (!Number.isFinite(a) || !(b > 0)) {
      xs[i] = Number.NaN;
      continue;
    }
    const x = Math.max(-clip, Math.min(clip, a / b));
    xs[i] = x;
    const g = peerCodes ? (peerCodes[i] as number) + 1 : 0;
    groupSum[g] = (groupSum[g] as number) + x;
    groupN[g] = (groupN[g] as number) + 1;
  }
  const groupMean = groupSum.map((x, g) => ((groupN[g] as number) > 0 ? x / (groupN[g] as number) : 0));
  // Per entity and peer group (when the table stays small): the sums behind `expected`.
  const cells = k * groups <= MAX_CELLS ? k * groups : 0;
  const cellSum = new Float64Array(cells);
  const cellN = new Float64Array(cells);
  // Pass 2: per entity, the sums behind its figure and the moments of its residuals.
  const rows = new Float64Array(k);
  const n = new Float64Array(k);
  const sNum = new Float64Array(k);
  const sDen = new Float64Array(k);
  const s1 = new Float64Array(k);
  const s2 = new Float64Array(k);
  const sX = new Float64Array(k);
  let tN = 0;
  let tNum = 0;
  let tDen = 0;
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < frame.n; i++) {
    const c = codes[i] as number;
    if (c >= 0) rows[c] = (rows[c] as number) + 1;
    const x = xs[i] as number;
    if (Number.isNaN(x)) continue;
    const g = peerCodes ? (peerCodes[i] as number) + 1 : 0;
    const r = x - (groupMean[g] as number);
    const a = num[i] as number;
    const b = den ? (den[i] as number) : 1;
    tN += 1;
    tNum += a;
    tDen += b;
    t1 += r;
    t2 += r * r;
    if (c < 0) continue;
    n[c] = (n[c] as number) + 1;
    sNum[c] = (sNum[c] as number) + a;
    sDen[c] = (sDen[c] as number) + b;
    s1[c] = (s1[c] as number) + r;
    s2[c] = (s2[c] as number) + r * r;
    sX[c] = (sX[c] as number) + x;
    if (cells) {
      cellSum[c * groups + g] = (cellSum[c * groups + g] as number) + x;
      cellN[c * groups + g] = (cellN[c * groups + g] as number) + 1;
    }
  }
  let tX = 0;
  for (let g = 0; g < groups; g++) tX += groupSum[g] as number;
  const expectedOf = (c: number): number => {
    const en = n[c] as number;
    if (!cells) return (tX - (sX[c] as number)) / (tN - en);
    let e = 0;
    for (let g = 0; g < groups; g++) {
      const m = cellN[c * groups + g] as number;
      if (!m) continue;
      const others = (groupN[g] as number) - m;
      const own = cellSum[c * groups + g] as number;
      // A group where the entity has no peers gives no evidence either way: its own mean.
      e += others > 0 ? (m * ((groupSum[g] as number) - own)) / others : own;
    }
    return e / en;
  };
  const out: EntityContrast[] = [];
  const pRaw: number[] = [];
  const testedIdx: number[] = [];
  for (let c = 0; c < k; c++) {
    if (!(rows[c] as number)) continue;
    const en = n[c] as number;
    const restN = tN - en;
    const test = welchT(
      momentsOf(en, s1[c] as number, s2[c] as number),
      momentsOf(restN, t1 - (s1[c] as number), t2 - (s2[c] as number)),
    );
    const restNum = tNum - (sNum[c] as number);
    const restDen = tDen - (sDen[c] as number);
    const tested = en >= minSample && restN >= 2;
    const entry: EntityContrast = {
      field,
      value: column.dict[c] as string,
      rows: rows[c] as number,
      n: en,
      num: sNum[c] as number,
      den: sDen[c] as number,
      ratio: (sNum[c] as number) / (sDen[c] as number),
      restNum,
      restDen,
      restRatio: restNum / restDen,
      mean: (sX[c] as number) / en,
      expected: expectedOf(c),
      statistic: test.statistic,
      pValue: Number.NaN,
      tested,
      significant: false,
    };
    if (tested) {
      pRaw.push(test.pValue);
      testedIdx.push(out.length);
    }
    out.push(entry);
  }
  const adjusted = benjaminiHochberg(pRaw);
  testedIdx.forEach((idx, j) => {
    const entry = out[idx] as EntityContrast;
    entry.pValue = adjusted[j] as number;
    entry.significant = entry.pValue < alpha;
  });
  return out;
}

function momentsOf(n: number, s1: number, s2: number): Moments {
  const mean = n > 0 ? s1 / n : Number.NaN;
  return { n, mean, variance: n > 1 ? Math.max(0, (s2 - (s1 * s1) / n) / (n - 1)) : Number.NaN };
}

/** Is the mean of the per-order values (NaN skipped) different from `reference`? One-sample t. */
export function oneSampleT(
  values: Float64Array,
  reference: number,
): TestResult & { n: number; mean: number } {
  const m = moments(values);
  if (m.n < 2) return { statistic: 0, pValue: 1, n: m.n, mean: m.mean };
  const se = Math.sqrt(m.variance / m.n);
  if (se === 0)
    return {
      statistic: m.mean === reference ? 0 : Infinity * Math.sign(m.mean - reference),
      pValue: m.mean === reference ? 1 : 0,
      n: m.n,
      mean: m.mean,
    };
  const t = (m.mean - reference) / se;
  return { statistic: t, pValue: tTwoSidedP(t, m.n - 1), n: m.n, mean: m.mean };
}

/** How far a ratio is over plan, as a percentage ("24.8 %"; "0 %", never "-0 %"). */
export const overPlan = (ratio: number) => pct(Math.abs(ratio - 1) < 5e-4 ? 0 : ratio - 1);

/** A p-value as details quote it: "< 0.001" or "= 0.012". */
export const pText = (p: number) => (p < 0.001 ? '< 0.001' : `= ${fmt(p, 3)}`);

/** "work center MILL02": the entity's type in lower case, its id as written. */
export const lowerName = (type: EntityType, id: string) =>
  `${(ENTITY_LABEL[type] ?? type).toLowerCase()} ${id}`;

/** The facility's name when the import holds one, else "all" (the id of facility-level insights). */
export function facilityId(frame: WorkOrderFrame): string {
  const column = frame.texts.facility;
  return column && column.dict.length === 1 ? (column.dict[0] as string) : 'all';
}

export interface InsightSpec {
  kind: string;
  entity: { type: EntityType; id: string } | null;
  title: string;
  detail: string;
  impact: Omit<Impact, 'score'>;
  evidence: Evidence;
  significant: boolean;
  recommendation: string;
  rows: RowSelector;
  rowCount: number;
  chart?: Chart;
}

/** An insight in the shared shape: key from analyzer, short kind and entity; score and severity. */
export function makeInsight(
  analyzer: AnalyzerName,
  ctx: AnalyzerContext,
  stake: number,
  spec: InsightSpec,
): Insight {
  const impact = impactOf(spec.impact, ctx.frame, ctx.config);
  const short = spec.kind.slice(spec.kind.indexOf('.') + 1);
  const entity = spec.entity ?? { type: 'facility', id: facilityId(ctx.frame) };
  return {
    key: `${analyzer}:${short}:${entity.type}:${entity.id}`,
    analyzer,
    kind: spec.kind,
    severity: severityOf(impact.score, stake, spec.significant),
    title: spec.title,
    detail: spec.detail,
    entity,
    impact,
    evidence: spec.evidence,
    recommendation: spec.recommendation,
    rows: spec.rows,
    rowCount: spec.rowCount,
    ...(spec.chart ? { chart: spec.chart } : {}),
  };
}

/** How plant managers name the entity types in titles. */
export const ENTITY_LABEL: Partial<Record<EntityType, string>> = {
  machine: 'Machine',
  workCenter: 'Work center',
  part: 'Part',
  supplier: 'Supplier',
  operator: 'Operator',
  shift: 'Shift',
};
