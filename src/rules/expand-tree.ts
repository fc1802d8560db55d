/**
 * ExKMC expansion of a threshold tree beyond one leaf per segment (Frost, Moshkovitz & Rashtchian, "ExKMC:
 * Expanding Explainable k-Means Clustering", 2020): repeatedly split the leaf, by the cut, that lowers the
 * surrogate cost most — each leaf's rows assigned to the single centre nearest to them in total squared
 * distance — until the tree has `maxLeaves` leaves or no cut lowers the cost. Several leaves may then name the
 * same segment. (Scoring by mistakes instead gets stuck: a misplaced customer amid another segment's rows needs
 * two cuts before either removes a mistake.) Costs are in X's units.
 *
 * Deterministic tie-breaks: the largest decrease of cost; then the leftmost leaf; then the lowest feature; then
 * the lowest threshold. A new leaf's segment is its centre of lowest cost, the lowest number on ties.
 */
import type { Matrix } from "../core/matrix";
import { midpoint, sortFeatures, toColumns, type SortedFeature } from "./sorted-columns";
import { leafIndices, treeLeaves, type RuleLeaf, type RuleTree } from "./tree";

interface LeafSplit {
  feature: number;
  threshold: number;
  /** Decrease of the surrogate cost. */
  gain: number;
  left: RuleLeaf;
  right: RuleLeaf;
}

/**
 * Expand `tree` to at most `maxLeaves` leaves. Assumes validated input (labels in 0..k−1) and a tree whose leaves'
 * `count`/`correct` are those of X and labels (`countTree`).
 *
 * @param tree - the starting tree (e.g. IMM with k leaves); not modified.
 * @param X - nSamples × nFeatures, the rows the tree was fitted on.
 * @param labels - nSamples segment numbers.
 * @param centroids - k × nFeatures, centre c being segment c.
 * @param maxLeaves - leaf budget.
 * @param minLeafSize - rows each new leaf keeps at least.
 * @returns the expanded tree (a new object; counts filled) and `correctByLeaves`: the training rows in their
 *   own segment after each step, starting with the given tree's leaf count.
 */
export function expandTree(
  tree: RuleTree,
  X: Matrix,
  labels: ArrayLike<number>,
  centroids: Matrix,
  maxLeaves: number,
  minLeafSize: number,
): { tree: RuleTree; correctByLeaves: { leaves: number; correct: number }[] } {
  const root = structuredClone(tree);
  let leaves = treeLeaves(root);
  let correct = leaves.reduce((s, leaf) => s + leaf.correct, 0);
  const correctByLeaves = [{ leaves: leaves.length, correct }];
  if (leaves.length >= maxLeaves) return { tree: root, correctByLeaves };
  // Each leaf's rows, in each feature's order: one stable pass over the root's sorted rows.
  const k = centroids.length;
  const columns = toColumns(X);
  const sorted = sortFeatures(columns, labels);
  const leafOf = leafIndices(root, X);
  const rowsOf = new Map<RuleLeaf, SortedFeature[]>(
    leaves.map((leaf, l) => [leaf, distribute(sorted, leafOf, l, leaf.count)]),
  );
  const splitOf = new Map<RuleLeaf, LeafSplit | null>(
    leaves.map((leaf) => [leaf, bestLeafSplit(leaf, rowsOf.get(leaf)!, columns, centroids, k, minLeafSize)]),
  );
  const side = new Uint8Array(X.length);
  while (leaves.length < maxLeaves) {
    let pick: RuleLeaf | null = null;
    for (const leaf of leaves) {
      const s = splitOf.get(leaf);
      if (s && (pick === null || s.gain > splitOf.get(pick)!.gain)) pick = leaf;
    }
    if (pick === null) break;
    const split = splitOf.get(pick)!;
    const pickCorrect = pick.correct;
    const rows = rowsOf.get(pick)!;
    const { rows: byFeature, values } = rows[split.feature]!;
    for (let t = 0; t < byFeature.length; t++) side[byFeature[t]!] = values[t]! <= split.threshold ? 0 : 1;
    const leftRows = rows.map((f) => subset(f, (i) => side[i] === 0, split.left.count));
    const rightRows = rows.map((f) => subset(f, (i) => side[i] === 1, split.right.count));
    // Turn the leaf object into a split node in place, so its parent keeps pointing at it.
    const node = pick as unknown as Record<string, unknown>;
    delete node.segment;
    delete node.correct;
    Object.assign(node, { feature: split.feature, threshold: split.threshold, left: split.left, right: split.right });
    for (const [child, childRows] of [
      [split.left, leftRows],
      [split.right, rightRows],
    ] as const) {
      rowsOf.set(child, childRows);
      splitOf.set(child, bestLeafSplit(child, childRows, columns, centroids, k, minLeafSize));
    }
    rowsOf.delete(pick);
    splitOf.delete(pick);
    leaves = treeLeaves(root);
    correct += split.left.correct + split.right.correct - pickCorrect;
    correctByLeaves.push({ leaves: leaves.length, correct });
  }
  return { tree: root, correctByLeaves };
}

