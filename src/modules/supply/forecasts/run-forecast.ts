// One forecast run's work, shared by the forecast job and the replenishment decision job: load
// the scope's demand history, forecast every series in worker threads (chunks, in parallel as
// the pool allows), fill series without history from their category, and build the rows to store.
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { ForecastScope } from '../../../platform/db/schema/index.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import { bucketOf, bucketStart } from '../entities/buckets.ts';
import { type DemandSeries, loadDemandSeries } from '../entities/demand.repo.ts';
import type { ForecastMethod } from '../forecasting/index.ts';
import { FORECAST_CHUNK_TASK, type SeriesForecastResult } from './forecast.task.ts';
import type { ForecastInsert, ForecastRunRow } from './forecasts.repo.ts';
import type { ModelRow } from './registry.repo.ts';

export type Bucket = 'day' | 'week' | 'month';

/** Seasonal period and the longest history used, per bucket. */
export const BUCKETS: Record<Bucket, { period: number; maxHistory: number }> = {
  day: { period: 7, maxHistory: 730 },
  week: { period: 52, maxHistory: 156 },
  month: { period: 12, maxHistory: 72 },
};

const CHUNK = 50;

/** The forecasting configuration a model version holds. */
export interface ForecastConfig {
  candidates?: ForecastMethod[];
  origins?: number;
}

export const configOf = (model: Pick<ModelRow, 'parameters'>): ForecastConfig => {
  const p = model.parameters as ForecastConfig;
  return {
    ...(Array.isArray(p.candidates) && p.candidates.length > 0 ? { candidates: p.candidates } : {}),
    ...(typeof p.origins === 'number' ? { origins: p.origins } : {}),
  };
};

export function addBuckets(isoDay: string, bucket: Bucket, n: number): string {
  return bucketStart(bucket, bucketOf(bucket, isoDay) + n);
}

/** The start of the bucket holding today (the first a forecast covers). */
export function currentBucketStart(today: Date, bucket: Bucket): string {
  return bucketStart(bucket, bucketOf(bucket, today.toISOString().slice(0, 10)));
}

/**
 * A series made to end with the last complete bucket before today: trailing buckets without demand
 * are zeros (they matter to intermittent methods), and the current, partial bucket is left out (its
 * sum so far would read as a drop in demand).
 */
export function throughLastCompleteBucket(series: DemandSeries, bucket: Bucket, today: Date): number[] {
  if (series.values.length === 0) return [];
  const first = bucketOf(bucket, series.start);
  const current = bucketOf(bucket, today.toISOString().slice(0, 10));
  const length = Math.max(0, current - first);
  if (length <= series.values.length) return series.values.slice(0, length);
  return [...series.values, ...new Array<number>(length - series.values.length).fill(0)];
}

export interface RunOutcome {
  rows: ForecastInsert[];
  summary: {
    series: number;
    methods: Record<string, number>;
    demandClasses: Record<string, number>;
    meanMase: number | null;
    meanSmape: number | null;
    fallbacks: number;
    failures: number;
  };
}

type Ok = Extract<SeriesForecastResult, { ok: true }>;

export async function forecastRun(
  deps: { db: Db; compute: Pick<Compute, 'run'> },
  run: ForecastRunRow,
  model: Pick<ModelRow, 'id' | 'parameters'>,
  progress: (done: number, total: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<RunOutcome> {
  const bucket = run.bucket as Bucket;
  const { period, maxHistory } = BUCKETS[bucket];
  const series = await readInTenant(deps.db, run.tenantId, (tx) =>
    loadDemandSeries(tx, run.scope as ForecastScope, bucket),
  );
  const config = configOf(model);
  const results = new Map<number, SeriesForecastResult>();
  const today = new Date();
  const withHistory = series.map((s, key) => ({
    key,
    values: throughLastCompleteBucket(s, bucket, today).slice(-maxHistory),
  }));
  const todo = withHistory.filter((s) => s.values.length > 0);
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.ceil(todo.length / CHUNK) }, async (_, c) => {
      const chunk = todo.slice(c * CHUNK, (c + 1) * CHUNK);
      signal?.throwIfAborted();
      const out = await deps.compute.run(FORECAST_CHUNK_TASK, {
        series: chunk,
        period,
        horizon: run.horizon,
        level: run.level,
        ...config,
      });
      for (const r of out) results.set(r.key, r);
      done += chunk.length;
      await progress(done, series.length);
    }),
  );

  // Series without history (or whose forecast failed) take their category's mean forecast.
  const byCategory = new Map<string, number[][]>();
  for (const [key, r] of results) {
    if (!r.ok) continue;
    const category = series[key]?.category ?? '';
    const peers = byCategory.get(category);
    if (peers) peers.push(r.mean);
    else byCategory.set(category, [r.mean]);
  }
  const meanOf = (rows: number[][]) =>
    Array.from(
      { length: run.horizon },
      (_, h) => rows.reduce((sum, m) => sum + (m[h] ?? 0), 0) / rows.length,
    );

  let fallbacks = 0;
  let failures = 0;
  const rows: ForecastInsert[] = series.map((s, key) => {
    const r = results.get(key);
    const history = withHistory[key]?.values.length ?? 0;
    const startDate = currentBucketStart(today, bucket);
    const base = {
      tenantId: run.tenantId,
      runId: run.id,
      inventoryId: s.inventoryId,
      warehouseId: s.warehouseId,
      sku: s.sku,
      startDate,
      historyLength: history,
    };
    if (r?.ok) return { ...base, ...okColumns(r) };
    if (r && !r.ok) failures += 1;
    fallbacks += 1;
    const peers = byCategory.get(s.category ?? '');
    const mean = peers ? meanOf(peers) : new Array<number>(run.horizon).fill(0);
    const why = r && !r.ok ? `the forecast failed (${r.error})` : 'no history';
    const note = peers
      ? `${why}: seasonal naive not possible, using the mean forecast of category ${s.category ?? '(none)'} (${peers.length} series)`
      : `${why} and no other series of its category: forecasting zero demand`;
    return {
      ...base,
      method: 'category_mean',
      params: {},
      demandClass: 'unknown',
      mean,
      lower: mean.map(() => 0),
      upper: mean.map((m) => m * 2),
      sigma: 0,
      mase: null,
      smape: null,
      backtest: [],
      note,
    };
  });
  return { rows, summary: summarize(rows, fallbacks, failures) };
}

function okColumns(r: Ok) {
  return {
    method: r.method,
    params: r.params,
    demandClass: r.demandClass,
    mean: r.mean,
    lower: r.lower,
    upper: r.upper,
    sigma: r.sigma,
    mase: r.mase,
    smape: r.smape,
    backtest: r.backtest,
    note: r.note,
  };
}

function summarize(rows: ForecastInsert[], fallbacks: number, failures: number): RunOutcome['summary'] {
  const count = (pick: (r: ForecastInsert) => string) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[pick(r)] = (out[pick(r)] ?? 0) + 1;
    return out;
  };
  const mean = (values: (number | null | undefined)[]) => {
    const ok = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return ok.length > 0 ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
  };
  return {
    series: rows.length,
    methods: count((r) => r.method),
    demandClasses: count((r) => r.demandClass),
    meanMase: mean(rows.map((r) => r.mase)),
    meanSmape: mean(rows.map((r) => r.smape)),
    fallbacks,
    failures,
  };
}
