// KPI distributions over the replications: per policy mean, standard deviation, 5th/50th/95th
// percentiles and a histogram on bins shared by the policies (so charts compare like with like),
// and the paired difference of each policy against the first — replication by replication, on
// the same demand and events, which is what makes a small difference between policies visible.
import { HIGHER_IS_BETTER, KPI_COUNT, KPIS, type Kpi } from './types.ts';

export const HISTOGRAM_BINS = 20;

export const KPI_UNITS: Record<Kpi, string> = {
  fill_rate: 'share',
  otif: 'share',
  stockouts: 'SKU-days',
  cost_per_order: 'money/order',
  inventory_turns: 'turns/year',
  co2_kg: 'kg',
  vehicle_utilisation: 'share',
  total_cost: 'money',
  holding_cost: 'money',
  ordering_cost: 'money',
  transport_cost: 'money',
  shortage_cost: 'money',
};

export interface Distribution {
  mean: number;
  sd: number;
  min: number;
  p5: number;
  p50: number;
  p95: number;
  max: number;
}

export interface PolicyDistribution extends Distribution {
  policy: string;
  /** Replications per bin of the KPI's histogram. */
  histogram: number[];
}

export interface PairedDifference {
  policy: string;
  baseline: string;
  /** Of policy − baseline, replication by replication. */
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  /** Share of replications in which the policy did better (worse) than the baseline. */
  betterShare: number;
  worseShare: number;
}

export interface KpiSummary {
  kpi: Kpi;
  unit: string;
  higherIsBetter: boolean;
  histogram: { from: number; width: number; bins: number };
  policies: PolicyDistribution[];
  differences: PairedDifference[];
}

/** Linear interpolation between order statistics (the usual "type 7" percentile). */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export function distribution(values: Float64Array): Distribution {
  const n = values.length;
  if (n === 0) return { mean: 0, sd: 0, min: 0, p5: 0, p50: 0, p95: 0, max: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  const sorted = Float64Array.from(values).sort();
  return {
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: sorted[0] as number,
    p5: percentile(sorted, 0.05),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted[n - 1] as number,
  };
}

/**
 * Summaries per KPI from the values of all replications in order: value of (replication r,
 * policy p, KPI k) at (r·policies + p)·KPI_COUNT + k.
 */
export function summarise(values: Float64Array, policyKeys: string[]): KpiSummary[] {
  const policies = policyKeys.length;
  const replications = values.length / (policies * KPI_COUNT);
  const column = (p: number, k: number) => {
    const out = new Float64Array(replications);
    for (let r = 0; r < replications; r++) out[r] = values[(r * policies + p) * KPI_COUNT + k] as number;
    return out;
  };
  return KPIS.map((kpi, k) => {
    const columns = policyKeys.map((_, p) => column(p, k));
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const c of columns)
      for (const v of c) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    if (!Number.isFinite(lo)) lo = hi = 0;
    const width = hi > lo ? (hi - lo) / HISTOGRAM_BINS : 1;
    const bins = hi > lo ? HISTOGRAM_BINS : 1;
    const higher = HIGHER_IS_BETTER[kpi];
    const baseline = columns[0] as Float64Array;
    return {
      kpi,
      unit: KPI_UNITS[kpi],
      higherIsBetter: higher,
      histogram: { from: lo, width, bins },
      policies: columns.map((c, p) => {
        const histogram = new Array<number>(bins).fill(0);
        for (const v of c) {
          const bin = Math.min(bins - 1, Math.floor((v - lo) / width));
          histogram[bin] = (histogram[bin] as number) + 1;
        }
        return { policy: policyKeys[p] as string, ...distribution(c), histogram };
      }),
      differences: columns.slice(1).map((c, i) => {
        const diff = new Float64Array(replications);
        let better = 0;
        let worse = 0;
        for (let r = 0; r < replications; r++) {
          const d = (c[r] as number) - (baseline[r] as number);
          diff[r] = d;
          if (d !== 0 && d > 0 === higher) better++;
          else if (d !== 0) worse++;
        }
        const { mean, p5, p50, p95 } = distribution(diff);
        return {
          policy: policyKeys[i + 1] as string,
          baseline: policyKeys[0] as string,
          mean,
          p5,
          p50,
          p95,
          betterShare: replications > 0 ? better / replications : 0,
          worseShare: replications > 0 ? worse / replications : 0,
        };
      }),
    };
  });
}

/** Chunks' values (in any order) joined in replication order. */
export function joinChunks(
  chunks: { from: number; to: number; values: Float64Array }[],
  policies: number,
): Float64Array {
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  const total = sorted.reduce((n, c) => n + c.values.length, 0);
  const out = new Float64Array(total);
  let expected = sorted[0]?.from ?? 0;
  for (const c of sorted) {
    if (c.from !== expected) throw new Error(`simulation chunks leave a gap at replication ${expected}`);
    out.set(c.values, c.from * policies * KPI_COUNT - (sorted[0]?.from ?? 0) * policies * KPI_COUNT);
    expected = c.to;
  }
  return out;
}
