// The one data shape the model engines share: a dense, row-major matrix of float64 features with
// named columns, and 0/1 labels. NaN marks a missing value everywhere; the engines decide what
// missing means (GBDT learns a direction per split, logistic regression imputes the mean).

export interface FeatureMatrix {
  rows: number;
  cols: number;
  /** Row-major: the value of row r, column c is data[r * cols + c]. */
  data: Float64Array;
  names: string[];
}

/** One 0/1 label per row (1 = the event, e.g. a machine failure). */
export type Labels = Uint8Array;

export function matrixFromColumns(
  names: readonly string[],
  columns: readonly ArrayLike<number>[],
): FeatureMatrix {
  if (names.length !== columns.length) throw new Error('one name per column is needed');
  const rows = columns[0]?.length ?? 0;
  const cols = columns.length;
  const data = new Float64Array(rows * cols);
  columns.forEach((column, c) => {
    if (column.length !== rows)
      throw new Error(`column "${names[c]}" has ${column.length} rows, not ${rows}`);
    for (let r = 0; r < rows; r++) data[r * cols + c] = column[r] as number;
  });
  return { rows, cols, data, names: [...names] };
}

export function matrixFromRows(
  names: readonly string[],
  rows: readonly (readonly number[])[],
): FeatureMatrix {
  const cols = names.length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, r) => {
    if (row.length !== cols) throw new Error(`row ${r} has ${row.length} values, not ${cols}`);
    data.set(row, r * cols);
  });
  return { rows: rows.length, cols, data, names: [...names] };
}

export function columnOf(matrix: FeatureMatrix, c: number): Float64Array {
  const out = new Float64Array(matrix.rows);
  for (let r = 0; r < matrix.rows; r++) out[r] = matrix.data[r * matrix.cols + c] as number;
  return out;
}

/** The rows at `index`, in that order (cross-validation folds, subsets for tests). */
export function takeRows(matrix: FeatureMatrix, index: ArrayLike<number>): FeatureMatrix {
  const { cols } = matrix;
  const data = new Float64Array(index.length * cols);
  for (let k = 0; k < index.length; k++) {
    const r = index[k] as number;
    data.set(matrix.data.subarray(r * cols, (r + 1) * cols), k * cols);
  }
  return { rows: index.length, cols, data, names: matrix.names };
}

export function takeLabels(labels: Labels, index: ArrayLike<number>): Labels {
  const out = new Uint8Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = labels[index[k] as number] as number;
  return out;
}

/** Throws unless there is one 0/1 label per row: a silent mismatch would train on shifted labels. */
export function checkLabels(matrix: FeatureMatrix, labels: Labels): void {
  if (labels.length !== matrix.rows) {
    throw new Error(`${labels.length} labels for ${matrix.rows} rows`);
  }
  for (const label of labels) if (label > 1) throw new Error('labels must be 0 or 1');
}
