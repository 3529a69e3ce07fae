// forecast(method, y, options): one named method with its fallbacks for inputs it cannot handle
// (a series too short for a season, values ≤ 0 for a multiplicative model…), always stated in `note`.
import { selectEts } from './ets-fit.ts';
import { type CheckedOptions, validateOptions, validateSeries } from './input.ts';
import { crostonMethod, tsbMethod } from './intermittent.ts';
import { seasonalAdjustment } from './seasonal.ts';
import {
  etsOutput,
  type MethodContext,
  type MethodOutput,
  naiveMethod,
  onAdjusted,
  seasonalNaiveMethod,
  smoothingMethod,
} from './smoothing.ts';
import { thetaMethod } from './theta.ts';
import {
  FORECAST_METHODS,
  type Forecast,
  ForecastInputError,
  type ForecastMethod,
  type ForecastOptions,
} from './types.ts';

/** Nelder–Mead evaluations per estimated parameter for ETS refits inside a back-test. */
export const ETS_QUICK_EVALUATIONS = 25;

/** Members of the 'combination' method, averaged with equal weights. */
export const COMBINATION_MEMBERS: readonly ForecastMethod[] = ['ets', 'theta', 'damped'];

export interface Produced extends MethodOutput {
  /** The method that actually produced the forecast (differs after a fallback). */
  method: ForecastMethod;
}

const SPECS = {
  ses: { error: 'A', trend: 'N', season: 'N' },
  holt: { error: 'A', trend: 'A', season: 'N' },
  damped: { error: 'A', trend: 'Ad', season: 'N' },
  hw_additive: { error: 'A', trend: 'A', season: 'A' },
  hw_multiplicative: { error: 'A', trend: 'A', season: 'M' },
} as const;

/** Fewest values each non-seasonal method needs before it falls back to a simpler one. */
const MIN_LENGTH: Partial<Record<ForecastMethod, number>> = { ses: 3, theta: 3, holt: 5, damped: 5, ets: 5 };

const withNote = (p: Produced, note: string): Produced => ({
  ...p,
  note: p.note ? `${note}; ${p.note}` : note,
});

function adjusted(
  method: ForecastMethod,
  y: readonly number[],
  o: CheckedOptions,
  run: (x: readonly number[]) => MethodOutput | undefined,
): Produced | undefined {
  const adjustment =
    o.seasonalAdjustment === 'auto' ? seasonalAdjustment(y, o.period) : seasonalAdjustment(y, 1);
  let failed = false;
  const out = onAdjusted(y, adjustment, (x) => {
    const r = run(x);
    if (r) return r;
    failed = true;
    return naiveMethod(x, o);
  });
  if (failed) return undefined;
  const note =
    o.seasonalAdjustment === 'auto' && o.period > 1 && y.length <= 2 * o.period
      ? `fewer than ${2 * o.period + 1} values: too short to test for seasonality, no seasonal adjustment`
      : undefined;
  return { ...out, method, ...(note ? { note } : {}) };
}

function simpler(method: ForecastMethod, y: readonly number[], o: CheckedOptions, why: string): Produced {
  const next: ForecastMethod =
    method === 'damped' || method === 'holt'
      ? 'ses'
      : method === 'hw_multiplicative'
        ? 'hw_additive'
        : 'naive';
  return withNote(produce(next, y, o), `${method} not possible (${why}): using ${next.replace('_', ' ')}`);
}

function seasonalMethod(
  method: 'hw_additive' | 'hw_multiplicative',
  y: readonly number[],
  o: CheckedOptions,
  c: MethodContext,
): Produced {
  const m = o.period;
  if (m <= 1) return withNote(produce('holt', y, o), `period ${m}: no season, using Holt's linear method`);
  if (y.length < 2 * m)
    return withNote(
      produce('holt', y, o),
      `fewer than two seasons (${y.length} < ${2 * m} values): no seasonal model, using Holt's linear method`,
    );
  if (method === 'hw_multiplicative' && y.some((v) => v <= 0))
    return simpler(method, y, o, 'values ≤ 0 cannot take a multiplicative season');
  const out = smoothingMethod(y, SPECS[method], m, c);
  return out ? { ...out, method } : simpler(method, y, o, 'the model could not be fitted');
}

function etsMethod(y: readonly number[], o: CheckedOptions, c: MethodContext): Produced {
  const fit = selectEts(y, o.period, o.quick ? { maxEvaluationsPerDim: ETS_QUICK_EVALUATIONS } : {});
  if (!fit) return simpler('ets', y, o, 'no ETS model could be fitted');
  const notes: string[] = [];
  if (o.period > 1 && y.length < 2 * o.period)
    notes.push('fewer than two seasons: only non-seasonal ETS models considered');
  if (y.some((v) => v <= 0)) notes.push('values ≤ 0: multiplicative ETS models skipped');
  const out: Produced = { ...etsOutput(fit, c), method: 'ets' };
  return notes.length ? withNote(out, notes.join('; ')) : out;
}

