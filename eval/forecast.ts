// Evaluation of the forecasting engine (src/modules/supply/forecasting/) on M3-format data: the
// automatic selection and each base method forecast every series from its train part, scored on the
// test part beside the M3 competition's original submissions, all by the same scorer in this run.
// - sMAPE as the M3 paper computes it: 200·|A − F|/(A + F) per value, averaged over series for each
//   horizon; "1–h" is the mean of the per-horizon figures. The |A| + |F| variant is shown beside it
//   (the two differ only where a value or forecast is ≤ 0).
// - MASE (Hyndman & Koehler 2006): mean |A − F| over the train part's in-sample seasonal-naive MAE
//   (lag = --period), averaged over series. The M3 paper did not publish MASE.
// - The original submissions' figures must equal the dataset's recomputed table (column "target").
// Usage: npm run eval:forecast [-- --train <csv> --test <csv> --period 12] [--original <csv>]
//        [--limit N] [--methods ets,theta,…|none] [--threads N] [--origins 3] [--allow-negative]
// Defaults: the M3 monthly files in ../shared/datasets/m3-forecasting/. Rows are `id,v1,v2,…`, ragged;
// the horizon is each series' number of test values. Forecasts are clamped at 0 (M3 values are all
// positive) unless --allow-negative. Only the train part is used to fit and select: the test part is
// read by the scorer alone.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { Piscina } from 'piscina';
import type { BatchForecast, BatchResult, BatchTask } from '../src/modules/supply/forecasting/batch.ts';
import { maseScale, smapeM3Term, smapeTerm } from '../src/modules/supply/forecasting/metrics.ts';
import { FORECAST_METHODS, type ForecastMethod } from '../src/modules/supply/forecasting/types.ts';

const M3 = path.resolve(import.meta.dirname, '../../shared/datasets/m3-forecasting');
const BASE_METHODS: ForecastMethod[] = [
  'naive',
  'seasonal_naive',
  'ses',
  'holt',
  'damped',
  'hw_additive',
  'hw_multiplicative',
  'theta',
  'ets',
  'combination',
];
const { values: args } = parseArgs({
  options: {
    train: { type: 'string', default: path.join(M3, 'm3_monthly_train.csv') },
    test: { type: 'string', default: path.join(M3, 'm3_monthly_test.csv') },
    period: { type: 'string', default: '12' },
    original: { type: 'string' },
    limit: { type: 'string' },
    methods: { type: 'string', default: BASE_METHODS.join(',') },
    threads: { type: 'string', default: String(Math.max(1, availableParallelism())) },
    origins: { type: 'string', default: '3' },
    'allow-negative': { type: 'boolean', default: false },
  },
});
const period = Number(args.period);
const threads = Number(args.threads);
const origins = Number(args.origins);
const limit = args.limit === undefined ? Number.POSITIVE_INFINITY : Number(args.limit);
const methods = (args.methods === 'none' ? [] : args.methods.split(',')) as ForecastMethod[];
if (!Number.isInteger(period) || period < 1) throw new Error('--period must be a whole number ≥ 1');
if (!Number.isInteger(threads) || threads < 1) throw new Error('--threads must be a whole number ≥ 1');
if (!Number.isInteger(origins) || origins < 1) throw new Error('--origins must be a whole number ≥ 1');
if (!(limit >= 1)) throw new Error('--limit must be ≥ 1');
for (const m of methods) if (!FORECAST_METHODS.includes(m)) throw new Error(`--methods: unknown method ${m}`);
const defaultOriginal = path.join(M3, 'm3_monthly_original_forecasts.csv');
const originalFile =
  args.original ??
  (path.resolve(args.train) === path.join(M3, 'm3_monthly_train.csv') ? defaultOriginal : undefined);

