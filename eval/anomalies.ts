// Evaluation of PlantIntel's multivariate detector (T² + SPE over a PCA model, src/modules/telemetry/
// multivariate.ts) on SKAB, with SKAB's outlier protocol: per file, the first 400 rows train the
// model and the rest are tested; predictions of all files are pooled into one F1, FAR and MAR,
// printed beside the published leaderboard. The NAB part of this evaluation is still to come.
// Usage: npm run eval:anomalies [-- --data <dir of SKAB-format csv files>] [--train 400]
//        [--quantile 0.99] [--explained 0.9] [--json]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { scorePca, trainPca } from '../src/modules/telemetry/multivariate.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(import.meta.dirname, '../../shared/datasets/skab/data') },
    train: { type: 'string', default: '400' },
    quantile: { type: 'string', default: '0.99' },
    explained: { type: 'string', default: '0.9' },
    json: { type: 'boolean', default: false },
  },
});
const trainRows = Number(args.train);
const quantile = Number(args.quantile);
const explained = Number(args.explained);
if (!Number.isInteger(trainRows) || trainRows < 10) throw new Error('--train must be an integer ≥ 10');

// SKAB README, "Proposed Leaderboard", outlier detection on the test set.
const LEADERBOARD = [
  { algorithm: 'Conv-AE', f1: 0.78, far: 13.55, mar: 28.02 },
  { algorithm: 'MSET', f1: 0.78, far: 39.73, mar: 14.13 },
  { algorithm: 'T-squared+Q (PCA)', f1: 0.76, far: 26.62, mar: 24.92 },
  { algorithm: 'LSTM-AE', f1: 0.74, far: 29.96, mar: 25.92 },
  { algorithm: 'T-squared', f1: 0.66, far: 19.21, mar: 42.6 },
  { algorithm: 'LSTM-VAE', f1: 0.56, far: 9.13, mar: 55.03 },
];
const LABELS = new Set(['datetime', 'anomaly', 'changepoint']);

/** The labelled runs: every csv below `dir` except the anomaly-free one (not in the leaderboard). */
function files(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === 'anomaly-free' ? [] : files(full);
      return name.endsWith('.csv') ? [full] : [];
    })
    .sort();
}

const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
const perFile: { file: string; rows: number; f1: number }[] = [];
const runs = files(args.data);
if (runs.length === 0) throw new Error(`no csv files under ${args.data}`);
for (const file of runs) {
  const records = parse(readFileSync(file, 'utf8'), {
    delimiter: ';',
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const sensors = Object.keys(records[0] ?? {}).filter((column) => !LABELS.has(column));
  if (!records[0] || !('anomaly' in records[0])) throw new Error(`${file}: no anomaly column`);
  const vectors = records.map((record) => sensors.map((column) => Number(record[column])));
  const model = trainPca(vectors.slice(0, trainRows), { explained, quantile });
  const local = { tp: 0, fp: 0, fn: 0 };
  vectors.slice(trainRows).forEach((vector, i) => {
    const score = scorePca(model, vector);
    const predicted = score.t2Signal || score.qSignal;
    const actual = Number(records[trainRows + i]?.anomaly) === 1;
    const key = predicted ? (actual ? 'tp' : 'fp') : actual ? 'fn' : 'tn';
    counts[key] += 1;
    if (key !== 'tn') local[key] += 1;
  });
  const f1 = local.tp / (local.tp + (local.fp + local.fn) / 2 || 1);
  perFile.push({ file: path.relative(args.data, file), rows: vectors.length - trainRows, f1 });
}

const f1 = counts.tp / (counts.tp + (counts.fp + counts.fn) / 2);
const far = (100 * counts.fp) / (counts.fp + counts.tn);
const mar = (100 * counts.fn) / (counts.fn + counts.tp);
if (args.json) {
  console.log(JSON.stringify({ files: perFile, counts, f1, far, mar, leaderboard: LEADERBOARD }, null, 2));
} else {
  console.log(`SKAB outlier detection: ${runs.length} files from ${args.data}`);
  console.log(`protocol: first ${trainRows} rows of each file train, the rest test; pooled predictions`);
  console.log(
    `detector: T² or SPE beyond the training window's ${quantile} quantile, PCA explaining ${explained}\n`,
  );
  console.log('algorithm                     F1     FAR %   MAR %');
  const row = (name: string, a: number, b: number, c: number) =>
    console.log(
      `${name.padEnd(28)} ${a.toFixed(3).padStart(5)}  ${b.toFixed(2).padStart(6)}  ${c.toFixed(2).padStart(6)}`,
    );
  row('PlantIntel T² + SPE', f1, far, mar);
  for (const entry of LEADERBOARD) row(`${entry.algorithm} (published)`, entry.f1, entry.far, entry.mar);
  console.log(
    `\ntest rows ${counts.tp + counts.fp + counts.fn + counts.tn}: TP ${counts.tp}, FP ${counts.fp}, FN ${counts.fn}, TN ${counts.tn}`,
  );
}
