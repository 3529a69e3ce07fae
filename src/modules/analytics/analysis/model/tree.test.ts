import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binMatrix, MISSING_BIN } from './bins.ts';
import { type FeatureMatrix, matrixFromColumns } from './matrix.ts';
import { seededRandom } from './random.ts';
import { addTreeToMargins, createTreeWork, growTree, type Tree, type TreeParams } from './tree.ts';

const PARAMS: TreeParams = { maxDepth: 1, minSamplesLeaf: 1, l2: 1, minGain: 0, learningRate: 1 };

/** Random features (one with missing values) and log-loss gradients of a noisy rule at margin 0. */
function problem(rows: number, seed: number) {
  const random = seededRandom(seed);
  const a = Float64Array.from({ length: rows }, () => random());
  const b = Float64Array.from({ length: rows }, () => (random() < 0.2 ? Number.NaN : random() * 10));
  const c = Float64Array.from({ length: rows }, () => Math.floor(random() * 3));
  const matrix = matrixFromColumns(['a', 'b', 'c'], [a, b, c]);
  const y = Float64Array.from({ length: rows }, (_, i) =>
    (a[i] as number) + (Number.isNaN(b[i]) ? 0.4 : 0) + random() * 0.5 > 0.9 ? 1 : 0,
  );
  const binned = binMatrix(matrix, 16);
  const work = createTreeWork(binned, 6);
  for (let i = 0; i < rows; i++) {
    work.sample[i] = i;
    work.grad[i] = 0.5 - (y[i] as number);
    work.hess[i] = 0.25;
  }
  return { matrix, binned, work };
}

function leafByValue(tree: Tree, matrix: FeatureMatrix, r: number): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    const x = matrix.data[r * matrix.cols + (tree.feature[node] as number)] as number;
    const left = Number.isNaN(x) ? tree.missingLeft[node] : x <= (tree.threshold[node] as number);
    node = (left ? tree.left[node] : tree.right[node]) as number;
  }
  return node;
}

test('the root split is the best of every feature, cut and missing-value direction', () => {
  const { binned, work } = problem(3000, 1);
  const tree = growTree(work, binned.rows, PARAMS);
  const score = (g: number, h: number) => (g * g) / (h + PARAMS.l2);
  let best = { gain: 0, feature: -1, bin: -1 };
  for (let f = 0; f < binned.cols; f++) {
    const bins = (binned.edges[f] as Float64Array).length + 1;
    for (let cut = 0; cut < bins; cut++) {
      for (const missingLeft of [false, true]) {
        let gl = 0;
        let hl = 0;
        let g = 0;
        let h = 0;
        for (let i = 0; i < binned.rows; i++) {
          const code = binned.codes[i * binned.stride + f] as number;
          const left = code === MISSING_BIN ? missingLeft : code <= cut;
          g += work.grad[i] as number;
          h += work.hess[i] as number;
          if (left) {
            gl += work.grad[i] as number;
            hl += work.hess[i] as number;
          }
        }
        const gain = 0.5 * (score(gl, hl) + score(g - gl, h - hl) - score(g, h));
        if (gain > best.gain + 1e-9) best = { gain, feature: f, bin: cut };
      }
    }
  }
  assert.equal(tree.feature[0], best.feature);
  assert.equal(tree.threshold[0], (binned.edges[best.feature] as Float64Array)[best.bin] ?? Number.MAX_VALUE);
  assert.ok(Math.abs((tree.gain[0] as number) - best.gain) < 1e-6 * best.gain);
});

test('a deeper tree keeps every row: leaves cover the root, and routing by codes matches the thresholds', () => {
  const { matrix, binned, work } = problem(5000, 2);
  const tree = growTree(work, binned.rows, { ...PARAMS, maxDepth: 4, minSamplesLeaf: 20 });
  assert.ok(tree.feature.length > 7, 'the tree should have grown');
  const leafCover = tree.cover.reduce(
    (sum, h, node) => sum + ((tree.feature[node] as number) < 0 ? h : 0),
    0,
  );
  assert.ok(Math.abs(leafCover - (tree.cover[0] as number)) < 1e-6);
  tree.feature.forEach((feature, node) => {
    if (feature >= 0) assert.equal(tree.right[node], (tree.left[node] as number) + 1);
  });

  const margin = new Float64Array(binned.rows);
  addTreeToMargins(work, tree, margin);
  for (let r = 0; r < binned.rows; r++) assert.equal(margin[r], tree.value[leafByValue(tree, matrix, r)]);
});

test('missing values go where they help: the learned direction follows their labels', () => {
  const { binned, work } = problem(4000, 3);
  // Only feature b (with missing values) shapes the gradients: missing rows are all positives.
  const codesB = (i: number) => binned.codes[i * binned.stride + 1] as number;
  for (let i = 0; i < binned.rows; i++) work.grad[i] = codesB(i) === MISSING_BIN ? -0.5 : 0.5;
  const tree = growTree(work, binned.rows, PARAMS);
  assert.equal(tree.feature[0], 1);
  const missingSide = tree.missingLeft[0] ? tree.left[0] : tree.right[0];
  assert.ok((tree.value[missingSide as number] as number) > 0, 'missing rows should get a positive value');
});

test('no split without enough rows per leaf, and a leaf value is the penalised Newton step', () => {
  const { binned, work } = problem(30, 4);
  const tree = growTree(work, binned.rows, { ...PARAMS, minSamplesLeaf: 16 });
  assert.deepEqual(tree.feature, [-1]);
  const g = work.grad.subarray(0, 30).reduce((s, x) => s + x, 0);
  assert.ok(Math.abs((tree.value[0] as number) - -g / (30 * 0.25 + 1)) < 1e-12);
});
