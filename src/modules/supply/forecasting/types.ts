// Shared types of the forecasting engine. Series are plain arrays of equally spaced periods (oldest
// first); nothing here knows about dates, SKUs or the database.

export type ForecastMethod =
  | 'naive'
  | 'seasonal_naive'
  | 'ses'
  | 'holt'
  | 'damped'
  | 'hw_additive'
  | 'hw_multiplicative'
  | 'ets'
  | 'theta'
  | 'croston'
  | 'sba'
  | 'tsb'
  | 'combination';

export const FORECAST_METHODS: readonly ForecastMethod[] = [
  'naive',
  'seasonal_naive',
  'ses',
  'holt',
  'damped',
  'hw_additive',
  'hw_multiplicative',
  'ets',
  'theta',
  'croston',
  'sba',
  'tsb',
  'combination',
];

export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

export interface ForecastOptions {
  /** Seasonal period in periods (12 for monthly data with a yearly cycle; 1 = no seasonality). */
  period: number;
  /** Number of periods ahead to forecast. */
  horizon: number;
  /** Coverage of the prediction interval, default 0.95. */
  level?: number;
  /** Clamp the mean and the interval at 0 (demand cannot be negative). Default false. */
  nonNegative?: boolean;
  /**
   * Non-seasonal methods (naive, SES, Holt, damped, Theta) run on the classically (multiplicatively)
   * seasonally adjusted series when a 90 % autocorrelation test at lag `period` says seasonal
   * ('auto', the default, as in the M3 competition), or on the raw series ('none').
   */
  seasonalAdjustment?: 'auto' | 'none';
  /** Skip the prediction intervals (lower = upper = mean); the back-test uses this for speed. */
  pointOnly?: boolean;
}

export interface Forecast {
  method: ForecastMethod;
  params: Record<string, number | string>;
  mean: number[];
  lower: number[];
  upper: number[];
  level: number;
  /** Standard deviation of the one-step errors in the series' units (the fit's residuals). */
  sigma: number;
  aicc?: number;
  note?: string;
}

/** Bad input the engine cannot forecast from (empty series, NaN, a horizon of 0…). */
export class ForecastInputError extends Error {
  override name = 'ForecastInputError';
}
