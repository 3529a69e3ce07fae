// Rates of bad pieces (scrap, rework, defects, a supplier's nonconforming material) judged entity by
// entity against the rest of the plant, on pieces. Each entity of a field (every part, machine,
// supplier, operator, shift) gets a two-proportion z-test against all other work orders, and the
// p-values of one field are Benjamini–Hochberg adjusted together. Two guards keep false alarms low:
//  - overdispersion: pieces of one work order are not independent (a bad bar of steel scraps many
//    at once), so the binomial variance is scaled by the dispersion φ measured across work orders
//    (quasi-binomial); without it every large entity would look "significant";
//  - confounding: a part made only from a bad supplier's material shows the supplier's scrap rate.
//    Candidates are kept strongest first; each later one must still be significantly worse once the
//    work orders of those already kept are set aside, else it is named as explained by them.
// And one rule keeps the findings material: an entity is reported when its rate is above the
// threshold *and* at least half the threshold above the rest's. With hundreds of thousands of pieces
// a difference of a few tenths of a percent is "significant" but worth nobody's time, and where the
// whole plant runs above a threshold, being above it says nothing about one entity.
import { benjaminiHochberg, twoSidedP } from './stats.ts';
import type { WorkOrderFrame } from './types.ts';

export type RateKind = 'scrap-rate' | 'rework-rate' | 'defect-rate' | 'supplier-quality';

export interface RateSpec {
  kind: RateKind;
  /** How titles name it: "scrap rate". */
  metric: string;
  /** Per work order: bad pieces (0 when empty). */
  count: Float64Array;
  /** Per work order: the pieces the rate is taken over (0 when unknown: the order is left out). */
  base: Float64Array;
  /** Binomial (a share of pieces) or Poisson (defects per piece, which can exceed one per piece). */
  proportion: boolean;
  /** Reported only above this rate (a fraction). */
  threshold: number;
  /** The text fields whose entities are judged. */
  fields: readonly string[];
}

export interface Totals {
  orders: number;
  count: number;
  base: number;
}

export interface RateFinding {
  spec: RateSpec;
  field: string;
  value: string;
  code: number;
  /** All work orders of the entity (what its row selector covers). */
  rows: number;
  /** Its orders with pieces, bad pieces and pieces; the same for the rest of the plant. */
  entity: Totals;
  rest: Totals;
  rate: number;
  restRate: number;
  statistic: number;
  /** BH-adjusted within the field, over `tested` entities. */
  pValue: number;
  tested: number;
  /** The between-order dispersion φ the variance was scaled by. */
  dispersion: number;
  /** Candidates set aside because this finding explains them: "part 4711 (9.0 %)". */
  explains: { field: string; value: string; rate: number }[];
}

const varianceOf = (p: number, proportion: boolean) => (proportion ? p * (1 - p) : p);

/** Rate over all work orders, and the dispersion φ ≥ 1 of the per-order counts around it. */
export function overall(spec: RateSpec): Totals & { rate: number; dispersion: number } {
  const { count, base } = spec;
  let orders = 0;
  let x = 0;
  let n = 0;
  for (let i = 0; i < base.length; i++) {
    const b = base[i] as number;
    if (b > 0) {
      orders++;
      x += count[i] as number;
      n += b;
    }
  }
  const rate = n > 0 ? x / n : Number.NaN;
  const v = varianceOf(rate, spec.proportion);
  let chi2 = 0;
  if (v > 0)
    for (let i = 0; i < base.length; i++) {
      const b = base[i] as number;
      if (b > 0) chi2 += ((count[i] as number) - rate * b) ** 2 / (v * b);
    }
  const dispersion = orders > 1 && v > 0 ? Math.max(1, chi2 / (orders - 1)) : 1;
  return { orders, count: x, base: n, rate, dispersion };
}

/** z of rate a against rate b (pieces na, nb), the variance scaled by φ. */
export function rateZ(a: Totals, b: Totals, proportion: boolean, dispersion: number): number {
  if (a.base <= 0 || b.base <= 0) return 0;
  const pooled = Math.min(proportion ? 1 : Infinity, (a.count + b.count) / (a.base + b.base));
  const se = Math.sqrt(dispersion * varianceOf(pooled, proportion) * (1 / a.base + 1 / b.base));
  return se > 0 ? (a.count / a.base - b.count / b.base) / se : 0;
}

interface FieldSums {
  all: Int32Array;
  orders: Float64Array;
  count: Float64Array;
  base: Float64Array;
}

/** Per entity code of a field: all rows, and orders/bad/pieces over rows not masked out. */
function sumsByCode(frame: WorkOrderFrame, field: string, spec: RateSpec, mask?: Uint8Array): FieldSums {
  const column = frame.texts[field] as { codes: Int32Array; dict: string[] };
  const k = column.dict.length;
  const sums = {
    all: new Int32Array(k),
    orders: new Float64Array(k),
    count: new Float64Array(k),
    base: new Float64Array(k),
  };
  const { codes } = column;
  for (let i = 0; i < frame.n; i++) {
    const c = codes[i] as number;
    if (c < 0) continue;
    sums.all[c] = (sums.all[c] as number) + 1;
    const b = spec.base[i] as number;
    if (b > 0 && !mask?.[i]) {
      sums.orders[c] = (sums.orders[c] as number) + 1;
      sums.count[c] = (sums.count[c] as number) + (spec.count[i] as number);
      sums.base[c] = (sums.base[c] as number) + b;
    }
  }
  return sums;
}

