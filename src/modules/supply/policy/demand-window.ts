// From a daily forecast to demand over a protection interval: the forecast's daily means and
// standard deviations (given, or read off a prediction interval) summed over the first L (+ R) days,
// a fractional last day counted pro rata, plus the lead-time variability term d̄²·σ_L². Daily errors
// are taken as independent (the same assumption as σ = sqrt(L·σ_d² + d²·σ_L²)). Also the normal-model
// stock-out risk and the confidence read from the interval width and the back-test error.
import { PolicyInputError, requireNonNegative, requireServiceLevel } from './errors.ts';
import type { DemandOverInterval } from './inventory.ts';
import { inverseNormalCdf, normalSurvival, standardNormalLoss } from './normal.ts';
import type { ItemConfidence, ItemForecast, StockoutRisk } from './replenishment-types.ts';
import { percent, units } from './wording.ts';

function requireSeries(field: string, values: unknown, length?: number): number[] {
  if (!Array.isArray(values) || values.length === 0)
    throw new PolicyInputError(field, 'must be a non-empty array');
  if (length !== undefined && values.length !== length) {
    throw new PolicyInputError(
      field,
      `must have one value per forecast day (${length}), got ${values.length}`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // The field name is only built for a bad value: series are long and there are many of them.
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) requireNonNegative(`${field}[${i}]`, v);
  }
  return values as number[];
}

/** The forecast's daily standard deviations: given, or σ = (upper − lower)/(2·Φ⁻¹((1 + level)/2)). */
export function dailySd(forecast: ItemForecast, field = 'forecast'): number[] {
  const n = requireSeries(`${field}.mean`, forecast.mean).length;
  if (forecast.sd) return requireSeries(`${field}.sd`, forecast.sd, n);
  const interval = forecast.interval;
  if (!interval) throw new PolicyInputError(field, 'needs a standard deviation per day (sd) or an interval');
  requireServiceLevel(`${field}.interval.level`, interval.level);
  const lower = requireSeries(`${field}.interval.lower`, interval.lower, n);
  const upper = requireSeries(`${field}.interval.upper`, interval.upper, n);
  const z = inverseNormalCdf((1 + interval.level) / 2);
  return lower.map((lo, i) => {
    const hi = upper[i] as number;
    if (hi < lo) throw new PolicyInputError(`${field}.interval`, `upper is below lower on day ${i}`);
    return (hi - lo) / (2 * z);
  });
}

export interface WindowDemand extends DemandOverInterval {
  /** d̄: mean demand per day over the window. */
  dailyMean: number;
  note?: string;
}

const average = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Demand over the first `days` days (fractional allowed) with lead-time variability σ_L:
 * μ = Σ w_i·m_i, σ² = Σ w_i·s_i² + d̄²·σ_L², w_i = share of day i inside the window. Days past the
 * end of the forecast use its average day (and say so).
 */
export function demandOverWindow(
  mean: number[],
  sd: number[],
  days: number,
  leadTimeSdDays: number,
): WindowDemand {
  let mu = 0;
  let variance = 0;
  const covered = Math.ceil(days);
  const beyond = covered > mean.length; // only then is the average day needed
  const meanDay = beyond ? average(mean) : 0;
  const varDay = beyond ? average(sd.map((s) => s * s)) : 0;
  for (let i = 0; i < covered; i++) {
    const w = Math.min(1, days - i);
    const s = sd[i];
    mu += w * (mean[i] ?? meanDay);
    variance += w * (s === undefined ? varDay : s * s);
  }
  const dailyMean = days > 0 ? mu / days : (mean[0] as number);
  const sigma = Math.sqrt(variance + dailyMean * dailyMean * leadTimeSdDays * leadTimeSdDays);
  const result: WindowDemand = { days, mean: mu, sd: sigma, dailyMean };
  if (beyond) {
    result.note = `the forecast covers ${mean.length} days; days ${mean.length + 1}–${covered} use its average day (${units(meanDay)} units)`;
  }
  return result;
}

/** Probability that demand over the interval exceeds `stock`, and the expected units short. */
export function stockoutRisk(demand: DemandOverInterval, stock: number): StockoutRisk {
  if (demand.sd === 0) {
    return { probability: stock < demand.mean ? 1 : 0, expectedUnitsShort: Math.max(0, demand.mean - stock) };
  }
  const k = (stock - demand.mean) / demand.sd;
  return { probability: normalSurvival(k), expectedUnitsShort: demand.sd * standardNormalLoss(k) };
}

const Z80 = inverseNormalCdf(0.9);

function backtestScore(
  backtest: ItemForecast['backtest'],
  field: string,
): { score: number | null; words: string } {
  const scores: number[] = [];
  const words: string[] = [];
  if (backtest?.mase !== undefined) {
    const mase = requireNonNegative(`${field}.backtest.mase`, backtest.mase);
    scores.push(1 / (1 + mase));
    words.push(`MASE ${units(mase)}`);
  }
  if (backtest?.smape !== undefined) {
    const smape = requireNonNegative(`${field}.backtest.smape`, backtest.smape);
    if (smape > 200)
      throw new PolicyInputError(`${field}.backtest.smape`, `is a percentage in [0, 200], got ${smape}`);
    scores.push(1 - smape / 200);
    words.push(`sMAPE ${units(smape)}%`);
  }
  if (scores.length === 0) return { score: null, words: 'no back-test error was given' };
  return { score: average(scores), words: `the back-test shows ${words.join(' and ')}` };
}

/** Confidence in [0, 1]: the interval score times the back-test score (when there is one). */
export function itemConfidence(
  demand: DemandOverInterval,
  backtest: ItemForecast['backtest'],
  field = 'forecast',
): ItemConfidence {
  const halfWidth = Z80 * demand.sd;
  let fromInterval: number;
  let widthWords: string;
  if (demand.mean > 0) {
    fromInterval = 1 / (1 + halfWidth / demand.mean);
    widthWords = `the 80% interval of demand over ${units(demand.days)} days is ±${percent(halfWidth / demand.mean)} of its mean`;
  } else {
    fromInterval = halfWidth > 0 ? 0 : 1;
    widthWords =
      halfWidth > 0
        ? 'demand is expected to be zero but uncertain'
        : 'demand is expected to be zero with no spread';
  }
  const bt = backtestScore(backtest, field);
  const value = bt.score === null ? fromInterval : fromInterval * bt.score;
  const sentence = `Confidence ${value.toFixed(2)}: ${widthWords}, and ${bt.words}.`;
  return { value, fromInterval, fromBacktest: bt.score, sentence };
}
