// Many series in one call, for a worker thread (Piscina's task module: one structured-clonable input,
// one output). Used by eval/forecast.ts; a forecasting job can run it in the platform's compute pool.
import { autoForecast } from './auto.ts';
import { forecast } from './methods.ts';
import type { ForecastMethod } from './types.ts';

export interface BatchTask {
  series: number[][];
  /** Horizon per series (one number applies to all). */
  horizon: number | number[];
  period: number;
  level?: number;
  nonNegative?: boolean;
  /** 'auto' runs autoForecast; method names run forecast(). */
  methods: ('auto' | ForecastMethod)[];
  origins?: number;
  /** Skip the intervals of the named methods (the mean is the same, it is faster). */
  pointOnly?: boolean;
}

export interface BatchForecast {
  mean: number[];
  lower: number[];
  upper: number[];
  /** The method that produced it (for 'auto', the one chosen). */
  method: string;
  error?: string;
}

export interface BatchResult {
  /** results[i][j]: series i, method j. */
  results: BatchForecast[][];
  /** Thread CPU time per method (ms), summed over the batch. */
  cpuMs: Record<string, number>;
}

const cpuNow = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

export function forecastBatch(task: BatchTask): BatchResult {
  const cpuMs: Record<string, number> = {};
  const results = task.series.map((y, i) => {
    const horizon = typeof task.horizon === 'number' ? task.horizon : (task.horizon[i] as number);
    const options = {
      period: task.period,
      horizon,
      level: task.level ?? 0.95,
      nonNegative: task.nonNegative === true,
      pointOnly: task.pointOnly === true,
    };
    return task.methods.map((method): BatchForecast => {
      const started = cpuNow();
      try {
        if (method === 'auto') {
          const r = autoForecast(y, { ...options, origins: task.origins ?? 3 });
          return { ...pick(r.chosen), method: r.chosen.method };
        }
        const f = forecast(method, y, options);
        return { ...pick(f), method: f.method };
      } catch (error) {
        const empty: number[] = [];
        return { mean: empty, lower: empty, upper: empty, method, error: String(error) };
      } finally {
        cpuMs[method] = (cpuMs[method] ?? 0) + cpuNow() - started;
      }
    });
  });
  return { results, cpuMs };
}

const pick = (f: { mean: number[]; lower: number[]; upper: number[] }) => ({
  mean: f.mean,
  lower: f.lower,
  upper: f.upper,
});
