// Forecast accuracy measures shared by the back-test and the M3 evaluation.
// sMAPE as in the M3 competition (Makridakis & Hibon 2000): 200·|A − F| / (A + F) in %, per value;
// the denominator uses |A| + |F| so it stays defined for zeros and negatives (all M3 values are
// positive, where the two agree). MASE (Hyndman & Koehler 2006): MAE over the in-sample MAE of the
// seasonal naive method with lag m (lag 1 when the series is shorter than m + 1).

/** sMAPE of one forecast value (%); 0 when actual and forecast are both 0. */
export function smapeTerm(actual: number, forecast: number): number {
  const denominator = Math.abs(actual) + Math.abs(forecast);
  return denominator === 0 ? 0 : (200 * Math.abs(actual - forecast)) / denominator;
}

/** Mean sMAPE over the horizons present in both arrays (%). */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  const h = Math.min(actual.length, forecast.length);
  let s = 0;
  for (let k = 0; k < h; k++) s += smapeTerm(actual[k] as number, forecast[k] as number);
  return h > 0 ? s / h : 0;
}

export function mae(actual: readonly number[], forecast: readonly number[]): number {
  const h = Math.min(actual.length, forecast.length);
  let s = 0;
  for (let k = 0; k < h; k++) s += Math.abs((actual[k] as number) - (forecast[k] as number));
  return h > 0 ? s / h : 0;
}

/** In-sample MAE of the seasonal naive forecast (lag m, or 1 when the series is too short); 0 if flat. */
export function maseScale(train: readonly number[], m: number): number {
  const lag = m >= 1 && train.length > m ? m : 1;
  let s = 0;
  let count = 0;
  for (let t = lag; t < train.length; t++) {
    s += Math.abs((train[t] as number) - (train[t - lag] as number));
    count++;
  }
  return count > 0 ? s / count : 0;
}

/**
 * The scale MASE divides by. A flat training part (seasonal-naive MAE 0) has no naive error to compare
 * with: the mean |value| of the training part is used instead (or 1 if that is 0 too), so figures stay
 * finite.
 */
export function errorScale(train: readonly number[], m: number): number {
  const scale = maseScale(train, m);
  if (scale > 0) return scale;
  const level = train.reduce((s, v) => s + Math.abs(v), 0) / Math.max(1, train.length);
  return level > 0 ? level : 1;
}

export function mase(
  train: readonly number[],
  actual: readonly number[],
  forecast: readonly number[],
  m: number,
) {
  return mae(actual, forecast) / errorScale(train, m);
}

/** Root mean squared error over the same scale as MASE (an MSE-based measure for intermittent demand). */
export function rmsse(
  train: readonly number[],
  actual: readonly number[],
  forecast: readonly number[],
  m: number,
) {
  const h = Math.min(actual.length, forecast.length);
  let ss = 0;
  for (let k = 0; k < h; k++) ss += ((actual[k] as number) - (forecast[k] as number)) ** 2;
  return h > 0 ? Math.sqrt(ss / h) / errorScale(train, m) : 0;
}

/** sMAPE term exactly as the M3 competition computed it: 200·|A − F| / (A + F) (no absolute values). */
export function smapeM3Term(actual: number, forecast: number): number {
  const denominator = actual + forecast;
  return denominator === 0 ? 0 : (200 * Math.abs(actual - forecast)) / denominator;
}
