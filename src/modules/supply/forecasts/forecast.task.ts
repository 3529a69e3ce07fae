// Forecasting a chunk of series in a worker thread of the compute pool: the engine is pure and
// CPU-bound (back-tests refit every candidate at several origins), so a run over thousands of
// series never holds the event loop. Inputs and outputs are structured-clonable.
import { computeTask } from '../../../platform/compute/compute.ts';
import { autoForecast, type ForecastMethod } from '../forecasting/index.ts';
import { mase, smape } from '../forecasting/metrics.ts';

export interface SeriesToForecast {
  /** The caller's index of the series (results come back in any order of keys, one each). */
  key: number;
  values: number[];
}

export interface ForecastChunkInput {
  series: SeriesToForecast[];
  period: number;
  horizon: number;
  level: number;
  candidates?: ForecastMethod[];
  origins?: number;
}

export type SeriesForecastResult =
  | {
      key: number;
      ok: true;
      method: string;
      params: Record<string, number | string>;
      demandClass: string;
      mean: number[];
      lower: number[];
      upper: number[];
      sigma: number;
      mase: number | null;
      smape: number | null;
      backtest: { method: string; mase: number | null; smape: number | null; mae: number | null }[];
      note: string | null;
    }
  | { key: number; ok: false; error: string };

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

export function forecastChunk(input: ForecastChunkInput): SeriesForecastResult[] {
  return input.series.map(({ key, values }) => {
    try {
      const result = autoForecast(values, {
        period: input.period,
        horizon: input.horizon,
        level: input.level,
        nonNegative: true,
        ...(input.candidates ? { candidates: input.candidates } : {}),
        ...(input.origins ? { origins: input.origins } : {}),
      });
      const chosen = result.chosen;
      const own = result.backtest.find((b) => b.method === chosen.method);
      const notes = [chosen.note, result.fallback].filter((n): n is string => Boolean(n));
      return {
        key,
        ok: true,
        method: chosen.method,
        params: chosen.params,
        demandClass: result.demandClass,
        mean: chosen.mean,
        lower: chosen.lower,
        upper: chosen.upper,
        sigma: Number.isFinite(chosen.sigma) ? chosen.sigma : 0,
        mase: own ? finiteOrNull(own.mase) : null,
        smape: own ? finiteOrNull(own.smape) : null,
        backtest: result.backtest.map((b) => ({
          method: b.method,
          mase: finiteOrNull(b.mase),
          smape: finiteOrNull(b.smape),
          mae: finiteOrNull(b.mae),
        })),
        note: notes.length > 0 ? notes.join('; ') : null,
      };
    } catch (err) {
      return { key, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  });
}

export interface HoldoutChunkInput {
  series: { key: number; values: number[] }[];
  period: number;
  /** The last `holdout` values of each series are held out and forecast from the rest. */
  holdout: number;
  configs: { candidates?: ForecastMethod[]; origins?: number }[];
}

/** Mean hold-out MASE and sMAPE of each configuration over the chunk (a training job's score). */
export function holdoutChunk(input: HoldoutChunkInput): { mase: number; smape: number; n: number }[] {
  return input.configs.map((config) => {
    let maseSum = 0;
    let smapeSum = 0;
    let n = 0;
    for (const { values } of input.series) {
      const train = values.slice(0, -input.holdout);
      const test = values.slice(-input.holdout);
      try {
        const { chosen } = autoForecast(train, {
          period: input.period,
          horizon: input.holdout,
          nonNegative: true,
          ...config,
        });
        const m = train.length > input.period ? input.period : 1;
        const scaled = mase(train, test, chosen.mean, m);
        const s = smape(test, chosen.mean);
        if (!Number.isFinite(scaled) || !Number.isFinite(s)) continue;
        maseSum += scaled;
        smapeSum += s;
        n += 1;
      } catch {
        // A series the configuration cannot forecast does not count for or against it.
      }
    }
    return { mase: n > 0 ? maseSum / n : Number.NaN, smape: n > 0 ? smapeSum / n : Number.NaN, n };
  });
}

export const HOLDOUT_CHUNK_TASK = computeTask<typeof holdoutChunk>(
  new URL('./forecast.task.ts', import.meta.url),
  'holdoutChunk',
);

export const FORECAST_CHUNK_TASK = computeTask<typeof forecastChunk>(
  new URL('./forecast.task.ts', import.meta.url),
  'forecastChunk',
);
