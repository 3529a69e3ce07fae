// Evaluation of PlantIntel's anomaly detectors on public benchmarks, printed beside the published
// figures.
// - NAB (eval/nab.ts): the default univariate detector (src/modules/telemetry/univariate.ts) and,
//   with --detector zscore|both, the older rolling z-score, replayed reading by reading and scored
//   with NAB's rules; per file and in total for each profile.
// - SKAB: the multivariate detector (T² + SPE over a PCA model, src/modules/telemetry/
//   multivariate.ts, the code sensor groups run) with SKAB's outlier protocol: per file, the first
//   400 rows train the model and the rest are tested, scored as one stream after the training rows
//   as a group's sweep scores its buckets; predictions of all files are pooled into one F1, FAR, MAR.
// Usage: npm run eval:anomalies [-- --suite nab|skab|both] [--data <dir>] [--labels <file>]
//        [--published <dir>] [--detector default|zscore|both] [--train 400] [--quantile 0.99]
//        [--explained 0.85] [--smoothing 3] [--json]   (SKAB options default to PCA_DEFAULTS)
// --data and --labels apply to the one suite chosen; with both, the datasets' own folders are read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import {
  PCA_DEFAULTS,
  scorePcaSeries,
  TRAINING_FOLDS,
  trainPca,
} from '../src/modules/telemetry/multivariate.ts';
import {
  describeDetector,
  NAB_DETECTORS,
  type NabDetector,
  type NabRun,
  publishedCorpus,
  runNab,
} from './nab.ts';

const { values: args } = parseArgs({
  options: {
    suite: { type: 'string', default: 'both' },
    data: { type: 'string' },
    labels: { type: 'string' },
    published: { type: 'string' },
    detector: { type: 'string', default: 'default' },
    train: { type: 'string', default: '400' },
    quantile: { type: 'string', default: String(PCA_DEFAULTS.quantile) },
    explained: { type: 'string', default: String(PCA_DEFAULTS.explained) },
    smoothing: { type: 'string', default: String(PCA_DEFAULTS.smoothing) },
    json: { type: 'boolean', default: false },
  },
});
const DATASETS = path.resolve(import.meta.dirname, '../../shared/datasets');
if (!['nab', 'skab', 'both'].includes(args.suite)) throw new Error('--suite must be nab, skab or both');
if (![...NAB_DETECTORS, 'both'].includes(args.detector))
  throw new Error('--detector must be default, zscore or both');
if (args.suite === 'both' && (args.data || args.labels))
  throw new Error('--data and --labels need --suite nab or --suite skab');
const trainRows = Number(args.train);
const quantile = Number(args.quantile);
const explained = Number(args.explained);
const smoothing = Number(args.smoothing);
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

const report: Record<string, unknown> = {};

if (args.suite !== 'skab') {
  const nabDir = args.data ?? path.join(DATASETS, 'nab/data');
  const labels = args.labels ?? path.join(DATASETS, 'nab/labels/combined_windows.json');
  const resultsDir = args.published ?? path.join(DATASETS, 'nab/published_results');
  const detectors: NabDetector[] =
    args.detector === 'both' ? [...NAB_DETECTORS] : [args.detector as NabDetector];
  const runs = Object.fromEntries(
    detectors.map((detector) => [detector, runNab(nabDir, labels, resultsDir, detector)]),
  ) as Partial<Record<NabDetector, NabRun[]>>;
  if (args.json) report.nab = runs;
  else printNab(runs, detectors, nabDir, labels, publishedCorpus(resultsDir));
}

