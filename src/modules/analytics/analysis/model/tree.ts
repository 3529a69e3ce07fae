// One regression tree of a boosted ensemble, grown level by level on binned features from the
// gradients and hessians of a sample of rows (second-order boosting, as XGBoost and LightGBM do).
// Split finding reads per-bin sums, never sorted rows. Rows are not moved between nodes: each
// sampled row remembers its node, and one sequential pass per level routes it to its child while
// summing the smaller child's histogram (the larger child's is its parent's minus that). After the
// growth, one pass sends every row, sampled or not, down the finished tree to update its margin.
// Branch-free routing (see `Router`) and sequential passes over typed arrays are what let a
// million rows train in seconds.
import { type BinnedMatrix, MISSING_BIN } from './bins.ts';

/** A tree as plain arrays indexed by node id (root 0), so a model is JSON as it stands. */
export interface Tree {
  /** The feature a node splits on; −1 marks a leaf. A split's right child is always left + 1. */
  feature: number[];
  /** A row goes left when its value is ≤ the threshold. */
  threshold: number[];
  /** Where a missing (NaN) value goes; learned from the rows, or the busier side if none was missing. */
  missingLeft: boolean[];
  left: number[];
  right: number[];
  /**
   * Log-odds output, shrinkage included. A split node keeps the value it would output as a leaf,
   * so the change from node to child along a row's path is that split's contribution to the row.
   */
  value: number[];
  /** Loss reduction of the split (0 for a leaf): the feature importance sums these. */
  gain: number[];
  /** Sum of hessians of the training rows that reached the node. */
  cover: number[];
}

export interface TreeParams {
  maxDepth: number;
  minSamplesLeaf: number;
  l2: number;
  minGain: number;
  learningRate: number;
}

/** Deepest tree allowed: a level's open nodes each hold a histogram (cols × 6 kB). */
export const MAX_TREE_DEPTH = 12;

/** State shared by the trees of one training run; the caller fills the sample before each tree. */
export interface TreeWork {
  binned: BinnedMatrix;
  /** The rows sampled for the next tree, ascending; `grad` and `hess` are indexed like it. */
  sample: Uint32Array;
  grad: Float64Array;
  hess: Float64Array;
  /** The node each sampled row is at while the tree grows. */
  nodeAt: Uint16Array;
  router: Router;
  spare: Float64Array[];
}

/**
 * A grown tree's routing in typed arrays, indexed by node id. A node's two children are always
 * consecutive ids, so a row's child is `left + goesRight`, and goesRight is looked up per (node,
 * bin code), the missing code included: no branch for the CPU to mispredict on every other row.
 */
export interface Router {
  /** The left child, or −1 for a leaf. */
  left: Int32Array;
  feature: Int32Array;
  /** 256 entries per node: 1 if a row with that bin code goes right. */
  goesRight: Uint8Array;
}

export function createTreeWork(binned: BinnedMatrix, maxDepth: number): TreeWork {
  const n = binned.rows;
  const maxNodes = 2 ** (maxDepth + 1);
  return {
    binned,
    sample: new Uint32Array(n),
    grad: new Float64Array(n),
    hess: new Float64Array(n),
    nodeAt: new Uint16Array(n),
    router: {
      left: new Int32Array(maxNodes),
      feature: new Int32Array(maxNodes),
      goesRight: new Uint8Array(maxNodes * 256),
    },
    spare: [],
  };
}

const SLOTS = 3; // gradient sum, hessian sum, row count
const FEATURE_SLOTS = 256 * SLOTS;

interface Split {
  feature: number;
  bin: number;
  missingLeft: boolean;
  gain: number;
  gradLeft: number;
  hessLeft: number;
  countLeft: number;
}

/** A node still to be split: its sampled rows' gradient and hessian sums, count and histogram. */
interface OpenNode {
  node: number;
  histogram: Float64Array;
  g: number;
  h: number;
  n: number;
}

