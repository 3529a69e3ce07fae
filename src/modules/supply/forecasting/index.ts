// Forecasting engine for supply planning: pure functions on series of equally spaced periods (oldest
// first), no database, deterministic.
//
//   forecast(method, y, { period, horizon, level?, nonNegative?, seasonalAdjustment? })
//   autoForecast(y, { period, horizon, candidates?, origins?, … })  → chosen forecast + back-test table
//   classifyDemand(y)  → smooth / erratic / intermittent / lumpy (Syntetos–Boylan, ADI 1.32, CV² 0.49)
//
// Methods: naive, seasonal naive, SES, Holt, damped Holt, Holt-Winters additive and multiplicative,
// ETS (15 models of error A/M × trend N/A/Ad × season N/A/M, by maximum likelihood, chosen by AICc),
// Theta (SES with drift, M3 seasonal adjustment), Croston, SBA, TSB, and the equal-weight combination
// of ETS, Theta and damped Holt.
//
// Intervals (params.intervals says which applies):
// - analytic, ETS class 1 (SES, Holt, damped, additive Holt-Winters, additive ETS models, Theta — SES's
//   variance — and the naive methods' random-walk formulas);
// - analytic, ETS class 2 (multiplicative-error ETS without a season);
// - simulated sample paths of the fitted model, seeded (multiplicative-season ETS and Holt-Winters);
// - approximate for Croston/SBA/TSB (in-sample one-step error, SES horizon scaling) and for the
//   combination (mean of the members' bounds).
// Non-seasonal methods (naive, SES, Holt, damped, Theta) run on the classically adjusted series when
// the 90 % autocorrelation test at lag `period` finds seasonality (as the M3 benchmarks did); so
// 'naive' is the M3 competition's Naive2 on a seasonal series. `seasonalAdjustment: 'none'` turns this off.
//
// Bad input: an empty series, NaN or ±Infinity, a non-whole period or horizon, or a level outside
// (0, 1) throw ForecastInputError. All zeros, one value or a constant series give a flat forecast with
// a note; a series too short for a method's season, or with values ≤ 0 for a multiplicative model,
// falls back to a simpler method and says so in `note` (autoForecast: in `fallback`). No output is NaN.

export { type AutoOptions, type AutoResult, autoForecast, defaultCandidates, SWITCH_MARGIN } from './auto.ts';
export type { BacktestRow } from './backtest.ts';
export { type BatchForecast, type BatchResult, type BatchTask, forecastBatch } from './batch.ts';
export { ADI_CUTOFF, CV2_CUTOFF, classifyDemand, type DemandClassification } from './classify.ts';
export { COMBINATION_MEMBERS, forecast } from './methods.ts';
export { mae, mase, rmsse, smape } from './metrics.ts';
export {
  type DemandClass,
  FORECAST_METHODS,
  type Forecast,
  ForecastInputError,
  type ForecastMethod,
  type ForecastOptions,
} from './types.ts';
