// L2-regularised logistic regression: the baseline the failure-risk model must beat. Features are
// standardised (a missing value takes the column mean, i.e. 0 after standardising) so that one L2
// penalty treats every feature alike, and the weights are fitted by Newton's method (IRLS): with a
// handful of features the Hessian is tiny, and a few exact steps converge where gradient descent
// would need thousands.
import { checkLabels, type FeatureMatrix, type Labels } from './matrix.ts';

export interface LogisticOptions {
  /** Penalty λ on the mean log-loss: loss + λ/2 · |w|² over the standardised weights (not the intercept). */
  l2: number;
  maxIterations: number;
  /** Stop when no weight moves by more than this in one step. */
  tolerance: number;
}

export const LOGISTIC_DEFAULTS: Readonly<LogisticOptions> = { l2: 1e-4, maxIterations: 100, tolerance: 1e-9 };

/**
 * A whisker of ridge on every parameter, the intercept too, keeps the Hessian invertible when all
 * labels are equal or a column is constant, without moving any fit that was already well posed.
 */
const RIDGE = 1e-10;

export interface LogisticModel {
  kind: 'logistic';
  version: 1;
  names: string[];
  /** Per feature: the mean that replaces a missing value, and the standard deviation that scales it. */
  mean: number[];
  scale: number[];
  /** Weights of the standardised features. */
  weights: number[];
  intercept: number;
}

export function trainLogistic(
  matrix: FeatureMatrix,
  labels: Labels,
  options: Partial<LogisticOptions> = {},
): LogisticModel {
  const { l2, maxIterations, tolerance } = { ...LOGISTIC_DEFAULTS, ...options };
  if (!(l2 >= 0 && Number.isFinite(l2))) throw new Error('l2 must be a finite number ≥ 0');
  checkLabels(matrix, labels);
  const { rows: n, cols } = matrix;
  if (n === 0) throw new Error('no rows to train on');
  const { mean, scale } = standardisation(matrix);
  const z = standardise(matrix, mean, scale);

  // Parameter 0 is the intercept, 1..cols the weights.
  const dims = cols + 1;
  const beta = new Float64Array(dims);
  const objective = (b: Float64Array) => {
    let loss = 0;
    for (let r = 0; r < n; r++) {
      const m = marginOf(z, r, cols, b);
      // log(1 + e^m) − y·m, written to stay finite for large |m|.
      loss += Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m))) - (labels[r] as number) * m;
    }
    let penalty = 0;
    for (let j = 1; j < dims; j++) penalty += (b[j] as number) ** 2;
    return loss / n + (l2 / 2) * penalty;
  };

  let current = objective(beta);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = new Float64Array(dims);
    const hessian = new Float64Array(dims * dims);
    const x = new Float64Array(dims);
    x[0] = 1;
    for (let r = 0; r < n; r++) {
      for (let j = 1; j < dims; j++) x[j] = z[r * cols + j - 1] as number;
      const p = 1 / (1 + Math.exp(-marginOf(z, r, cols, beta)));
      const residual = p - (labels[r] as number);
      const w = p * (1 - p);
      for (let j = 0; j < dims; j++) {
        const xj = x[j] as number;
        gradient[j] = (gradient[j] as number) + residual * xj;
        for (let k = 0; k <= j; k++)
          hessian[j * dims + k] = (hessian[j * dims + k] as number) + w * xj * (x[k] as number);
      }
    }
    for (let j = 0; j < dims; j++) {
      gradient[j] = (gradient[j] as number) / n + (j > 0 ? l2 * (beta[j] as number) : 0);
      for (let k = 0; k <= j; k++) {
        const value = (hessian[j * dims + k] as number) / n + (j === k ? RIDGE + (j > 0 ? l2 : 0) : 0);
        hessian[j * dims + k] = value;
        hessian[k * dims + j] = value;
      }
    }
    const step = solveSymmetric(hessian, gradient, dims);
    // Newton's full step can overshoot far from the optimum; halve it until the loss goes down.
    let size = 1;
    let next = beta;
    let nextLoss = Infinity;
    for (let halving = 0; halving < 30; halving++) {
      next = beta.map((b, j) => b - size * (step[j] as number));
      nextLoss = objective(next);
      if (nextLoss <= current) break;
      size /= 2;
    }
    if (!(nextLoss <= current)) break;
    const moved = step.reduce((max, s) => Math.max(max, Math.abs(s * size)), 0);
    beta.set(next);
    current = nextLoss;
    if (moved < tolerance) break;
  }
  return {
    kind: 'logistic',
    version: 1,
    names: [...matrix.names],
    mean: Array.from(mean),
    scale: Array.from(scale),
    weights: Array.from(beta.subarray(1)),
    intercept: beta[0] as number,
  };
}

/** Probability of the positive class per row. */
export function predictLogistic(model: LogisticModel, matrix: FeatureMatrix): Float64Array {
  const same = model.names.length === matrix.cols && model.names.every((name, c) => name === matrix.names[c]);
  if (!same) {
    throw new Error(
      `the model expects features [${model.names.join(', ')}], got [${matrix.names.join(', ')}]`,
    );
  }
  const z = standardise(matrix, Float64Array.from(model.mean), Float64Array.from(model.scale));
  const beta = Float64Array.of(model.intercept, ...model.weights);
  const out = new Float64Array(matrix.rows);
  for (let r = 0; r < matrix.rows; r++) out[r] = 1 / (1 + Math.exp(-marginOf(z, r, matrix.cols, beta)));
  return out;
}

function standardisation(matrix: FeatureMatrix): { mean: Float64Array; scale: Float64Array } {
  const { rows, cols, data } = matrix;
  const mean = new Float64Array(cols);
  const scale = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    let count = 0;
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      const x = data[r * cols + c] as number;
      if (!Number.isNaN(x)) {
        count++;
        sum += x;
      }
    }
    const m = count > 0 ? sum / count : 0;
    let squares = 0;
    for (let r = 0; r < rows; r++) {
      const x = data[r * cols + c] as number;
      if (!Number.isNaN(x)) squares += (x - m) ** 2;
    }
    const sd = count > 0 ? Math.sqrt(squares / count) : 0;
    mean[c] = m;
    // A constant column carries no information; scale 1 keeps it at 0 instead of dividing by 0.
    scale[c] = sd > 0 ? sd : 1;
  }
  return { mean, scale };
}

function standardise(matrix: FeatureMatrix, mean: Float64Array, scale: Float64Array): Float64Array {
  const { rows, cols, data } = matrix;
  const z = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = data[r * cols + c] as number;
      z[r * cols + c] = Number.isNaN(x) ? 0 : (x - (mean[c] as number)) / (scale[c] as number);
    }
  }
  return z;
}

function marginOf(z: Float64Array, r: number, cols: number, beta: Float64Array): number {
  let m = beta[0] as number;
  for (let c = 0; c < cols; c++) m += (z[r * cols + c] as number) * (beta[c + 1] as number);
  return m;
}

/** Solves A·x = b for a symmetric positive-definite A (row-major, n×n) by Cholesky. */
export function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(sum > 0)) throw new Error('the matrix is not positive definite');
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / (l[j * n + j] as number);
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * n + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k++) sum -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * n + i] as number);
  }
  return x;
}