/**
 * The cut of one leaf that lowers the surrogate cost most (ties: lowest feature, then lowest threshold), or
 * null when none lowers it. Each child takes the centre of lowest cost. Assumes validated input.
 *
 * Surrogate cost of rows R assigned to centre μ: Σ_{i∈R} ‖x_i − μ‖² = Σ‖x_i‖² − 2 μ·S + |R| ‖μ‖² with S = Σ x_i;
 * the Σ‖x_i‖² part is the same for the leaf and its two children, so only `|R| ‖μ‖² − 2 μ·S` is compared, with
 * S summed incrementally along each feature's order (sorted-prefix sums).
 */
function bestLeafSplit(
  leaf: RuleLeaf,
  rows: SortedFeature[],
  columns: Float64Array[],
  centroids: Matrix,
  k: number,
  minLeafSize: number,
): LeafSplit | null {
  const m = rows[0]!.rows.length;
  if (m < 2 * minLeafSize) return null;
  const d = columns.length;
  const sqNorm = centroids.map((c) => c.reduce((s, v) => s + v * v, 0));
  const score = (c: number, n: number, S: Float64Array, sign: 1 | -1, total: Float64Array): number => {
    // n ‖μ‖² − 2 μ·S, where S is `S` (sign 1) or `total − S` (sign −1).
    let dot = 0;
    for (let f = 0; f < d; f++) dot += centroids[c]![f]! * (sign === 1 ? S[f]! : total[f]! - S[f]!);
    return n * sqNorm[c]! - 2 * dot;
  };
  const total = new Float64Array(d);
  const counts = new Int32Array(k);
  for (let t = 0; t < m; t++) {
    const i = rows[0]!.rows[t]!;
    for (let f = 0; f < d; f++) total[f]! += columns[f]![i]!;
    counts[rows[0]!.labels[t]!]!++;
  }
  const zero = new Float64Array(d);
  const costNow = score(leaf.segment, m, total, 1, zero);
  // A split must lower the cost by more than rounding can: children that keep the leaf's centre change nothing.
  const tolerance = 1e-9 * (Math.abs(costNow) + m * Math.max(...sqNorm) + 1);
  let best: LeafSplit | null = null;
  let bestCost = costNow - tolerance;
  const S = new Float64Array(d);
  const left = new Int32Array(k);
  for (let j = 0; j < rows.length; j++) {
    const { rows: order, values, labels } = rows[j]!;
    S.fill(0);
    left.fill(0);
    for (let p = 1; p < m; p++) {
      const i = order[p - 1]!;
      for (let f = 0; f < d; f++) S[f]! += columns[f]![i]!;
      left[labels[p - 1]!]!++;
      const a = values[p - 1]!;
      const b = values[p]!;
      if (!(a < b) || p < minLeafSize || m - p < minLeafSize) continue;
      let l = 0;
      let lCost = Infinity;
      let r = 0;
      let rCost = Infinity;
      for (let c = 0; c < k; c++) {
        const cl = score(c, p, S, 1, total);
        if (cl < lCost) [l, lCost] = [c, cl];
        const cr = score(c, m - p, S, -1, total);
        if (cr < rCost) [r, rCost] = [c, cr];
      }
      if (lCost + rCost < bestCost) {
        bestCost = lCost + rCost;
        best = {
          feature: j,
          threshold: midpoint(a, b),
          gain: costNow - (lCost + rCost),
          left: { segment: l, count: p, correct: left[l]! },
          right: { segment: r, count: m - p, correct: counts[r]! - left[r]! },
        };
      }
    }
  }
  return best;
}

/** The rows of leaf `l` in each feature's order (a stable filter of the root's sorted rows). */
function distribute(sorted: SortedFeature[], leafOf: Int32Array, l: number, count: number): SortedFeature[] {
  return sorted.map((f) => subset(f, (i) => leafOf[i] === l, count));
}

function subset(f: SortedFeature, keep: (row: number) => boolean, count: number): SortedFeature {
  const out = { rows: new Int32Array(count), values: new Float64Array(count), labels: new Int32Array(count) };
  let a = 0;
  for (let t = 0; t < f.rows.length; t++) {
    const i = f.rows[t]!;
    if (!keep(i)) continue;
    out.rows[a] = i;
    out.values[a] = f.values[t]!;
    out.labels[a++] = f.labels[t]!;
  }
  return out;
}