/** Grows one tree on the first `count` rows of `work.sample`; `work.router` then routes it. */
export function growTree(work: TreeWork, count: number, params: TreeParams): Tree {
  const { binned, grad, hess, nodeAt, router } = work;
  const tree: Tree = {
    feature: [],
    threshold: [],
    missingLeft: [],
    left: [],
    right: [],
    value: [],
    gain: [],
    cover: [],
  };
  const take = () => work.spare.pop()?.fill(0) ?? new Float64Array(binned.cols * FEATURE_SLOTS);
  const canSplit = (depth: number, n: number) => depth < params.maxDepth && n >= 2 * params.minSamplesLeaf;

  const root = take();
  let g = 0;
  let h = 0;
  for (let k = 0; k < count; k++) {
    accumulate(root, work, k);
    g += grad[k] as number;
    h += hess[k] as number;
  }
  nodeAt.fill(0, 0, count);
  addNode(tree, router, g, h, params);
  let open: OpenNode[] = [{ node: 0, histogram: root, g, h, n: count }];
  // Which histogram (an index into `collect`) the rows arriving at a node add to, or −1.
  const collectSlot = new Int32Array(router.left.length);
  const collect: Float64Array[] = [];

  for (let depth = 0; open.length > 0; depth++) {
    const next: OpenNode[] = [];
    const subtract: { parent: Float64Array; small: Float64Array }[] = [];
    collectSlot.fill(-1);
    collect.length = 0;
    for (const parent of open) {
      const split = canSplit(depth, parent.n) ? bestSplit(parent, binned.edges, params) : undefined;
      if (!split) {
        work.spare.push(parent.histogram);
        continue;
      }
      const left = addNode(tree, router, split.gradLeft, split.hessLeft, params);
      const right = addNode(tree, router, parent.g - split.gradLeft, parent.h - split.hessLeft, params);
      setSplit(tree, router, parent.node, split, binned.edges);
      const sides = [
        { node: left, g: split.gradLeft, h: split.hessLeft, n: split.countLeft },
        {
          node: right,
          g: parent.g - split.gradLeft,
          h: parent.h - split.hessLeft,
          n: parent.n - split.countLeft,
        },
      ] as const;
      if (!sides.some((side) => canSplit(depth + 1, side.n))) {
        work.spare.push(parent.histogram);
        continue;
      }
      const [small, large] = sides[0].n <= sides[1].n ? sides : [sides[1], sides[0]];
      const smallHistogram = take();
      collectSlot[small.node] = collect.length;
      collect.push(smallHistogram);
      subtract.push({ parent: parent.histogram, small: smallHistogram });
      next.push({ ...small, histogram: smallHistogram }, { ...large, histogram: parent.histogram });
    }
    // Nothing splits below this level: the router already holds the whole tree.
    if (next.length === 0) break;
    routeSample(work, count, collectSlot, collect);
    for (const { parent, small } of subtract) {
      for (let k = 0; k < parent.length; k++) parent[k] = (parent[k] as number) - (small[k] as number);
    }
    open = next;
  }
  return tree;
}

/** Adds the tree just grown in `work` to every row's margin, routing rows by their bin codes. */
export function addTreeToMargins(work: TreeWork, tree: Tree, margin: Float64Array): void {
  const { codes, stride, rows } = work.binned;
  const { left, feature, goesRight } = work.router;
  const value = Float64Array.from(tree.value);
  for (let i = 0; i < rows; i++) {
    const row = i * stride;
    let node = 0;
    let first = left[0] as number;
    while (first >= 0) {
      node = first + (goesRight[node * 256 + (codes[row + (feature[node] as number)] as number)] as number);
      first = left[node] as number;
    }
    margin[i] = (margin[i] as number) + (value[node] as number);
  }
}

function addNode(tree: Tree, router: Router, g: number, h: number, params: TreeParams): number {
  const node = tree.feature.length;
  tree.feature.push(-1);
  tree.threshold.push(0);
  tree.missingLeft.push(false);
  tree.left.push(-1);
  tree.right.push(-1);
  // No rows and no penalty (h + l2 = 0) would be 0 / 0; such a leaf adds nothing.
  tree.value.push(h + params.l2 > 0 ? (-g / (h + params.l2)) * params.learningRate : 0);
  tree.gain.push(0);
  tree.cover.push(h);
  router.left[node] = -1;
  return node;
}