if (args.suite !== 'nab') {
  const skabDir = args.data ?? path.join(DATASETS, 'skab/data');
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const perFile: { file: string; rows: number; f1: number }[] = [];
  const runs = files(skabDir);
  if (runs.length === 0) throw new Error(`no csv files under ${skabDir}`);
  for (const file of runs) {
    const records = parse(readFileSync(file, 'utf8'), {
      delimiter: ';',
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    const sensors = Object.keys(records[0] ?? {}).filter((column) => !LABELS.has(column));
    if (!records[0] || !('anomaly' in records[0])) throw new Error(`${file}: no anomaly column`);
    const vectors = records.map((record) => sensors.map((column) => Number(record[column])));
    const training = vectors.slice(0, trainRows);
    const model = trainPca(training, { explained, quantile, smoothing });
    const local = { tp: 0, fp: 0, fn: 0 };
    scorePcaSeries(model, vectors.slice(trainRows), training).forEach((score, i) => {
      const predicted = score.t2Signal || score.qSignal;
      const actual = Number(records[trainRows + i]?.anomaly) === 1;
      const key = predicted ? (actual ? 'tp' : 'fp') : actual ? 'fn' : 'tn';
      counts[key] += 1;
      if (key !== 'tn') local[key] += 1;
    });
    const f1 = local.tp / (local.tp + (local.fp + local.fn) / 2 || 1);
    perFile.push({ file: path.relative(skabDir, file), rows: vectors.length - trainRows, f1 });
  }

  const f1 = counts.tp / (counts.tp + (counts.fp + counts.fn) / 2);
  const far = (100 * counts.fp) / (counts.fp + counts.tn);
  const mar = (100 * counts.fn) / (counts.fn + counts.tp);
  if (args.json) {
    report.skab = { files: perFile, counts, f1, far, mar, leaderboard: LEADERBOARD };
  } else {
    console.log(`SKAB outlier detection: ${runs.length} files from ${skabDir}`);
    console.log(`protocol: first ${trainRows} rows of each file train, the rest test; pooled predictions`);
    console.log(
      `detector: PCA explaining ${explained}; a row is anomalous when the median T² or SPE of it and the ${smoothing - 1} rows before it\n` +
        `exceeds the ${quantile} quantile of the same median over the training rows scored out of sample (${TRAINING_FOLDS} time blocks, each by a model of the others)\n`,
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
}

if (args.json) console.log(JSON.stringify(report, null, 2));

function printNab(
  runs: Partial<Record<NabDetector, NabRun[]>>,
  detectors: NabDetector[],
  nabDir: string,
  labels: string,
  corpus: Record<string, Record<string, number>>,
) {
  const first = runs[detectors[0] as NabDetector] ?? [];
  const files = first[0]?.files ?? [];
  console.log(`NAB: ${files.length} files from ${nabDir}, ${first[0]?.windows ?? 0} windows (${labels})`);
  for (const detector of detectors) console.log(`${detector}: ${describeDetector(detector)}`);
  console.log(
    'one threshold per profile for the corpus (as NAB); leave-one-file-out: each file at the threshold best on the others',
  );
  console.log(
    "published: each detector's per-file raw scores on the same files (thresholds tuned on NAB's 58 files), normalised the same way",
  );
  const name = (file: string) => file.replace(/^.*\//, '').replace(/\.csv$/, '');
  const width = Math.max(10, ...files.map((f) => name(f.file).length));
  const num = (x: number, w = 7) => x.toFixed(2).padStart(w);
  first.forEach((run, p) => {
    const profile = run.profile;
    const reference = run.published.filter((entry) => entry.detector !== 'null').slice(0, 2);
    console.log(`\n${profile}`);
    const head = [
      'file'.padEnd(width),
      'rows'.padStart(6),
      'win'.padStart(4),
      ...detectors.map((d) => `${`${d}: found  FPs`.padStart(20)}${'raw'.padStart(8)}`),
      ...reference.map((entry) => entry.detector.padStart(Math.max(9, entry.detector.length))),
    ];
    console.log(head.join(' '));
    files.forEach((file, k) => {
      const cells = [
        name(file.file).padEnd(width),
        String(file.rows).padStart(6),
        String(file.windows).padStart(4),
      ];
      for (const d of detectors) {
        const f = runs[d]?.[p]?.files[k] as (typeof files)[number];
        cells.push(
          `${`${f.detectedWindows}/${f.windows}`.padStart(15)}${String(f.falsePositives).padStart(5)}${num(f.raw, 8)}`,
        );
      }
      for (const entry of reference)
        cells.push(num(entry.files[file.file] ?? Number.NaN, Math.max(9, entry.detector.length)));
      console.log(cells.join(' '));
    });
    const totals = ['total'.padEnd(width), ''.padStart(6), String(run.windows).padStart(4)];
    for (const d of detectors) {
      const r = runs[d]?.[p] as NabRun;
      const found = r.files.reduce((sum, f) => sum + f.detectedWindows, 0);
      const fps = r.files.reduce((sum, f) => sum + f.falsePositives, 0);
      const raw = r.files.reduce((sum, f) => sum + f.raw, 0);
      totals.push(`${`${found}/${r.windows}`.padStart(15)}${String(fps).padStart(5)}${num(raw, 8)}`);
    }
    for (const entry of reference)
      totals.push(
        num(
          Object.values(entry.files).reduce((sum, x) => sum + x, 0),
          Math.max(9, entry.detector.length),
        ),
      );
    console.log(totals.join(' '));
    for (const d of detectors) {
      const r = runs[d]?.[p] as NabRun;
      const what = d === 'zscore' ? '|z|' : 'score';
      console.log(
        `PlantIntel ${d}: ${r.score.toFixed(1)} (${what} ≥ ${r.threshold}; leave-one-file-out ${r.leaveOneOut.toFixed(1)}; ` +
          `at the shipped default ${what} ≥ ${r.defaultThreshold}: ${r.atDefault.toFixed(1)})`,
      );
    }
    const others = run.published.filter((entry) => entry.detector !== 'null');
    console.log(
      `published, same files: ${others.map((e) => `${e.detector} ${e.score.toFixed(1)}`).join(', ')}`,
    );
    const full = Object.entries(corpus)
      .filter(([detector]) => detector !== 'null' && corpus[detector]?.[profile] !== undefined)
      .map(([detector, scores]) => [detector, scores[profile] as number] as const)
      .sort((a, b) => b[1] - a[1]);
    if (full.length > 0)
      console.log(
        `published, NAB's full corpus: ${full.map(([d, score]) => `${d} ${score.toFixed(1)}`).join(', ')}`,
      );
  });
  console.log('');
}
