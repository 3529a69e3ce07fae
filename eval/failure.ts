// Evaluation of the failure-risk model (src/modules/analytics/analysis/model/risk.ts) on the AI4I
// 2020 predictive-maintenance data, beside plain logistic regression and a majority-class baseline,
// all by the same 5-fold stratified cross-validation, and beside the published reference figures.
// The per-mode failure columns (TWF, HDF, PWF, OSF, RNF) are never read: they restate the label.
// Usage: npm run eval:failure [-- --data <csv>] [--seed 1] [--folds 5] [--threshold-folds 3]
//        [--rounds N] [--learning-rate X] [--depth N] [--min-leaf N] [--l2 X] [--subsample X]
//        [--pos-weight X] [--bins N] [--scale-rows N]   (tree options default to FAILURE_RISK_DEFAULTS;
//        --scale-rows also times one fit on N rows resampled from the data, e.g. 1000000)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildFailureFeatures,
  type CrossValidation,
  crossValidate,
  encodeProductType,
  explain,
  FAILURE_RISK_DEFAULTS,
  type FeatureMatrix,
  type GbdtOptions,
  MACHINING_INPUTS,
  matrixFromColumns,
  predictLogistic,
  scoreFailureRisk,
  seededRandom,
  trainFailureRisk,
  trainGbdt,
  trainLogistic,
} from '../src/modules/analytics/analysis/model/index.ts';

const { values: args } = parseArgs({
  options: {
    data: {
      type: 'string',
      default: path.resolve(import.meta.dirname, '../../shared/datasets/ai4i2020.csv'),
    },
    seed: { type: 'string', default: '1' },
    folds: { type: 'string', default: '5' },
    'threshold-folds': { type: 'string', default: '3' },
    rounds: { type: 'string' },
    'learning-rate': { type: 'string' },
    depth: { type: 'string' },
    'min-leaf': { type: 'string' },
    l2: { type: 'string' },
    subsample: { type: 'string' },
    'pos-weight': { type: 'string' },
    bins: { type: 'string' },
    'scale-rows': { type: 'string' },
  },
});
const count = (flag: 'seed' | 'folds' | 'threshold-folds' | 'scale-rows', fallback = '0') => {
  const value = Number(args[flag] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${flag} must be a whole number ≥ 0`);
  return value;
};
const seed = count('seed');
const folds = count('folds');
const thresholdFolds = count('threshold-folds');
const scaleRows = count('scale-rows');
// Tree options are checked by the trainer itself (resolveGbdtOptions).
const overrides: Partial<GbdtOptions> = {};
const option = (flag: keyof typeof args, key: keyof GbdtOptions) => {
  const value = args[flag];
  if (typeof value === 'string') overrides[key] = Number(value);
};
option('rounds', 'rounds');
option('learning-rate', 'learningRate');
option('depth', 'maxDepth');
option('min-leaf', 'minSamplesLeaf');
option('l2', 'l2');
option('subsample', 'subsample');
option('pos-weight', 'scalePosWeight');
option('bins', 'bins');
const gbdtOptions: GbdtOptions = { ...FAILURE_RISK_DEFAULTS, seed, ...overrides };

// The published figures (datasets README): random forests reach about 99.5 % accuracy; a model that
// always says "no failure" already reaches 96.6 %, hence the ranking and failure-class figures, for
// which the README gives no published value.
const PUBLISHED = [
  'random forests (e.g. Appl. Sci. 2025, 15(16), 8841): accuracy ≈ 99.5 %',
  'always "no failure": accuracy 96.6 % (3.39 % failures)',
  'data: S. Matzka, "Explainable AI for Predictive Maintenance Applications", AI4I 2020 (UCI, CC BY 4.0)',
];

interface Ai4i {
  columns: Record<string, Float64Array>;
  failure: Uint8Array;
}

/** The plain AI4I CSV (no quotes) into the model's input columns, temperatures from K to °C. */
function readAi4i(file: string): Ai4i {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',');
  const at = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${file}: no column "${name}"`);
    return index;
  };
  const source = {
    productType: at('Type'),
    ambientTempC: at('Air temperature [K]'),
    processTempC: at('Process temperature [K]'),
    speedRpm: at('Rotational speed [rpm]'),
    torqueNm: at('Torque [Nm]'),
    toolWearMin: at('Tool wear [min]'),
  };
  const failureAt = at('Machine failure');
  const rows = lines.length - 1;
  const columns = Object.fromEntries(Object.keys(source).map((name) => [name, new Float64Array(rows)]));
  const failure = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const cells = (lines[r + 1] as string).split(',');
    for (const [name, index] of Object.entries(source)) {
      const cell = cells[index] ?? '';
      const value =
        name === 'productType'
          ? encodeProductType(cell)
          : name.endsWith('TempC')
            ? Number(cell) - 273.15
            : Number(cell);
      (columns[name] as Float64Array)[r] = cell === '' ? Number.NaN : value;
    }
    failure[r] = cells[failureAt] === '1' ? 1 : 0;
  }
  return { columns, failure };
}

function timed<T>(run: () => T): { result: T; seconds: number } {
  const start = performance.now();
  const result = run();
  return { result, seconds: (performance.now() - start) / 1000 };
}

const { columns, failure } = readAi4i(args.data);
const matrix = buildFailureFeatures(columns);
// The same inputs without the derived features: what plain logistic regression makes of raw data.
const rawNames = MACHINING_INPUTS.filter((name) => columns[name] !== undefined);
const raw = matrixFromColumns(
  rawNames,
  rawNames.map((name) => columns[name] as Float64Array),
);
const failures = failure.reduce((sum, f) => sum + f, 0);
const cvOptions = { folds, thresholdFolds, seed };

