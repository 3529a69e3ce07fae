// Multivariate monitoring of a sensor group (e.g. every sensor of one pump): a PCA model of the
// group's normal behaviour, learned from a training window, and two statistics per new reading
// vector — Hotelling's T² (how far along the normal correlations the point has moved) and SPE, or
// Q (how far it has left them). Pure. The linear algebra (SVD) is ml-matrix's.
import { Matrix, SVD } from 'ml-matrix';

export interface PcaOptions {
  /** Share of the standardized variance the kept components must explain. */
  explained: number;
  /** Quantile of the training window's own statistics used as each control limit. */
  quantile: number;
}

export const PCA_DEFAULTS: PcaOptions = { explained: 0.9, quantile: 0.99 };

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
}

export interface PcaScore {
  t2: number;
  q: number;
  t2Signal: boolean;
  qSignal: boolean;
}

/** Limits are empirical quantiles of the training window: no distribution is assumed. */
function quantileOf(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)] as number;
}

function statistics(model: Omit<PcaModel, 't2Limit' | 'qLimit'>, row: readonly number[]) {
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

/** Learns the group's model from `rows` (one vector of readings per time step, in training). */
export function trainPca(rows: readonly (readonly number[])[], options: PcaOptions = PCA_DEFAULTS): PcaModel {
  const { explained, quantile } = options;
  if (!(explained > 0 && explained <= 1 && quantile > 0 && quantile < 1))
    throw new Error('invalid PCA options');
  const width = rows[0]?.length ?? 0;
  if (width < 2) throw new Error('a sensor group needs at least two variables');
  if (rows.length < Math.max(10, width + 1)) throw new Error('too few training rows for the group');
  if (rows.some((row) => row.length !== width || !row.every(Number.isFinite)))
    throw new Error('training rows must be complete and finite');

  const n = rows.length;
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
  const total = eigenvalues.reduce((sum, v) => sum + v, 0);
  // Keep the fewest components that explain enough, and always leave one out, or SPE is zero.
  let kept = 0;
  let covered = 0;
  while (kept < width - 1 && (kept === 0 || covered < explained * total)) {
    covered += eigenvalues[kept] as number;
    kept += 1;
  }
  const loadings = svd.rightSingularVectors;
  const components = Array.from({ length: kept }, (_, c) => loadings.getColumn(c));
  const variances = eigenvalues.slice(0, kept).map((v) => (v > 0 ? v : Number.MIN_VALUE));
  const base = { means, scales, components, variances };
  const trained = rows.map((row) => statistics(base, row));
  return {
    ...base,
    t2Limit: quantileOf(
      trained.map((s) => s.t2),
      quantile,
    ),
    qLimit: quantileOf(
      trained.map((s) => s.q),
      quantile,
    ),
  };
}

/** T² and SPE of one vector of readings (in the group's variable order) against `model`. */
export function scorePca(model: PcaModel, row: readonly number[]): PcaScore {
  if (row.length !== model.means.length || !row.every(Number.isFinite))
    throw new Error('a reading vector must have one finite value per variable of the group');
  const { t2, q } = statistics(model, row);
  return { t2, q, t2Signal: t2 > model.t2Limit, qSignal: q > model.qLimit };
}
