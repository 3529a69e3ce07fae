// Automatic forecasting: classify the series (classify.ts), pick the candidate methods that suit its
// class and length, back-test them at a few rolling origins on the series itself (backtest.ts) and
// refit the chosen one on the whole series for the forecast and its interval.
//
// Selection. Each class has a default method — the ETS/Theta/damped combination for smooth and erratic
// series, SBA for intermittent and lumpy ones — and another candidate replaces it only when its mean
// back-test error is at least SWITCH_MARGIN (10 %) lower. On the 1,428 M3 monthly series, picking
// whichever candidate had the lowest back-test error was clearly worse than always combining
// (the back-test's last few origins are a noisy guide to the next 18 months); the margin keeps the
// robust default unless the evidence is strong. Error measure: MASE for smooth and erratic series,
// RMSSE for intermittent and lumpy ones (an MAE-based choice favours forecasting 0, useless for stock).
import { type BacktestRow, backtest, planOrigins } from './backtest.ts';
import { classifyDemand } from './classify.ts';
import { type CheckedOptions, validateOptions, validateSeries } from './input.ts';
import { constantSeries, finish, produce } from './methods.ts';
import {
  type DemandClass,
  FORECAST_METHODS,
  type Forecast,
  ForecastInputError,
  type ForecastMethod,
  type ForecastOptions,
} from './types.ts';

export interface AutoOptions extends ForecastOptions {
  /** Methods to choose from (default: by demand class, see defaultCandidates). */
  candidates?: ForecastMethod[];
  /** Back-test origins (default 3). */
  origins?: number;
}

export interface AutoResult {
  chosen: Forecast;
  demandClass: DemandClass;
  backtest: BacktestRow[];
  /** Why the selection was narrowed or skipped (short series, zeros…), when it was. */
  fallback?: string;
}

/** A candidate must beat the class's default by this share of its back-test error to replace it. */
export const SWITCH_MARGIN = 0.1;

const SMOOTH: ForecastMethod[] = ['combination', 'theta', 'ets', 'damped'];
const INTERMITTENT: ForecastMethod[] = ['sba', 'croston', 'tsb', 'ses'];
const SEASONAL_ONLY = new Set<ForecastMethod>(['seasonal_naive', 'hw_additive', 'hw_multiplicative']);

const isIntermittent = (c: DemandClass) => c === 'intermittent' || c === 'lumpy';

/** The candidates tried when the caller names none; the first is the class's default. */
export function defaultCandidates(demandClass: DemandClass): ForecastMethod[] {
  return isIntermittent(demandClass) ? INTERMITTENT.slice() : SMOOTH.slice();
}

/** Shortest training part an origin may have: two seasons when seasonal models compete, else 8 values. */
function minimumTraining(m: number, candidates: readonly ForecastMethod[]): number {
  const seasonal = candidates.some((c) => SEASONAL_ONLY.has(c) || c === 'ets' || c === 'combination');
  return m > 1 && seasonal ? Math.max(8, 2 * m) : 8;
}

function checkCandidates(list: readonly ForecastMethod[] | undefined, demandClass: DemandClass) {
  if (!list?.length) return defaultCandidates(demandClass);
  for (const c of list)
    if (!FORECAST_METHODS.includes(c))
      throw new ForecastInputError(`unknown forecasting method '${String(c)}'`);
  return [...new Set(list)];
}

/** The default (first candidate) unless another's error is lower by SWITCH_MARGIN or more. */
export function selectFromBacktest(rows: readonly BacktestRow[], intermittent: boolean): BacktestRow {
  const score = (r: BacktestRow) => (intermittent ? r.rmsse : r.mase);
  const preferred = rows[0] as BacktestRow;
  let best = preferred;
  for (const r of rows) if (score(r) < score(best)) best = r;
  return score(best) <= (1 - SWITCH_MARGIN) * score(preferred) ? best : preferred;
}

function shortSeriesMethod(y: readonly number[], demandClass: DemandClass): ForecastMethod {
  if (isIntermittent(demandClass)) return 'sba';
  return y.length >= 3 ? 'ses' : 'naive';
}

function result(
  chosen: Forecast,
  demandClass: DemandClass,
  rows: BacktestRow[],
  notes: string[],
): AutoResult {
  return { chosen, demandClass, backtest: rows, ...(notes.length ? { fallback: notes.join('; ') } : {}) };
}

export function autoForecast(y: readonly number[], options: AutoOptions): AutoResult {
  validateSeries(y);
  const o: CheckedOptions = validateOptions(options);
  const origins = options.origins ?? 3;
  if (!Number.isInteger(origins) || origins < 1 || origins > 50)
    throw new ForecastInputError(`origins must be a whole number from 1 to 50 (got ${String(origins)})`);
  const { demandClass } = classifyDemand(y);
  let candidates = checkCandidates(options.candidates, demandClass);
  const notes: string[] = [];
  const m = o.period;
  if (m > 1 && y.length < 2 * m && candidates.some((c) => SEASONAL_ONLY.has(c))) {
    const kept = candidates.filter((c) => !SEASONAL_ONLY.has(c));
    if (kept.length) {
      candidates = kept;
      notes.push(`fewer than two seasons (${y.length} < ${2 * m} values): seasonal methods left out`);
    }
  }
  const flat = constantSeries(candidates[0] as ForecastMethod, y, o);
  if (flat)
    return result(finish(flat, y, o), demandClass, [], [...notes, 'the series does not vary: no back-test']);
  let plan = planOrigins(y.length, o.horizon, origins, minimumTraining(m, candidates));
  if (plan.trainLengths.length === 0) plan = planOrigins(y.length, o.horizon, origins, 8);
  if (candidates.length === 1)
    return result(finish(produce(candidates[0] as ForecastMethod, y, o), y, o), demandClass, [], notes);
  if (plan.trainLengths.length === 0) {
    const method = shortSeriesMethod(y, demandClass);
    notes.push(`${y.length} values: too short for a back-test, using ${method}`);
    return result(finish(produce(method, y, o), y, o), demandClass, [], notes);
  }
  const rows = backtest(y, candidates, o, plan);
  const best = selectFromBacktest(rows, isIntermittent(demandClass));
  return result(finish(produce(best.method, y, o), y, o), demandClass, rows, notes);
}
