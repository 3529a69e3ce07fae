// Multivariate monitoring of a sensor group (e.g. every sensor of one pump): a PCA model of the
// group's normal behaviour, learned from a training window, and two statistics per new reading
// vector — Hotelling's T² (how far along the normal correlations the point has moved) and SPE, or
// Q (how far it has left them). Pure. The linear algebra (SVD) is ml-matrix's.
//
// Two choices keep false alarms near what the limits promise on real, slowly drifting plants:
// - The limits are quantiles of *out-of-sample* statistics: the training window is cut into
//   consecutive blocks and each block is scored by a model fitted without it. Statistics of the
//   rows a model was fitted on are too small (it has fitted their noise and their drift), so limits
//   taken from them are exceeded far more often than their quantile says on the data that follows.
// - A vector is judged by the median of its statistic and those of the vectors just before it
//   (`smoothing`), so one stray bucket raises nothing while a sustained shift does within a bucket
//   or two. The limits are quantiles of the same smoothed statistic.
import { Matrix, SVD } from 'ml-matrix';

export interface PcaOptions {
  /** Share of the standardized variance the kept components must explain. */
  explained: number;
  /** Quantile of the training window's out-of-sample statistics used as each control limit. */
  quantile: number;
  /** Vectors (this one and those just before it) whose median statistic is judged; 1 judges each alone. */
  smoothing: number;
}

export const PCA_DEFAULTS: PcaOptions = { explained: 0.85, quantile: 0.99, smoothing: 3 };

/** Consecutive blocks of the training window, each scored by a model fitted on the others. */
export const TRAINING_FOLDS = 5;

export interface PcaModel {
  means: number[];
  /** Per variable: the training standard deviation (1 where it did not vary). */
  scales: number[];
  /** Kept principal directions, one row of loadings per component. */
  components: number[][];
  /** The variance of the training scores along each kept component. */
  variances: number[];
  t2Limit: number;
  qLimit: number;
  /** The `smoothing` the limits were set for (absent in models trained before it existed: 1). */
  smoothing?: number;
}

type Projection = Pick<PcaModel, 'means' | 'scales' | 'components' | 'variances'>;

export interface PcaScore {
  t2: number;
  q: number;
  t2Signal: boolean;
  qSignal: boolean;
}

/** Limits are empirical quantiles: no distribution is assumed. */
function quantileOf(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)] as number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Each value replaced by the median of it and up to `window − 1` values before it. */
function runningMedian(values: readonly number[], window: number): number[] {
  return values.map((_, i) => median(values.slice(Math.max(0, i - window + 1), i + 1)));
}

function statistics(model: Projection, row: readonly number[]) {
  const z = row.map((x, j) => (x - (model.means[j] as number)) / (model.scales[j] as number));
  let t2 = 0;
  const reconstructed = new Array<number>(z.length).fill(0);
  model.components.forEach((loadings, c) => {
    const score = loadings.reduce((sum, w, j) => sum + w * (z[j] as number), 0);
    t2 += (score * score) / (model.variances[c] as number);
    loadings.forEach((w, j) => {
      reconstructed[j] = (reconstructed[j] as number) + w * score;
    });
  });
  const q = z.reduce((sum, value, j) => sum + (value - (reconstructed[j] as number)) ** 2, 0);
  return { t2, q };
}

/**
 * Standardizes `rows` and keeps `kept` components, or, without it, the fewest that explain
 * `explained` of the variance — always leaving one out, or SPE is zero.
 */
function project(rows: readonly (readonly number[])[], explained: number, kept?: number): Projection {
  const n = rows.length;
  const width = rows[0]?.length ?? 0;
  const means = Array.from(
    { length: width },
    (_, j) => rows.reduce((sum, row) => sum + (row[j] as number), 0) / n,
  );
  const scales = means.map((mean, j) => {
    const sd = Math.sqrt(rows.reduce((sum, row) => sum + ((row[j] as number) - mean) ** 2, 0) / (n - 1));
    return sd > 0 ? sd : 1;
  });
  const standardized = new Matrix(
    rows.map((row) => row.map((x, j) => (x - (means[j] as number)) / (scales[j] as number))),
  );
  const svd = new SVD(standardized, { autoTranspose: true });
  const eigenvalues = svd.diagonal.map((s) => (s * s) / (n - 1));
  let count = kept ?? 0;
  if (kept === undefined) {
    const total = eigenvalues.reduce((sum, v) => sum + v, 0);
    let covered = 0;
    while (count < width - 1 && (count === 0 || covered < explained * total)) {
      covered += eigenvalues[count] as number;
      count += 1;
    }
  }
  const loadings = svd.rightSingularVectors;
  const components = Array.from({ length: count }, (_, c) => loadings.getColumn(c));
  const variances = eigenvalues.slice(0, count).map((v) => (v > 0 ? v : Number.MIN_VALUE));
  return { means, scales, components, variances };
}

