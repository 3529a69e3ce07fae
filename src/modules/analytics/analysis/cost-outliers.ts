// Work orders whose actual cost per piece made (good + scrap: scrap is the quality analyzer's
// finding, and dividing by good pieces only would count its money twice here) is far above what
// their part usually costs: a robust
// z-score (median and MAD, so the outliers do not hide themselves by inflating a standard deviation)
// within each part, as one insight that names the orders. Parts with fewer than min_sample_size
// costed orders are left out: there is no norm to be an outlier from.

import { numberOf } from './config.ts';
import type { InsightSpec } from './cost-contrasts.ts';
import { significanceRules } from './cost-contrasts.ts';
import { fmt, idsSelector } from './frame.ts';
import { normalCdf } from './stats.ts';
import type { AnalyzerContext } from './types.ts';

export interface OutlierResult {
  insight: InsightSpec | null;
  /** Work orders whose cost per piece made could be judged. */
  tested: number;
  outliers: number;
}

/** Median of a sorted array. */
const medianSorted = (s: Float64Array) => {
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export function costOutliers(ctx: AnalyzerContext, actual: Float64Array, source: string): OutlierResult {
  const { frame, config } = ctx;
  const { alpha, minSample } = significanceRules(config);
  const limit = numberOf(config, 'cost_outlier_z');
  const good = frame.numbers.qtyCompleted;
  const scrap = frame.numbers.qtyScrap;
  const none = { insight: null, tested: 0, outliers: 0 };
  if (!good) return none;
  const part = frame.texts.partNumber;
  const groups = part ? part.dict.length : 1;
  // Rows bucketed by part (a counting sort): one contiguous run of row indices per part.
  const count = new Int32Array(groups + 1);
  const cpp = new Float64Array(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const s = scrap ? (scrap[i] as number) : 0;
    const g = (good[i] as number) + (Number.isNaN(s) ? 0 : s);
    const a = actual[i] as number;
    cpp[i] = g > 0 && Number.isFinite(a) ? a / g : Number.NaN;
    const code = part ? (part.codes[i] as number) : 0;
    if (code >= 0 && !Number.isNaN(cpp[i] as number)) count[code + 1] = (count[code + 1] as number) + 1;
  }
  for (let c = 0; c < groups; c++) count[c + 1] = (count[c + 1] as number) + (count[c] as number);
  const order = new Int32Array(count[groups] as number);
  const fill = count.slice(0, groups);
  for (let i = 0; i < frame.n; i++) {
    const code = part ? (part.codes[i] as number) : 0;
    if (code < 0 || Number.isNaN(cpp[i] as number)) continue;
    order[fill[code] as number] = i;
    fill[code] = (fill[code] as number) + 1;
  }
  const made = (row: number) => {
    const s = scrap ? (scrap[row] as number) : 0;
    return (good[row] as number) + (Number.isNaN(s) ? 0 : s);
  };
  const found: { row: number; z: number; excess: number; norm: number }[] = [];
  let tested = 0;
  for (let c = 0; c < groups; c++) {
    const from = count[c] as number;
    const to = count[c + 1] as number;
    if (to - from < minSample) continue;
    tested += to - from;
    const values = new Float64Array(to - from);
    for (let j = from; j < to; j++) values[j - from] = cpp[order[j] as number] as number;
    values.sort();
    const med = medianSorted(values);
    const dev = values.map((v) => Math.abs(v - med)).sort();
    let scale = medianSorted(dev) * 1.4826;
    // More than half the orders at exactly the norm (standard costing): the mean absolute deviation
    // (× √(π/2), consistent for normal data) still measures the spread of the rest.
    if (scale === 0) scale = (dev.reduce((s, v) => s + v, 0) / dev.length) * 1.2533;
    if (scale === 0) continue;
    for (let j = from; j < to; j++) {
      const row = order[j] as number;
      const z = ((cpp[row] as number) - med) / scale;
      if (z > limit) found.push({ row, z, excess: ((cpp[row] as number) - med) * made(row), norm: med });
    }
  }
  if (found.length === 0) return { ...none, tested };
  found.sort((a, b) => b.excess - a.excess);
  const excess = found.reduce((s, f) => s + f.excess, 0);
  // BH over every order tested, evaluated at the outliers' ranks (the smallest p-values): the
  // smallest adjusted p is min over ranks k of p(k) · m / k; the ranks beyond the outliers are left
  // out, which can only make the figure larger (conservative).
  const byZ = found.map((f) => f.z).sort((a, b) => b - a);
  let pAdjusted = 1;
  byZ.forEach((z, k) => {
    pAdjusted = Math.min(pAdjusted, ((1 - normalCdf(z)) * tested) / (k + 1));
  });
  const worst = found[0] as (typeof found)[number];
  const workOrder = frame.texts.workOrder;
  const name = (row: number) => {
    const code = workOrder ? (workOrder.codes[row] as number) : -1;
    return code >= 0 && workOrder ? (workOrder.dict[code] as string) : `row ${frame.rowNo[row]}`;
  };
  const named = found
    .slice(0, 3)
    .map(
      (f) =>
        `${name(f.row)} (${fmt(cpp[f.row] as number, 2)} per piece vs ${fmt(f.norm, 2)}, z = ${fmt(f.z, 1)})`,
    )
    .join(', ');
  const rows = idsSelector(
    frame,
    found.map((f) => f.row),
  );
  return {
    tested,
    outliers: found.length,
    insight: {
      kind: 'cost.outlier-orders',
      entity: null,
      title: `${found.length} work orders cost far more per piece made than their part's norm (+${fmt(excess, 0)})`,
      detail: `${found.length} of ${tested} costed work orders have a robust z-score of actual cost per piece made (${source} ÷ (good + scrap), against the median and MAD of their part) above ${fmt(limit)}. Largest: ${named}.`,
      impact: {
        currency: excess,
        hours: null,
        units: null,
        formula: `Σ (cost per piece made − part median) × pieces made over the ${found.length} outliers = ${fmt(excess, 0)}`,
      },
      evidence: {
        metric: 'robust z of cost per piece made within the part',
        value: byZ[0] as number,
        baseline: null,
        expected: limit,
        statistic: { name: 'z', value: byZ[0] as number },
        pValue: pAdjusted,
        sampleSize: tested,
      },
      significant: pAdjusted < alpha && tested >= minSample,
      recommendation: `Open the largest outliers first (${name(worst.row)}): look for scrapped or reworked batches, expedited material, unplanned overtime or wrong bookings, and correct the bookings or the cause.`,
      rows,
      rowCount: rows.kind === 'ids' ? rows.ids.length : found.length,
    },
  };
}
