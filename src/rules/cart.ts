/**
 * A CART surrogate tree: a Gini classification tree on the segment labels, grown best-first until it has
 * `maxLeaves` leaves — the rule scikit-learn's `DecisionTreeClassifier(max_leaf_nodes=…)` follows, which is the
 * test oracle (test/fixtures/tree_sklearn.py).
 *
 * Written here rather than taken from `ml-cart` 2.1.1 (the kept JavaScript CART, read from its source): it grows
 * depth-first only, with no leaf budget and no pruning, so "the best tree with L leaves" cannot be asked of it;
 * it splits with `<` and re-partitions the rows for every candidate threshold (O(n²) per feature and node), which
 * rules out 10⁶ rows; and its Gini counts the classes present in a node, not the labels. This one shares the
 * sorted-prefix sweep of IMM: O(n) per feature and node with incremental sums of squared class counts.
 *
 * Deterministic tie-breaks: the largest impurity decrease; on equal decreases the lowest feature, then the
 * lowest threshold (scikit-learn visits features in a seeded random order, so an exact tie can go the other
 * way there); among leaves of equal gain the one created first is split first; a leaf's segment is its most
 * frequent label, the lowest on ties (as scikit-learn's argmax).
 */
import type { Matrix } from "../core/matrix";
import { midpoint, sortFeatures, splitSorted, toColumns, type SortedFeature } from "./sorted-columns";
import type { RuleTree } from "./tree";

export interface CartOptions {
  /** Stop when the tree has this many leaves. */
  maxLeaves: number;
  /** Nodes at this depth are not split (the root is depth 0). */
  maxDepth: number;
  /** Each leaf keeps at least this many training rows. */
  minLeafSize: number;
}

interface Candidate {
  features: SortedFeature[];
  depth: number;
  counts: Int32Array;
  /** Set when the node can be split: the best split and its gain (decrease of n · Gini). */
  split: { feature: number; threshold: number; gain: number } | null;
  /** Creation order, the tie-break between equal gains. */
  serial: number;
  node: RuleTree;
}

/**
 * Grow a CART tree best-first. Assumes validated input: labels integers in 0..k−1.
 *
 * @param X - nSamples × nFeatures.
 * @param labels - nSamples segment numbers.
 * @param k - number of segments (labels < k).
 * @param options - leaf budget, depth limit and minimum leaf size (all required here; `explainSegments` fills the defaults).
 * @returns the tree (counts are those of the training rows) and `correctByLeaves[L − 1]`, the training rows in
 *   their own segment when the growth had L leaves (best-first growth makes each smaller tree a prefix of it).
 */
export function cartTree(
  X: Matrix,
  labels: ArrayLike<number>,
  k: number,
  options: CartOptions,
): { tree: RuleTree; correctByLeaves: number[] } {
  const side = new Uint8Array(X.length);
  let serial = 0;
  const make = (features: SortedFeature[], depth: number): Candidate => {
    const counts = new Int32Array(k);
    for (const c of features[0]!.labels) counts[c]!++;
    const m = features[0]!.rows.length;
    const majority = argmax(counts);
    const node: RuleTree = { segment: majority, count: m, correct: counts[majority]! };
    const splittable = depth < options.maxDepth && m >= 2 * options.minLeafSize && counts[majority]! < m;
    const split = splittable ? bestGiniSplit(features, counts, options.minLeafSize) : null;
    return { features, depth, counts, split, serial: serial++, node };
  };
  const root = make(sortFeatures(toColumns(X), labels), 0);
  const leaves: Candidate[] = [root];
  let tree: RuleTree = root.node;
  const correctByLeaves = [(root.node as { correct: number }).correct];
  while (leaves.length < options.maxLeaves) {
    let pick = -1;
    for (let c = 0; c < leaves.length; c++) {
      const s = leaves[c]!.split;
      if (s === null) continue;
      const b = pick < 0 ? null : leaves[pick]!;
      if (b === null || s.gain > b.split!.gain || (s.gain === b.split!.gain && leaves[c]!.serial < b.serial)) pick = c;
    }
    if (pick < 0) break;
    const parent = leaves[pick]!;
    const { feature, threshold } = parent.split!;
    const { rows, values } = parent.features[feature]!;
    let nLeft = 0;
    for (let t = 0; t < rows.length; t++) {
      side[rows[t]!] = values[t]! <= threshold ? 0 : 1;
      if (values[t]! <= threshold) nLeft++;
    }
    const { left, right } = splitSorted(parent.features, side, nLeft, rows.length - nLeft);
    const l = make(left, parent.depth + 1);
    const r = make(right, parent.depth + 1);
    const split: RuleTree = { feature, threshold, count: rows.length, left: l.node, right: r.node };
    tree = replace(tree, parent.node, split);
    leaves.splice(pick, 1, l, r);
    const correct = (node: RuleTree): number => (node as { correct: number }).correct;
    correctByLeaves.push(
      correctByLeaves[correctByLeaves.length - 1]! - correct(parent.node) + correct(l.node) + correct(r.node),
    );
  }
  return { tree, correctByLeaves };
}

/**
 * The Gini split of one node with the largest decrease of n · Gini (ties: lowest feature, then lowest
 * threshold), or null when no split keeps `minLeafSize` rows on each side. Assumes validated input.
 */
function bestGiniSplit(
  features: SortedFeature[],
  counts: Int32Array,
  minLeafSize: number,
): { feature: number; threshold: number; gain: number } | null {
  const k = counts.length;
  const m = features[0]!.rows.length;
  let squares = 0;
  for (let c = 0; c < k; c++) squares += counts[c]! * counts[c]!;
  const parentProxy = squares / m; // n · (1 − Gini) = Σ n_c² / n
  const leftCounts = new Int32Array(k);
  let best: { feature: number; threshold: number; gain: number } | null = null;
  let bestProxy = -Infinity;
  for (let j = 0; j < features.length; j++) {
    const { values, labels } = features[j]!;
    leftCounts.fill(0);
    let leftSquares = 0;
    let rightSquares = squares;
    for (let p = 1; p < m; p++) {
      // Move row p − 1 to the left: Σ L_c² grows by 2 L_c + 1, Σ R_c² shrinks by 2 R_c − 1.
      const c = labels[p - 1]!;
      const lc = leftCounts[c]!;
      leftSquares += 2 * lc + 1;
      rightSquares -= 2 * (counts[c]! - lc) - 1;
      leftCounts[c] = lc + 1;
      const a = values[p - 1]!;
      const b = values[p]!;
      if (!(a < b) || p < minLeafSize || m - p < minLeafSize) continue;
      // n_L (1 − Gini_L) + n_R (1 − Gini_R): larger is purer (scikit-learn's proxy improvement).
      const proxy = leftSquares / p + rightSquares / (m - p);
      if (proxy > bestProxy) {
        bestProxy = proxy;
        best = { feature: j, threshold: midpoint(a, b), gain: proxy - parentProxy };
      }
    }
  }
  return best;
}

function argmax(counts: Int32Array): number {
  let best = 0;
  for (let c = 1; c < counts.length; c++) if (counts[c]! > counts[best]!) best = c;
  return best;
}

/** `tree` with the node `target` (by identity) replaced. */
function replace(tree: RuleTree, target: RuleTree, by: RuleTree): RuleTree {
  if (tree === target) return by;
  const t = tree as Extract<RuleTree, { left: RuleTree }>;
  if (t.left === undefined) return tree;
  t.left = replace(t.left, target, by);
  t.right = replace(t.right, target, by);
  return tree;
}
