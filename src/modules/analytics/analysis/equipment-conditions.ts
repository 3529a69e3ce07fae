// Conditions that drive failures: on each process feature (tool wear, temperatures, speed, torque and
// what is derived from them), every threshold on a grid of round numbers splits the work orders in
// two, and the split whose failure shares differ most (two-proportion z) is the feature's condition,
// e.g. "toolWearMinutes > 200: failures 2.6 × as frequent". Picking the best of many splits makes
// the smallest p-value look better than it is, so it is multiplied by the number of splits tried
// (Bonferroni), then Benjamini–Hochberg across features. Many features move together (a failure
// heats the process and slows the spindle), so conditions are kept strongest first and each later
// one must still hold on the orders outside those already kept.
import { benjaminiHochberg, twoProportionZ, twoSidedP } from './stats.ts';
import type { WorkOrderFrame } from './types.ts';

export interface ConditionFeature {
  /** As titles name it: a canonical field, or how a derived feature is computed. */
  name: string;
  unit: string;
  values: Float64Array;
  /** The canonical field behind it (a row selector can name it), null for derived features. */
  field: string | null;
}

const RAW: readonly [string, string][] = [
  ['toolWearMinutes', 'min'],
  ['processTemperature', '°C'],
  ['ambientTemperature', '°C'],
  ['spindleSpeed', 'rpm'],
  ['torque', 'Nm'],
];

/** The process features the frame has, and the three the AI4I failure modes are known by. */
export function conditionFeatures(frame: WorkOrderFrame): ConditionFeature[] {
  const n = frame.n;
  const num = frame.numbers;
  const features: ConditionFeature[] = RAW.filter(([k]) => num[k]).map(([k, unit]) => ({
    name: k,
    unit,
    values: num[k] as Float64Array,
    field: k,
  }));
  const derive = (name: string, unit: string, f: (i: number) => number) => {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = f(i);
    features.push({ name, unit, values, field: null });
  };
  const {
    processTemperature: tp,
    ambientTemperature: ta,
    spindleSpeed: sp,
    torque: tq,
    toolWearMinutes: tw,
  } = num;
  // Heat that cannot leave the process, mechanical power and tool strain (AI4I 2020's failure modes).
  if (tp && ta)
    derive('processTemperature − ambientTemperature', 'K', (i) => (tp[i] as number) - (ta[i] as number));
  if (tq && sp)
    derive(
      'power (torque × spindleSpeed)',
      'W',
      (i) => ((tq[i] as number) * (sp[i] as number) * 2 * Math.PI) / 60,
    );
  if (tw && tq) derive('toolWearMinutes × torque', 'min·Nm', (i) => (tw[i] as number) * (tq[i] as number));
  return features;
}

export interface Side {
  orders: number;
  failures: number;
}

export interface ConditionSplit {
  feature: ConditionFeature;
  threshold: number;
  /** true: failures are more frequent above the threshold; false: at or below it. */
  above: boolean;
  inside: Side;
  outside: Side;
  ratio: number;
  statistic: number;
  /** Bonferroni over the thresholds tried, then BH across the features. */
  pValue: number;
  tried: number;
  digits: number;
}

/** A round step giving about `parts` thresholds over the range: 1, 2, 2.5 or 5 × 10ⁿ. */
export function niceStep(range: number, parts = 40): { step: number; digits: number } {
  const raw = range / parts;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-12)) ??
    10 * power) as number;
  const quarter = Math.abs(step / power - 2.5) < 1e-9 ? 1 : 0;
  return { step, digits: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) + quarter };
}