export interface RateRules {
  alpha: number;
  minSample: number;
}

/** Above the threshold and materially above the rest (see the top of the file). */
export const beyondThreshold = (rate: number, restRate: number, threshold: number) =>
  rate > threshold && rate - restRate >= threshold / 2;

/**
 * The entities of the spec's fields whose rate is beyond its threshold and significantly above the
 * rest's, after the confounding guard; strongest (largest z) first.
 */
export function rateFindings(frame: WorkOrderFrame, spec: RateSpec, rules: RateRules): RateFinding[] {
  const whole = overall(spec);
  if (!(whole.base > 0)) return [];
  const candidates: RateFinding[] = [];
  for (const field of spec.fields) {
    if (!frame.texts[field]) continue;
    const sums = sumsByCode(frame, field, spec);
    const tested: RateFinding[] = [];
    const dict = (frame.texts[field] as { dict: string[] }).dict;
    for (let c = 0; c < dict.length; c++) {
      if ((sums.orders[c] as number) < rules.minSample) continue;
      const entity = {
        orders: sums.orders[c] as number,
        count: sums.count[c] as number,
        base: sums.base[c] as number,
      };
      const rest = {
        orders: whole.orders - entity.orders,
        count: whole.count - entity.count,
        base: whole.base - entity.base,
      };
      if (rest.orders < rules.minSample || !(rest.base > 0)) continue;
      const statistic = rateZ(entity, rest, spec.proportion, whole.dispersion);
      tested.push({
        spec,
        field,
        value: dict[c] as string,
        code: c,
        rows: sums.all[c] as number,
        entity,
        rest,
        rate: entity.count / entity.base,
        restRate: rest.count / rest.base,
        statistic,
        pValue: twoSidedP(statistic),
        tested: 0,
        dispersion: whole.dispersion,
        explains: [],
      });
    }
    const adjusted = benjaminiHochberg(tested.map((t) => t.pValue));
    tested.forEach((t, i) => {
      t.pValue = adjusted[i] as number;
      t.tested = tested.length;
      if (t.pValue < rules.alpha && beyondThreshold(t.rate, t.restRate, spec.threshold)) candidates.push(t);
    });
  }
  return keepUnexplained(frame, spec, candidates, whole, rules);
}

/** The confounding guard: strongest first, each re-tested without the orders of those kept. */
function keepUnexplained(
  frame: WorkOrderFrame,
  spec: RateSpec,
  candidates: RateFinding[],
  whole: Totals & { dispersion: number },
  rules: RateRules,
): RateFinding[] {
  candidates.sort((a, b) => b.statistic - a.statistic || (a.value < b.value ? -1 : 1));
  const kept: RateFinding[] = [];
  if (candidates.length === 0) return kept;
  const mask = new Uint8Array(frame.n);
  const left = { orders: whole.orders, count: whole.count, base: whole.base };
  const byOrder = (c: RateFinding) => (frame.texts[c.field] as { codes: Int32Array }).codes;
  for (const candidate of candidates) {
    const codes = byOrder(candidate);
    const own = { orders: 0, count: 0, base: 0 };
    for (let i = 0; i < frame.n; i++) {
      const b = spec.base[i] as number;
      if (codes[i] === candidate.code && b > 0 && !mask[i]) {
        own.orders++;
        own.count += spec.count[i] as number;
        own.base += b;
      }
    }
    const rest = {
      orders: left.orders - own.orders,
      count: left.count - own.count,
      base: left.base - own.base,
    };
    const z = rateZ(own, rest, spec.proportion, whole.dispersion);
    const still =
      own.orders >= rules.minSample &&
      own.base > 0 &&
      rest.base > 0 &&
      beyondThreshold(own.count / own.base, rest.count / rest.base, spec.threshold) &&
      twoSidedP(z) < rules.alpha &&
      z > 0;
    if (!still) {
      const by = explainer(frame, kept, candidate);
      if (by) by.explains.push({ field: candidate.field, value: candidate.value, rate: candidate.rate });
      continue;
    }
    kept.push(candidate);
    for (let i = 0; i < frame.n; i++) {
      if (codes[i] !== candidate.code || mask[i]) continue;
      mask[i] = 1;
      const b = spec.base[i] as number;
      if (b > 0) {
        left.orders--;
        left.count -= spec.count[i] as number;
        left.base -= b;
      }
    }
  }
  return kept;
}

/** Of the findings kept, the one sharing the most orders with the candidate set aside. */
function explainer(frame: WorkOrderFrame, kept: RateFinding[], candidate: RateFinding): RateFinding | null {
  const codes = (frame.texts[candidate.field] as { codes: Int32Array }).codes;
  let best: RateFinding | null = null;
  let bestShared = 0;
  for (const k of kept) {
    const other = (frame.texts[k.field] as { codes: Int32Array }).codes;
    let shared = 0;
    for (let i = 0; i < frame.n; i++) if (codes[i] === candidate.code && other[i] === k.code) shared++;
    if (shared > bestShared) {
      bestShared = shared;
      best = k;
    }
  }
  return best;
}
