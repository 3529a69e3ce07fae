// Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the usual coefficients: reflection 1,
// expansion 2, contraction ½, shrink ½). Bounds are the caller's business: the objective returns
// Infinity outside the feasible region, which the simplex treats as "worse than anything" — the way
// the ETS literature (and R's forecast::ets) constrains the smoothing parameters.

export interface MinimizeOptions {
  /** Initial step per dimension (the simplex's edge lengths). */
  steps: readonly number[];
  /** Stop after this many objective evaluations. */
  maxEvaluations?: number;
  /** Stop when the simplex's values agree to this relative tolerance. */
  tolerance?: number;
}

export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  o: MinimizeOptions,
) {
  const n = start.length;
  const maxEvaluations = o.maxEvaluations ?? 200 * n;
  const tolerance = o.tolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = (p[i] as number) + (o.steps[i] ?? 0.1);
    points.push(p);
  }
  const values = points.map(evaluate);
  const centroid = new Array<number>(n).fill(0);
  const trial = (to: readonly number[], t: number) => {
    // The point centroid + t·(to − centroid): t = −1 reflects `to` through the centroid.
    const p = new Array<number>(n);
    for (let d = 0; d < n; d++)
      p[d] = (centroid[d] as number) + t * ((to[d] as number) - (centroid[d] as number));
    return p;
  };
  while (evaluations < maxEvaluations) {
    let best = 0;
    let worst = 0;
    for (let i = 1; i <= n; i++) {
      if ((values[i] as number) < (values[best] as number)) best = i;
      if ((values[i] as number) > (values[worst] as number)) worst = i;
    }
    if (worst === best) worst = best === 0 ? 1 : 0;
    let secondWorst = best;
    for (let i = 0; i <= n; i++)
      if (i !== worst && (values[i] as number) > (values[secondWorst] as number)) secondWorst = i;
    const fBest = values[best] as number;
    const fWorst = values[worst] as number;
    if (Number.isFinite(fWorst) && Math.abs(fWorst - fBest) <= tolerance * (Math.abs(fBest) + 1e-12)) break;
    centroid.fill(0);
    for (let i = 0; i <= n; i++) {
      if (i === worst) continue;
      const p = points[i] as number[];
      for (let d = 0; d < n; d++) centroid[d] = (centroid[d] as number) + (p[d] as number) / n;
    }
    const wp = points[worst] as number[];
    const reflected = trial(wp, -1);
    const fr = evaluate(reflected);
    if (fr < fBest) {
      const expanded = trial(wp, -2);
      const fe = evaluate(expanded);
      points[worst] = fe < fr ? expanded : reflected;
      values[worst] = fe < fr ? fe : fr;
      continue;
    }
    if (fr < (values[secondWorst] as number)) {
      points[worst] = reflected;
      values[worst] = fr;
      continue;
    }
    const outside = fr < fWorst;
    const contracted = trial(outside ? reflected : wp, 0.5);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : fWorst)) {
      points[worst] = contracted;
      values[worst] = fc;
      continue;
    }
    const bp = points[best] as number[];
    for (let i = 0; i <= n; i++) {
      if (i === best) continue;
      const p = points[i] as number[];
      for (let d = 0; d < n; d++) p[d] = (bp[d] as number) + 0.5 * ((p[d] as number) - (bp[d] as number));
      values[i] = evaluate(p);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if ((values[i] as number) < (values[bestIndex] as number)) bestIndex = i;
  return {
    x: points[bestIndex] as number[],
    value: values[bestIndex] as number,
    evaluations,
  } satisfies Minimum;
}