/** Turns a leaf into a split whose children are the two nodes added last. */
function setSplit(tree: Tree, router: Router, node: number, split: Split, edges: Float64Array[]): void {
  const left = tree.feature.length - 2;
  tree.feature[node] = split.feature;
  // The "missing or not" split has no edge: every finite value is ≤ the largest double.
  tree.threshold[node] = (edges[split.feature] as Float64Array)[split.bin] ?? Number.MAX_VALUE;
  tree.missingLeft[node] = split.missingLeft;
  tree.left[node] = left;
  tree.right[node] = left + 1;
  tree.gain[node] = split.gain;
  router.left[node] = left;
  router.feature[node] = split.feature;
  for (let code = 0; code < 256; code++) {
    const goesRight = code === MISSING_BIN ? !split.missingLeft : code > split.bin;
    router.goesRight[node * 256 + code] = goesRight ? 1 : 0;
  }
}

/** Adds sampled row k (its gradient, hessian and a count) to the bins of its codes. */
function accumulate(histogram: Float64Array, work: TreeWork, k: number): void {
  const { codes, cols, stride } = work.binned;
  const g = work.grad[k] as number;
  const h = work.hess[k] as number;
  const row = (work.sample[k] as number) * stride;
  for (let f = 0, base = 0; f < cols; f++, base += FEATURE_SLOTS) {
    const at = base + (codes[row + f] as number) * SLOTS;
    histogram[at] = (histogram[at] as number) + g;
    histogram[at + 1] = (histogram[at + 1] as number) + h;
    histogram[at + 2] = (histogram[at + 2] as number) + 1;
  }
}

/** Moves each sampled row one level down, summing the histograms of the children that need one. */
function routeSample(work: TreeWork, count: number, collectSlot: Int32Array, collect: Float64Array[]): void {
  const { codes, stride } = work.binned;
  const { sample, nodeAt } = work;
  const { left, feature, goesRight } = work.router;
  for (let k = 0; k < count; k++) {
    const node = nodeAt[k] as number;
    const first = left[node] as number;
    if (first < 0) continue;
    const code = codes[(sample[k] as number) * stride + (feature[node] as number)] as number;
    const child = first + (goesRight[node * 256 + code] as number);
    nodeAt[k] = child;
    const slot = collectSlot[child] as number;
    if (slot >= 0) accumulate(collect[slot] as Float64Array, work, k);
  }
}

/**
 * The split of a node with the largest loss reduction, from its histogram: every cut between two
 * bins, with missing values sent left and right, plus "missing or not" (all present values left).
 * Without missing values in the node, they are sent to the busier side, where most rows went.
 */
function bestSplit(open: OpenNode, edges: Float64Array[], params: TreeParams): Split | undefined {
  const { histogram, g, h, n } = open;
  const { l2, minSamplesLeaf, minGain } = params;
  const parentScore = (g * g) / (h + l2);
  let best: Split | undefined;
  const consider = (f: number, bin: number, gl: number, hl: number, nl: number, missingLeft: boolean) => {
    if (nl < minSamplesLeaf || n - nl < minSamplesLeaf) return;
    const gr = g - gl;
    const gain = 0.5 * ((gl * gl) / (hl + l2) + (gr * gr) / (h - hl + l2) - parentScore);
    if (gain > minGain && gain > (best?.gain ?? 0)) {
      best = { feature: f, bin, missingLeft, gain, gradLeft: gl, hessLeft: hl, countLeft: nl };
    }
  };
  edges.forEach((featureEdges, f) => {
    const base = f * FEATURE_SLOTS;
    const missing = base + MISSING_BIN * SLOTS;
    const gm = histogram[missing] as number;
    const hm = histogram[missing + 1] as number;
    const nm = histogram[missing + 2] as number;
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let b = 0; b <= featureEdges.length; b++) {
      const at = base + b * SLOTS;
      gl += histogram[at] as number;
      hl += histogram[at + 1] as number;
      nl += histogram[at + 2] as number;
      if (nm === 0) {
        consider(f, b, gl, hl, nl, nl >= n - nl);
      } else {
        consider(f, b, gl, hl, nl, false);
        consider(f, b, gl + gm, hl + hm, nl + nm, true);
      }
    }
  });
  return best;
}