/** Fewest training rows for `width` variables: every fold's model needs more rows than variables. */
export function minimumTrainingRows(width: number): number {
  return Math.max(10, Math.ceil(((width + 1) * TRAINING_FOLDS) / (TRAINING_FOLDS - 1)));
}

/** Learns the group's model from `rows` (one vector of readings per time step, in time order). */
export function trainPca(rows: readonly (readonly number[])[], options: Partial<PcaOptions> = {}): PcaModel {
  const { explained, quantile, smoothing } = { ...PCA_DEFAULTS, ...options };
  if (
    !(explained > 0 && explained <= 1 && quantile > 0 && quantile < 1) ||
    !(Number.isInteger(smoothing) && smoothing >= 1)
  )
    throw new Error('invalid PCA options');
  const width = rows[0]?.length ?? 0;
  if (width < 2) throw new Error('a sensor group needs at least two variables');
  if (rows.length < minimumTrainingRows(width)) throw new Error('too few training rows for the group');
  if (rows.some((row) => row.length !== width || !row.every(Number.isFinite)))
    throw new Error('training rows must be complete and finite');

  const model = project(rows, explained);
  // Out-of-sample statistics in time order: block b scored by a model of the other blocks with as
  // many components as the full model, so the limits describe the statistic that will be judged.
  const held: { t2: number; q: number }[] = [];
  for (let b = 0; b < TRAINING_FOLDS; b++) {
    const from = Math.floor((b * rows.length) / TRAINING_FOLDS);
    const to = Math.floor(((b + 1) * rows.length) / TRAINING_FOLDS);
    const fold = project([...rows.slice(0, from), ...rows.slice(to)], explained, model.components.length);
    for (const row of rows.slice(from, to)) held.push(statistics(fold, row));
  }
  const limit = (values: number[]) => quantileOf(runningMedian(values, smoothing), quantile);
  return {
    ...model,
    t2Limit: limit(held.map((s) => s.t2)),
    qLimit: limit(held.map((s) => s.q)),
    smoothing,
  };
}

function checkVector(model: PcaModel, row: readonly number[]) {
  if (row.length !== model.means.length || !row.every(Number.isFinite))
    throw new Error('a reading vector must have one finite value per variable of the group');
}

/** T² and SPE of one vector of readings (in the group's variable order) against `model`, judged alone. */
export function scorePca(model: PcaModel, row: readonly number[]): PcaScore {
  checkVector(model, row);
  const { t2, q } = statistics(model, row);
  return { t2, q, t2Signal: t2 > model.t2Limit, qSignal: q > model.qLimit };
}

/**
 * Judges consecutive vectors as the model's smoothing says: each score is the median statistic of
 * the vector and those just before it. `before` are the vectors that preceded `rows` (already
 * judged; up to `smoothing − 1` of them are used), so a stream scored in pieces is judged as if whole.
 */
export function scorePcaSeries(
  model: PcaModel,
  rows: readonly (readonly number[])[],
  before: readonly (readonly number[])[] = [],
): PcaScore[] {
  const window = model.smoothing ?? 1;
  const lead = before.slice(Math.max(0, before.length - (window - 1)));
  for (const row of [...lead, ...rows]) checkVector(model, row);
  const raw = [...lead, ...rows].map((row) => statistics(model, row));
  const t2 = runningMedian(
    raw.map((s) => s.t2),
    window,
  ).slice(lead.length);
  const q = runningMedian(
    raw.map((s) => s.q),
    window,
  ).slice(lead.length);
  return rows.map((_, i) => {
    const score = { t2: t2[i] as number, q: q[i] as number };
    return { ...score, t2Signal: score.t2 > model.t2Limit, qSignal: score.q > model.qLimit };
  });
}
