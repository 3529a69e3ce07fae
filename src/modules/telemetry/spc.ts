// Statistical process control for one sensor's readings: control limits learned from a baseline
// and the run rules of Western Electric (1–4) and Nelson (1–8), evaluated point by point as
// readings arrive. Pure: no I/O, no clock. Our own code, because it is the product (issue 12).
//
// Zones are distances from the center line in units of sigma: beyond 3σ, beyond 2σ ("zone A"),
// beyond 1σ ("zone B"), within 1σ ("zone C"). A point exactly on the center line is on neither
// side, so it ends a run of points on one side. A rule fires at a point when the pattern it
// describes ends at that point and the point takes part in it; a run that goes on keeps firing,
// once per point (the alarm lifecycle keeps one open alarm per rule).

export const WESTERN_ELECTRIC_RULES = ['we1', 'we2', 'we3', 'we4'] as const;
export const NELSON_RULES = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'] as const;
export type RuleId = (typeof WESTERN_ELECTRIC_RULES)[number] | (typeof NELSON_RULES)[number];

export const RULE_DESCRIPTIONS: Record<RuleId, string> = {
  we1: 'one point beyond 3σ',
  we2: '2 of 3 consecutive points beyond 2σ on the same side',
  we3: '4 of 5 consecutive points beyond 1σ on the same side',
  we4: '8 consecutive points on the same side of the center line',
  n1: 'one point beyond 3σ',
  n2: '9 points in a row on the same side of the center line',
  n3: '6 points in a row steadily increasing or decreasing',
  n4: '14 points in a row alternating up and down',
  n5: '2 of 3 points in a row beyond 2σ on the same side',
  n6: '4 of 5 points in a row beyond 1σ on the same side',
  n7: '15 points in a row within 1σ of the center line',
  n8: '8 points in a row beyond 1σ, on both sides of the center line',
};

/** The longest run any rule looks at (Nelson 7): how many recent points a stream must keep. */
export const WINDOW = 15;

export interface ControlLimits {
  center: number;
  /** One standard deviation of the process; > 0. */
  sigma: number;
}

export interface Signal {
  rule: RuleId;
  /** Indices (into the evaluated series) of the points that make up the pattern, oldest first. */
  points: number[];
}

/** d2 for subgroups of two: the expected moving range of normal data is d2·σ. */
const D2 = 1.128;

/**
 * Control limits from an in-control baseline: the center is its mean; sigma is estimated from the
 * average moving range (MR̄ / d2), as for an individuals chart, which a slow drift inside the
 * baseline does not inflate the way the overall standard deviation would.
 */
export function limitsFromBaseline(values: readonly number[]): ControlLimits {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) throw new Error('a baseline needs at least two finite values');
  const center = finite.reduce((sum, x) => sum + x, 0) / finite.length;
  let ranges = 0;
  for (let i = 1; i < finite.length; i++)
    ranges += Math.abs((finite[i] as number) - (finite[i - 1] as number));
  const sigma = ranges / (finite.length - 1) / D2;
  if (!(sigma > 0)) throw new Error('the baseline does not vary: sigma cannot be estimated');
  return { center, sigma };
}

/** Signed distance from the center line in sigmas. */
const zOf = (value: number, limits: ControlLimits) => (value - limits.center) / limits.sigma;
const sideOf = (z: number) => Math.sign(z);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * `count` of the last `of` points (fewer at the start of a series) beyond `sigmas` on the side of
 * the last point, the last among them.
 */
function kOfM(z: readonly number[], end: number, count: number, of: number, sigmas: number): number[] | null {
  const side = sideOf(z[end] as number);
  if (side === 0 || Math.abs(z[end] as number) <= sigmas) return null;
  const beyond = range(Math.max(0, end - of + 1), end).filter(
    (i) => sideOf(z[i] as number) === side && Math.abs(z[i] as number) > sigmas,
  );
  return beyond.length >= count ? beyond : null;
}

/** The last `length` points all on the same side of the center line. */
function sameSide(z: readonly number[], end: number, length: number): number[] | null {
  if (end + 1 < length) return null;
  const side = sideOf(z[end] as number);
  if (side === 0) return null;
  const points = range(end - length + 1, end);
  return points.every((i) => sideOf(z[i] as number) === side) ? points : null;
}

/** The last `length` points each above (or each below) the one before. */
function trend(values: readonly number[], end: number, length: number): number[] | null {
  if (end + 1 < length) return null;
  const points = range(end - length + 1, end);
  const steps = points.slice(1).map((i) => Math.sign((values[i] as number) - (values[i - 1] as number)));
  const first = steps[0];
  return first !== 0 && steps.every((step) => step === first) ? points : null;
}

/** The last `length` points going up and down in turn. */
function alternating(values: readonly number[], end: number, length: number): number[] | null {
  if (end + 1 < length) return null;
  const points = range(end - length + 1, end);
  const steps = points.slice(1).map((i) => Math.sign((values[i] as number) - (values[i - 1] as number)));
  const alternates = steps.every((step, k) => step !== 0 && (k === 0 || step === -(steps[k - 1] as number)));
  return alternates ? points : null;
}

/** The last `length` points all within (or all beyond) 1σ. */
function allZone(z: readonly number[], end: number, length: number, within: boolean): number[] | null {
  if (end + 1 < length) return null;
  const points = range(end - length + 1, end);
  return points.every((i) => Math.abs(z[i] as number) < 1 === within) ? points : null;
}

const RULES: Record<
  RuleId,
  (values: readonly number[], z: readonly number[], end: number) => number[] | null
> = {
  we1: (_, z, end) => (Math.abs(z[end] as number) > 3 ? [end] : null),
  we2: (_, z, end) => kOfM(z, end, 2, 3, 2),
  we3: (_, z, end) => kOfM(z, end, 4, 5, 1),
  we4: (_, z, end) => sameSide(z, end, 8),
  n1: (_, z, end) => (Math.abs(z[end] as number) > 3 ? [end] : null),
  n2: (_, z, end) => sameSide(z, end, 9),
  n3: (values, _, end) => trend(values, end, 6),
  n4: (values, _, end) => alternating(values, end, 14),
  n5: (_, z, end) => kOfM(z, end, 2, 3, 2),
  n6: (_, z, end) => kOfM(z, end, 4, 5, 1),
  n7: (_, z, end) => allZone(z, end, 15, true),
  n8: (_, z, end) => {
    const points = allZone(z, end, 8, false);
    if (!points) return null;
    const sides = new Set(points.map((i) => sideOf(z[i] as number)));
    return sides.has(1) && sides.has(-1) ? points : null;
  },
};

/** The signals of `rules` at the point `end` of `values` (earlier points only as its history). */
export function signalsAt(
  values: readonly number[],
  end: number,
  limits: ControlLimits,
  rules: readonly RuleId[],
): Signal[] {
  if (!(limits.sigma > 0) || !Number.isFinite(limits.center)) throw new Error('invalid control limits');
  const from = Math.max(0, end - WINDOW + 1);
  const window = values.slice(from, end + 1);
  const z = window.map((value) => zOf(value, limits));
  const signals: Signal[] = [];
  for (const rule of rules) {
    const points = RULES[rule](window, z, window.length - 1);
    if (points) signals.push({ rule, points: points.map((i) => i + from) });
  }
  return signals;
}

/** Every signal of `rules` over a whole series, point by point, as a stream would see them. */
export function evaluateSeries(
  values: readonly number[],
  limits: ControlLimits,
  rules: readonly RuleId[],
): Signal[] {
  return values.flatMap((_, end) => signalsAt(values, end, limits, rules));
}
