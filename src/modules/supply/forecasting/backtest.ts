// Rolling-origin back-test (Tashman 2000): each method is refitted on the first L values for a few
// forecast origins L near the end of the series and its forecasts of the next values are scored.
// Origins are spaced `step` apart and each is scored over the same number of periods, so every origin
// weighs the same; a method's figure is the mean over origins.
import type { CheckedOptions } from './input.ts';
import { COMBINATION_MEMBERS, combine, type Produced, produce } from './methods.ts';
import { mae, mase, rmsse, smape } from './metrics.ts';
import type { ForecastMethod } from './types.ts';

export interface BacktestRow {
  method: ForecastMethod;
  mase: number;
  smape: number;
  mae: number;
  /** RMSE over the same scale as MASE (the in-sample seasonal-naive MAE); ranks intermittent series. */
  rmsse: number;
  origins: number;
  /** MASE at each origin, latest first. */
  maseByOrigin: number[];
  /** RMSSE at each origin, latest first. */
  rmsseByOrigin: number[];
}

export interface OriginPlan {
  /** Training lengths, latest first. */
  trainLengths: number[];
  /** Periods scored after each origin. */
  horizon: number;
}

/**
 * Up to `origins` training lengths L = n − H − i·step (i = 0, 1, …) with L ≥ minTrain, where the scored
 * horizon H is the requested one but at most a third of the series, and step = max(1, ⌊H/origins⌋)
 * (so the origins span about one horizon). Empty when even one origin does not fit.
 */
export function planOrigins(n: number, horizon: number, origins: number, minTrain: number): OriginPlan {
  const h = Math.max(1, Math.min(horizon, Math.floor(n / 3)));
  const step = Math.max(1, Math.floor(h / origins));
  const trainLengths: number[] = [];
  for (let i = 0; i < origins; i++) {
    const length = n - h - i * step;
    if (length < minTrain) break;
    trainLengths.push(length);
  }
  return { trainLengths, horizon: h };
}

interface Sums {
  mase: number;
  smape: number;
  mae: number;
  rmsse: number;
  maseByOrigin: number[];
  rmsseByOrigin: number[];
}

/**
 * Point forecasts of every method at every origin, scored. The combination is built from its
 * members' forecasts at the same origin (no refit).
 */
export function backtest(
  y: readonly number[],
  methods: readonly ForecastMethod[],
  o: CheckedOptions,
  plan: OriginPlan,
) {
  const sums = new Map<ForecastMethod, Sums>();
  for (const method of methods)
    sums.set(method, { mase: 0, smape: 0, mae: 0, rmsse: 0, maseByOrigin: [], rmsseByOrigin: [] });
  const inner: CheckedOptions = { ...o, horizon: plan.horizon, pointOnly: true, quick: true };
  for (const length of plan.trainLengths) {
    const train = y.slice(0, length);
    const actual = y.slice(length, length + plan.horizon);
    const cache = new Map<ForecastMethod, Produced>();
    const get = (method: ForecastMethod): Produced => {
      let p = cache.get(method);
      if (!p) {
        p =
          method === 'combination'
            ? { ...combine(COMBINATION_MEMBERS.map(get)), method }
            : produce(method, train, inner);
        cache.set(method, p);
      }
      return p;
    };
    for (const method of methods) {
      // A method that produced a non-finite value is scored as the last value repeated (never chosen
      // for it, as its errors are those of a naive forecast at best).
      const raw = get(method).mean;
      const f = raw.every(Number.isFinite) ? raw : raw.map(() => train.at(-1) as number);
      const s = sums.get(method) as Sums;
      const scaled = mase(train, actual, f, o.period);
      const scaledRoot = rmsse(train, actual, f, o.period);
      s.mase += scaled;
      s.smape += smape(actual, f);
      s.mae += mae(actual, f);
      s.rmsse += scaledRoot;
      s.maseByOrigin.push(scaled);
      s.rmsseByOrigin.push(scaledRoot);
    }
  }
  const count = Math.max(1, plan.trainLengths.length);
  return methods.map((method): BacktestRow => {
    const s = sums.get(method) as Sums;
    return {
      method,
      mase: s.mase / count,
      smape: s.smape / count,
      mae: s.mae / count,
      rmsse: s.rmsse / count,
      origins: plan.trainLengths.length,
      maseByOrigin: s.maseByOrigin,
      rmsseByOrigin: s.rmsseByOrigin,
    };
  });
}