/** Equal-weight mean of the members' forecasts; the interval is the mean of their bounds. */
export function combine(members: readonly Produced[]): MethodOutput {
  const h = (members[0] as Produced).mean.length;
  const avg = (pick: (p: Produced) => number[]) =>
    Array.from(
      { length: h },
      (_, k) => members.reduce((s, p) => s + (pick(p)[k] as number), 0) / members.length,
    );
  return {
    mean: avg((p) => p.mean),
    lower: avg((p) => p.lower),
    upper: avg((p) => p.upper),
    sigma: members.reduce((s, p) => s + p.sigma, 0) / members.length,
    params: {
      members: members.map((p) => p.method).join(','),
      rule: 'mean',
      intervals: "mean of the members' bounds",
    },
  };
}

/** Runs `method` on a validated series (no degenerate-series handling: see forecast()). */
export function produce(method: ForecastMethod, y: readonly number[], o: CheckedOptions): Produced {
  const c: MethodContext = { horizon: o.horizon, level: o.level, pointOnly: o.pointOnly };
  const min = MIN_LENGTH[method];
  if (min !== undefined && y.length < min) return simpler(method, y, o, `fewer than ${min} values`);
  switch (method) {
    case 'naive':
      return adjusted(method, y, o, (x) => naiveMethod(x, c)) as Produced;
    case 'seasonal_naive':
      if (o.period <= 1 || y.length < o.period)
        return withNote(produce('naive', y, o), `fewer than one season of ${o.period} values: using naive`);
      return { ...seasonalNaiveMethod(y, o.period, c), method };
    case 'ses':
    case 'holt':
    case 'damped':
      return (
        adjusted(method, y, o, (x) => smoothingMethod(x, SPECS[method], 1, c)) ??
        simpler(method, y, o, 'the model could not be fitted')
      );
    case 'theta':
      return (
        adjusted(method, y, o, (x) => thetaMethod(x, c)) ?? simpler(method, y, o, 'SES could not be fitted')
      );
    case 'hw_additive':
    case 'hw_multiplicative':
      return seasonalMethod(method, y, o, c);
    case 'ets':
      return etsMethod(y, o, c);
    case 'croston':
    case 'sba':
      return { ...crostonMethod(y, method === 'sba', c), method };
    case 'tsb':
      return { ...tsbMethod(y, c), method };
    case 'combination':
      return { ...combine(COMBINATION_MEMBERS.map((m) => produce(m, y, o))), method };
  }
}

/** A flat forecast for a series that does not vary (all zeros, one value, constant). */
export function constantSeries(
  method: ForecastMethod,
  y: readonly number[],
  o: CheckedOptions,
): Produced | undefined {
  const first = y[0] as number;
  if (!y.every((v) => v === first)) return undefined;
  const note =
    first === 0
      ? 'all values are 0: forecasting 0 with no spread'
      : y.length === 1
        ? 'one value: it is repeated; no error can be estimated, so the interval is the point'
        : 'the series is constant: it is repeated, with no spread';
  return { ...flatAt(method, first, o), note };
}

function flatAt(method: ForecastMethod, value: number, o: CheckedOptions): Produced {
  const mean = new Array<number>(o.horizon).fill(value);
  return { method, mean, lower: mean.slice(), upper: mean.slice(), sigma: 0, params: {} };
}

/** Clean-up common to every result: never NaN, optional clamp at 0. */
export function finish(p: Produced, y: readonly number[], o: CheckedOptions): Forecast {
  const clamp = (v: number) => (o.nonNegative && v < 0 ? 0 : v);
  const bad = [...p.mean, ...p.lower, ...p.upper].some((v) => !Number.isFinite(v));
  if (bad && p.method !== 'naive')
    return finish(withNote(produce('naive', y, o), `${p.method} gave a non-finite value: using naive`), y, o);
  if (bad)
    return finish(
      withNote(
        flatAt(p.method, y[y.length - 1] as number, o),
        'non-finite forecast: repeating the last value',
      ),
      y,
      o,
    );
  const result: Forecast = {
    method: p.method,
    params: p.params,
    mean: p.mean.map(clamp),
    lower: p.lower.map(clamp),
    upper: p.upper.map(clamp),
    level: o.level,
    sigma: Number.isFinite(p.sigma) ? p.sigma : 0,
  };
  if (p.aicc !== undefined && Number.isFinite(p.aicc)) result.aicc = p.aicc;
  if (p.note) result.note = p.note;
  return result;
}

export function forecast(method: ForecastMethod, y: readonly number[], options: ForecastOptions): Forecast {
  validateSeries(y);
  const o = validateOptions(options);
  if (!FORECAST_METHODS.includes(method))
    throw new ForecastInputError(`unknown forecasting method '${String(method)}'`);
  const produced = constantSeries(method, y, o) ?? produce(method, y, o);
  return finish(produced, y, o);
}
