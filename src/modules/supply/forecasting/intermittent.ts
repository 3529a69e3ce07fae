// Forecasts for intermittent demand (many periods without demand).
// - Croston (1972): demand sizes z and inter-demand intervals p are smoothed separately, only in
//   periods with demand (z ← z + α(y − z), p ← p + α(q − p), q = periods since the previous demand);
//   the forecast per period is z/p.
// - SBA (Syntetos & Boylan 2005): Croston's ratio times (1 − α/2), which removes its positive bias.
// - TSB (Teunter, Syntetos & Babai 2011): the probability of demand π is smoothed every period
//   (π ← π + β(1[y > 0] − π)) and the size z in periods with demand; the forecast is π·z, so an item
//   whose demand stops sees its forecast decay.
// Initial values: z = the first demand, p = the periods up to and including it; TSB's π = the share
// of periods with demand. Smoothing constants are chosen on a grid (0.05…0.3, the range the
// literature recommends) by the in-sample mean squared one-step error.
// Intervals (no model-based ones exist): mean ± z·σ_h with σ the in-sample one-step error and
// σ_h = σ·√(1 + (h − 1)·α²), SES's horizon scaling — an approximation, stated in params.intervals.
import { normalBand } from './intervals.ts';
import type { MethodContext, MethodOutput } from './smoothing.ts';

export interface CrostonParams {
  alpha: number;
}

export interface TsbParams {
  alpha: number;
  beta: number;
}

interface Run {
  /** Forecast per period after the last observation. */
  forecast: number;
  /** One-step forecasts made before each period (undefined before the first demand for Croston). */
  oneStep: (number | undefined)[];
}

/** Croston's recursion; `debias` = true gives SBA. */
export function crostonRun(y: readonly number[], { alpha }: CrostonParams, debias: boolean): Run {
  const factor = debias ? 1 - alpha / 2 : 1;
  let size: number | undefined;
  let interval = 0;
  let sinceLast = 0;
  const oneStep: (number | undefined)[] = [];
  for (const v of y) {
    sinceLast++;
    oneStep.push(size === undefined ? undefined : (factor * size) / interval);
    if (v <= 0) continue;
    if (size === undefined) {
      size = v;
      interval = sinceLast;
    } else {
      size += alpha * (v - size);
      interval += alpha * (sinceLast - interval);
    }
    sinceLast = 0;
  }
  return { forecast: size === undefined ? 0 : (factor * size) / interval, oneStep };
}

/** TSB's recursion. */
export function tsbRun(y: readonly number[], { alpha, beta }: TsbParams, probability0?: number): Run {
  const demands = y.filter((v) => v > 0);
  let probability = probability0 ?? demands.length / Math.max(1, y.length);
  let size = demands[0] ?? 0;
  const oneStep: (number | undefined)[] = [];
  for (const v of y) {
    oneStep.push(probability * size);
    if (v > 0) {
      probability += beta * (1 - probability);
      size += alpha * (v - size);
    } else probability += beta * (0 - probability);
  }
  return { forecast: probability * size, oneStep };
}

const GRID = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

function oneStepErrors(y: readonly number[], run: Run): number[] {
  const errors: number[] = [];
  run.oneStep.forEach((f, t) => {
    if (f !== undefined) errors.push((y[t] as number) - f);
  });
  return errors;
}

const meanSquare = (e: readonly number[]) => (e.length ? e.reduce((s, v) => s + v * v, 0) / e.length : 0);

function output(
  y: readonly number[],
  run: Run,
  alpha: number,
  params: Record<string, number | string>,
  c: MethodContext,
): MethodOutput {
  const errors = oneStepErrors(y, run);
  const sigma = Math.sqrt(meanSquare(errors));
  const mean = new Array<number>(c.horizon).fill(run.forecast);
  const band = c.pointOnly
    ? { lower: mean.slice(), upper: mean.slice() }
    : normalBand(
        mean,
        mean.map((_, k) => sigma * Math.sqrt(1 + k * alpha * alpha)),
        c.level,
      );
  return {
    mean,
    ...band,
    sigma,
    params: { ...params, intervals: 'approximate (in-sample one-step error, SES horizon scaling)' },
  };
}

const NEGATIVE_NOTE = 'values < 0 are treated as periods without demand';
const noted = (y: readonly number[], out: MethodOutput): MethodOutput =>
  y.some((v) => v < 0) ? { ...out, note: NEGATIVE_NOTE } : out;

export function crostonMethod(y: readonly number[], debias: boolean, c: MethodContext): MethodOutput {
  let best = { alpha: GRID[0] as number, mse: Number.POSITIVE_INFINITY };
  for (const alpha of GRID) {
    const mse = meanSquare(oneStepErrors(y, crostonRun(y, { alpha }, debias)));
    if (mse < best.mse) best = { alpha, mse };
  }
  return noted(
    y,
    output(y, crostonRun(y, { alpha: best.alpha }, debias), best.alpha, { alpha: best.alpha }, c),
  );
}

export function tsbMethod(y: readonly number[], c: MethodContext): MethodOutput {
  let best = { alpha: GRID[0] as number, beta: GRID[0] as number, mse: Number.POSITIVE_INFINITY };
  for (const alpha of GRID)
    for (const beta of GRID) {
      const mse = meanSquare(oneStepErrors(y, tsbRun(y, { alpha, beta })));
      if (mse < best.mse) best = { alpha, beta, mse };
    }
  const run = tsbRun(y, best);
  return noted(y, output(y, run, best.alpha, { alpha: best.alpha, beta: best.beta }, c));
}