/** `id,v1,v2,…` rows (ragged, empty cells ignored), the header skipped. */
function readSeries(file: string): Map<string, number[]> {
  const rows = parse(readFileSync(file, 'utf8'), {
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const out = new Map<string, number[]>();
  for (const [id, ...cells] of rows.slice(1)) {
    if (!id) continue;
    const values = cells.filter((c) => c.trim() !== '').map(Number);
    if (values.some((v) => !Number.isFinite(v))) throw new Error(`${file}: series ${id} has a non-number`);
    out.set(id, values);
  }
  return out;
}

const trainSet = readSeries(args.train);
const testSet = readSeries(args.test);
const ids = [...trainSet.keys()].filter((id) => testSet.has(id)).slice(0, limit);
if (ids.length === 0) throw new Error('no series is in both the train and the test file');
const trains = ids.map((id) => trainSet.get(id) as number[]);
const tests = ids.map((id) => testSet.get(id) as number[]);
const horizons = tests.map((t) => t.length);
const maxH = Math.max(...horizons);

interface Score {
  smapeByH: number[];
  smape: number;
  smapeAbs: number;
  mase: number;
  series: number;
}

function score(forecasts: readonly (readonly number[] | undefined)[]): Score {
  const sums = new Array<number>(maxH).fill(0);
  const counts = new Array<number>(maxH).fill(0);
  let abs = 0;
  let absCount = 0;
  let mase = 0;
  let series = 0;
  forecasts.forEach((f, i) => {
    if (!f) return;
    const actual = tests[i] as number[];
    let absErr = 0;
    actual.forEach((a, k) => {
      const v = f[k] as number;
      sums[k] = (sums[k] as number) + smapeM3Term(a, v);
      counts[k] = (counts[k] as number) + 1;
      abs += smapeTerm(a, v);
      absCount++;
      absErr += Math.abs(a - v);
    });
    const scale = maseScale(trains[i] as number[], period);
    mase += scale > 0 ? absErr / actual.length / scale : 0;
    series++;
  });
  const smapeByH = sums.map((s, k) => s / Math.max(1, counts[k] as number));
  return {
    smapeByH,
    smape: smapeByH.reduce((a, b) => a + b, 0) / smapeByH.length,
    smapeAbs: abs / Math.max(1, absCount),
    mase: mase / Math.max(1, series),
    series,
  };
}

const pool = new Piscina({
  filename: new URL('../src/modules/supply/forecasting/batch.ts', import.meta.url).href,
  minThreads: threads,
  maxThreads: threads,
});
const CHUNK = 8;

async function runAll(list: BatchTask['methods'], pointOnly: boolean) {
  const started = performance.now();
  const tasks: Promise<BatchResult>[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const task: BatchTask = {
      series: trains.slice(i, i + CHUNK),
      horizon: horizons.slice(i, i + CHUNK),
      period,
      level: 0.95,
      nonNegative: !args['allow-negative'],
      methods: list,
      origins,
      pointOnly,
    };
    tasks.push(pool.run(task, { name: 'forecastBatch' }) as Promise<BatchResult>);
  }
  const done = await Promise.all(tasks);
  const seconds = (performance.now() - started) / 1000;
  const cpuMs: Record<string, number> = {};
  for (const d of done) for (const [k, v] of Object.entries(d.cpuMs)) cpuMs[k] = (cpuMs[k] ?? 0) + v;
  return { results: done.flatMap((d) => d.results), seconds, cpuMs };
}

await pool.run({ series: [[1, 2, 3]], horizon: 1, period: 1, methods: ['naive'] } satisfies BatchTask, {
  name: 'forecastBatch',
}); // warm the threads (module load) outside the timings
const auto = await runAll(['auto'], false);
const base = methods.length ? await runAll(methods, true) : undefined;
await pool.destroy();

const errors: string[] = [];
const column = (results: BatchForecast[][], j: number, label: string) =>
  results.map((r, i) => {
    const f = r[j] as BatchForecast;
    if (f.error) errors.push(`${label} ${ids[i]}: ${f.error}`);
    return f.error ? undefined : f.mean;
  });

const rows: { label: string; s: Score; target?: { smape: number; mase: number } }[] = [];
const autoForecasts = column(auto.results, 0, 'auto');
rows.push({ label: 'auto (back-test selection)', s: score(autoForecasts) });
methods.forEach((m, j) => {
  rows.push({ label: m, s: score(column(base?.results ?? [], j, m)) });
});

// Original submissions, and the dataset's recomputed figures as the scorer's target.
if (originalFile && existsSync(originalFile)) {
  const records = parse(readFileSync(originalFile, 'utf8'), { columns: true }) as Record<string, string>[];
  const byMethod = new Map<string, Map<string, number[]>>();
  for (const r of records) {
    const values = Object.keys(r)
      .filter((k) => /^F\d+$/.test(k))
      .map((k) => Number(r[k]));
    const m = byMethod.get(r.method as string) ?? new Map<string, number[]>();
    m.set(r.series as string, values);
    byMethod.set(r.method as string, m);
  }
  const targets = new Map<string, { smape: number; mase: number }>();
  const recomputed = path.join(path.dirname(originalFile), 'recomputed_metrics_from_original_forecasts.csv');
  const frequency = period === 12 ? 'monthly' : period === 4 ? 'quarterly' : '';
  if (existsSync(recomputed) && ids.length === trainSet.size)
    for (const r of parse(readFileSync(recomputed, 'utf8'), { columns: true }) as Record<string, string>[])
      if (r.frequency === frequency)
        targets.set(r.method as string, { smape: Number(r.sMAPE_avg_all_h), mase: Number(r.MASE) });
  for (const [method, series] of byMethod) {
    const s = score(ids.map((id) => series.get(id)));
    rows.push({ label: `M3 original: ${method}`, s, target: targets.get(method) });
  }
}

const f = (v: number, d: number) => v.toFixed(d);
console.log(
  `Forecasting engine on ${ids.length} series from ${path.relative(process.cwd(), args.train)} ` +
    `(test: ${path.relative(process.cwd(), args.test)}), period ${period}, horizon ${Math.min(...horizons) === maxH ? maxH : `${Math.min(...horizons)}–${maxH}`}`,
);
console.log(
  `auto: default candidates by demand class, ${origins} back-test origins; forecasts ${args['allow-negative'] ? 'not clamped' : 'clamped at 0'}; ${threads} worker threads\n`,
);
console.log(
  `${'method'.padEnd(30)} ${'sMAPE h1'.padStart(8)} ${`sMAPE 1–${maxH}`.padStart(10)} ${'|A|+|F|'.padStart(8)} ${'MASE'.padStart(7)}   target sMAPE / MASE`,
);
for (const { label, s, target } of rows) {
  const check = target
    ? `${f(target.smape, 3)} / ${f(target.mase, 3)} ${Math.abs(target.smape - s.smape) < 5e-4 && Math.abs(target.mase - s.mase) < 5e-4 ? '✓' : '✗'}`
    : '';
  console.log(
    `${label.padEnd(30)} ${f(s.smapeByH[0] as number, 3).padStart(8)} ${f(s.smape, 3).padStart(10)} ${f(s.smapeAbs, 3).padStart(8)} ${f(s.mase, 4).padStart(7)}   ${check}`,
  );
}

// What the automatic selection chose, and how its intervals covered the test part.
const chosen = new Map<string, number>();
let inside = 0;
let total = 0;
auto.results.forEach((r, i) => {
  const a = r[0] as BatchForecast;
  chosen.set(a.method, (chosen.get(a.method) ?? 0) + 1);
  (tests[i] as number[]).forEach((v, k) => {
    total++;
    if (v >= (a.lower[k] as number) && v <= (a.upper[k] as number)) inside++;
  });
});
console.log(
  `\nauto chose: ${[...chosen]
    .sort((a, b) => b[1] - a[1])
    .map(([m, c]) => `${m} ${c}`)
    .join(', ')}`,
);
console.log(`auto 95 % interval coverage on the test part: ${f((100 * inside) / Math.max(1, total), 1)} %`);
const perSecond = (n: number, s: number) => f(n / s, 1);
console.log(
  `auto: wall ${f(auto.seconds, 1)} s for ${ids.length} series (${perSecond(ids.length, auto.seconds)} series/s), ` +
    `CPU ${f((auto.cpuMs.auto ?? 0) / ids.length, 1)} ms/series`,
);
if (base)
  console.log(
    `base methods (point forecasts): wall ${f(base.seconds, 1)} s; CPU ms/series ` +
      methods.map((m) => `${m} ${f((base.cpuMs[m] ?? 0) / ids.length, 2)}`).join(', '),
  );
const autoScore = (rows[0] as { s: Score }).s;
const met = autoScore.smape <= 13.9 && autoScore.mase <= 0.86 && auto.seconds <= 60;
if (ids.length === trainSet.size)
  console.log(
    `goal on M3 monthly (auto sMAPE ≤ 13.9, MASE ≤ 0.86, ≤ 60 s): ${met ? 'met' : 'not met'} — ` +
      `${f(autoScore.smape, 2)}, ${f(autoScore.mase, 3)}, ${f(auto.seconds, 1)} s`,
  );
else
  console.log(`(${ids.length} of ${trainSet.size} series: figures not comparable with the full-set targets)`);
if (errors.length) {
  console.log(`\n${errors.length} forecasts failed:`);
  for (const e of errors.slice(0, 20)) console.log(`  ${e}`);
}