/** The best threshold of one feature over the rows not masked out; null when none is testable. */
export function bestSplit(
  feature: ConditionFeature,
  failed: Uint8Array,
  minSample: number,
  mask?: Uint8Array,
): ConditionSplit | null {
  const { values } = feature;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v) || mask?.[i]) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return null;
  const { step, digits } = niceStep(max - min);
  const first = Math.ceil(min / step) * step;
  const m = Math.max(0, Math.ceil((max - first) / step - 1e-9));
  if (m === 0) return null;
  // Bucket b holds the values above b thresholds (and at or below the next).
  const orders = new Float64Array(m + 1);
  const failures = new Float64Array(m + 1);
  let total = 0;
  let totalFailed = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v) || mask?.[i]) continue;
    const b = Math.min(m, Math.max(0, Math.ceil((v - first) / step - 1e-9)));
    orders[b] = (orders[b] as number) + 1;
    failures[b] = (failures[b] as number) + (failed[i] as number);
    total++;
    totalFailed += failed[i] as number;
  }
  let best: ConditionSplit | null = null;
  let tried = 0;
  let aboveOrders = total;
  let aboveFailed = totalFailed;
  for (let j = 0; j < m; j++) {
    aboveOrders -= orders[j] as number;
    aboveFailed -= failures[j] as number;
    const below = { orders: total - aboveOrders, failures: totalFailed - aboveFailed };
    if (aboveOrders < minSample || below.orders < minSample) continue;
    tried++;
    const z = twoProportionZ(aboveFailed, aboveOrders, below.failures, below.orders).statistic;
    if (best && Math.abs(z) <= Math.abs(best.statistic)) continue;
    const above = z > 0;
    const inside = above ? { orders: aboveOrders, failures: aboveFailed } : below;
    const outside = above ? below : { orders: aboveOrders, failures: aboveFailed };
    const threshold = Number((first + j * step).toFixed(digits));
    best = {
      feature,
      threshold,
      above,
      inside,
      outside,
      ratio: ratioOf(inside, outside),
      statistic: Math.abs(z),
      pValue: 1,
      tried: 0,
      digits,
    };
  }
  if (best) {
    best.tried = tried;
    best.pValue = Math.min(1, tried * twoSidedP(best.statistic));
  }
  return best;
}

function ratioOf(inside: Side, outside: Side): number {
  const a = inside.failures / inside.orders;
  const b = outside.failures / outside.orders;
  return b > 0 ? a / b : a > 0 ? Infinity : Number.NaN;
}

/** Orders and failures inside and outside a condition over all rows (what its row selector covers). */
export function sidesOf(split: ConditionSplit, failed: Uint8Array): { inside: Side; outside: Side } {
  const inside = { orders: 0, failures: 0 };
  const outside = { orders: 0, failures: 0 };
  for (let i = 0; i < failed.length; i++) {
    if (Number.isNaN(split.feature.values[i] as number)) continue;
    const side = insideOf(split, i) ? inside : outside;
    side.orders++;
    side.failures += failed[i] as number;
  }
  return { inside, outside };
}

/** Whether a row is inside a split's condition. */
export const insideOf = (split: ConditionSplit, i: number) => {
  const v = split.feature.values[i] as number;
  return !Number.isNaN(v) && (split.above ? v > split.threshold : v <= split.threshold);
};

export interface ConditionOptions {
  minSample: number;
  alpha: number;
  /** Failures must be at least this many times as frequent inside the condition. */
  minRatio: number;
  max: number;
}

/**
 * The conditions worth reporting, measured features before derived ones and strongest first:
 * significant after both corrections, at least `minRatio` × the failure share outside, and still so
 * on the orders outside the conditions kept before them. Rows marked in `exclude` (the orders of
 * machines failing for reasons of their own) take no part.
 */
export function failureConditions(
  features: ConditionFeature[],
  failed: Uint8Array,
  options: ConditionOptions,
  exclude?: Uint8Array,
): ConditionSplit[] {
  const splits = features
    .map((f) => bestSplit(f, failed, options.minSample, exclude))
    .filter((s): s is ConditionSplit => s !== null);
  const adjusted = benjaminiHochberg(splits.map((s) => s.pValue));
  splits.forEach((s, i) => {
    s.pValue = adjusted[i] as number;
  });
  // Measured features first: "tool wear > 200 min" can be acted on, a product of two readings
  // hardly; a derived feature is kept only for failures the measured ones leave unexplained.
  const candidates = splits
    .filter((s) => s.pValue < options.alpha && s.ratio >= options.minRatio)
    .sort(
      (a, b) =>
        Number(a.feature.field === null) - Number(b.feature.field === null) ||
        b.statistic - a.statistic ||
        (a.feature.name < b.feature.name ? -1 : 1),
    );
  const kept: ConditionSplit[] = [];
  const mask = exclude ? exclude.slice() : new Uint8Array(failed.length);
  for (const candidate of candidates) {
    if (kept.length >= options.max) break;
    if (kept.length > 0) {
      const again = bestSplit(candidate.feature, failed, options.minSample, mask);
      if (
        !again ||
        again.pValue >= options.alpha ||
        again.ratio < options.minRatio ||
        again.above !== candidate.above
      )
        continue;
    }
    kept.push(candidate);
    for (let i = 0; i < failed.length; i++) if (insideOf(candidate, i)) mask[i] = 1;
  }
  return kept;
}