type Row = { name: string; cv: Omit<CrossValidation, 'outOfFold'>; fitSeconds: number; cvSeconds: number };
const rows: Row[] = [];

const risk = timed(() =>
  trainFailureRisk(columns, failure, { gbdt: gbdtOptions, folds, thresholdFolds, seed }),
);
const riskFit = timed(() => trainGbdt(matrix, failure, gbdtOptions));
rows.push({
  name: 'failure-risk (GBDT)',
  cv: risk.result.cv,
  fitSeconds: riskFit.seconds,
  cvSeconds: risk.seconds,
});

for (const [name, features] of [
  ['logistic regression', matrix],
  ['logistic, raw inputs only', raw],
] as const) {
  const fitLogistic = (m: FeatureMatrix, y: Uint8Array) => {
    const model = trainLogistic(m, y);
    return { predict: (x: FeatureMatrix) => predictLogistic(model, x) };
  };
  const cv = timed(() => crossValidate(features, failure, fitLogistic, cvOptions));
  const fit = timed(() => trainLogistic(features, failure));
  rows.push({ name, cv: cv.result, fitSeconds: fit.seconds, cvSeconds: cv.seconds });
}

const majority = timed(() =>
  crossValidate(
    matrix,
    failure,
    (_, y) => {
      const rate = y.reduce((sum, f) => sum + f, 0) / y.length;
      // Says "no failure" for every row: a constant score, and a threshold nothing reaches.
      return { predict: (x) => new Float64Array(x.rows).fill(rate), threshold: Number.POSITIVE_INFINITY };
    },
    cvOptions,
  ),
);
rows.push({ name: 'majority class', cv: majority.result, fitSeconds: 0, cvSeconds: majority.seconds });

const f3 = (x: number) => (Number.isNaN(x) ? '  —  ' : x.toFixed(3));
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
console.log(
  `AI4I 2020: ${failure.length} operations, ${failures} failures (${pct(failures / failure.length)})`,
);
console.log(
  `${folds}-fold stratified CV, seed ${seed}; thresholds from ${thresholdFolds ? `${thresholdFolds}-fold inner CV` : 'pooled out-of-fold scores'}`,
);
console.log(`features: ${matrix.names.join(', ')}`);
console.log(`tree options: ${JSON.stringify(gbdtOptions)}\n`);
console.log(
  `${'model'.padEnd(28)}${['ROC-AUC', 'PR-AUC', 'F1', 'precision', 'recall', 'accuracy', 'fit s', 'CV s']
    .map((h) => h.padStart(10))
    .join('')}`,
);
for (const { name, cv, fitSeconds, cvSeconds } of rows) {
  const cells = [cv.rocAuc, cv.prAuc, cv.f1, cv.precision, cv.recall].map(f3);
  cells.push(pct(cv.accuracy), fitSeconds.toFixed(2), cvSeconds.toFixed(2));
  console.log(`${name.padEnd(28)}${cells.map((c) => c.padStart(10)).join('')}`);
}
const ours = risk.result.cv;
console.log(
  `\ngoals: ROC-AUC ≥ 0.97 ${ours.rocAuc >= 0.97 ? 'met' : 'NOT met'}, F1 ≥ 0.80 ${ours.f1 >= 0.8 ? 'met' : 'NOT met'}`,
);
console.log('published reference:');
for (const line of PUBLISHED) console.log(`  ${line}`);

console.log('\nfeature importance (share of split gain):');
for (const { name, gain } of risk.result.features) console.log(`  ${name.padEnd(14)} ${pct(gain)}`);

const model = risk.result.model;
const scores = scoreFailureRisk(model, columns);
const riskiest = scores.reduce((best, s, i) => (s > (scores[best] as number) ? i : best), 0);
const row = Object.fromEntries(
  Object.entries(columns).map(([name, values]) => [name, values[riskiest] as number]),
);
const why = explain(model, row);
console.log(`\nflagged at risk ≥ ${model.threshold.toFixed(3)} (F1-best on the out-of-fold scores)`);
console.log(
  `explain(): operation #${riskiest + 1}, the final model's riskiest (${pct(why.risk)}), because of`,
);
for (const d of why.drivers) {
  console.log(
    `  ${d.feature.padEnd(14)} = ${d.value.toFixed(1).padStart(9)}   +${d.contribution.toFixed(2)} log-odds`,
  );
}

if (scaleRows > 0) {
  // Rows drawn from the data with a little noise, so that the bins are not the data's few values.
  const random = seededRandom(seed);
  const big: Record<string, Float64Array> = {};
  for (const name of Object.keys(columns)) big[name] = new Float64Array(scaleRows);
  const bigFailure = new Uint8Array(scaleRows);
  for (let r = 0; r < scaleRows; r++) {
    const source = Math.floor(random() * failure.length);
    for (const [name, values] of Object.entries(columns)) {
      const jitter =
        name === 'productType' ? 0 : (random() - 0.5) * 0.01 * Math.abs(values[source] as number);
      (big[name] as Float64Array)[r] = (values[source] as number) + jitter;
    }
    bigFailure[r] = failure[source] as number;
  }
  const bigMatrix = buildFailureFeatures(big);
  const fit = timed(() => trainGbdt(bigMatrix, bigFailure, gbdtOptions));
  console.log(
    `\none fit on ${scaleRows.toLocaleString('en')} rows × ${bigMatrix.cols} features: ${fit.seconds.toFixed(1)} s`,
  );
}
