/**
 * Explain segments as rules a CRM can run: a threshold tree whose leaves are segments, its rules in words,
 * and its fidelity (the share of customers the rules put in their own segment).
 */
import { ArgumentError } from "../core/errors";
import { checkMatrix, type Matrix } from "../core/matrix";
import { cartTree } from "./cart";
import { expandTree } from "./expand-tree";
import { immTree } from "./imm";
import { countTree, leafIndices, treeLeaves, type RuleTree } from "./tree";
import { treeRules, type SegmentRule } from "./tree-rules";

export type ExplainMethod = "imm" | "cart";

export interface ExplainOptions {
  /** "imm": the threshold tree of Moshkovitz et al. (one leaf per segment, expanded by ExKMC up to maxLeaves); "cart": a Gini surrogate tree. @default "imm" */
  method?: ExplainMethod;
  /** k × nFeatures centres for IMM, centre c being segment c. @default the mean of each segment's rows */
  centroids?: Matrix;
  /** Leaves of the tree at most: IMM grows k, then splits leaves by the k-means surrogate cost (ExKMC) up to this many; CART grows best-first up to this many. @default k (imm), 2k (cart) */
  maxLeaves?: number;
  /** CART only: nodes at this depth are not split. @default Infinity */
  maxDepth?: number;
  /** CART, and IMM's expansion beyond k leaves: rows each new leaf keeps at least. @default 1 */
  minLeafSize?: number;
  /** Names used in the rules' text. @default "x0", "x1", … */
  featureNames?: string[];
}

export interface SegmentExplanation {
  method: ExplainMethod;
  /** The tree, thresholds in X's units; counts over the training rows. */
  tree: RuleTree;
  /** One rule per leaf, left to right. */
  rules: SegmentRule[];
  /** Share of rows whose leaf's segment equals their label. */
  fidelity: number;
  /** Rows whose leaf's segment differs from their label. */
  mistakes: number;
  /** Leaf number (index into `rules`) of each training row. */
  leafOf: number[];
  /** The fidelity at each leaf count of the growth (the trade-off curve): CART from 2 leaves, IMM from k (with maxLeaves > k). */
  fidelityByLeaves?: { leaves: number; fidelity: number }[];
}

/**
 * Explain a segmentation with a threshold tree.
 *
 * @param X - nSamples × nFeatures, the features to cut on (original units give rules in original units).
 * @param labels - nSamples segment numbers 0..k−1 (k = centroids.length when given, else the largest label + 1).
 * @param options - method (default "imm"), centroids (default the segment means), maxLeaves (default k for
 *   imm, 2k for cart), maxDepth (default ∞), minLeafSize (default 1), featureNames (default x0, x1, …).
 * @returns `{ method, tree, rules, fidelity, mistakes, leafOf }`.
 * @throws {ArgumentError} when labels and X differ in length, a label is not an integer in 0..k−1, a segment
 *   has no rows (without centroids), fewer than two segments, X has NaN, centroids or featureNames have the
 *   wrong shape, IMM is asked for fewer than k leaves, or two centres coincide.
 * @example
 * const X = [[0], [2], [3], [4], [6], [7], [10]];
 * const e = explainSegments(X, [0, 0, 0, 1, 1, 2, 2], { centroids: [[1], [5], [9]], featureNames: ["income"] });
 * e.rules.map((r) => r.text); // => ["income <= 3.5", "3.5 < income <= 6.5", "income > 6.5"]
 * e.fidelity; // => 1
 */
export function explainSegments(X: Matrix, labels: number[], options: ExplainOptions = {}): SegmentExplanation {
  const fn = "explainSegments";
  const { nSamples, nFeatures } = checkMatrix(X, fn);
  if (!Array.isArray(labels) && !ArrayBuffer.isView(labels))
    throw new ArgumentError(`${fn}: labels must be an array of segment numbers`);
  if (labels.length !== nSamples)
    throw new ArgumentError(`${fn}: labels has length ${labels.length}, X has ${nSamples} rows`);
  const method = options.method ?? "imm";
  if (method !== "imm" && method !== "cart")
    throw new ArgumentError(`${fn}: method "${String(method)}" must be "imm" or "cart"`);
  let maxLabel = -1;
  for (let i = 0; i < nSamples; i++) {
    const l = labels[i]!;
    if (!Number.isInteger(l) || l < 0)
      throw new ArgumentError(`${fn}: labels[${i}] = ${l} is not a segment number (an integer >= 0)`);
    if (l > maxLabel) maxLabel = l;
  }
  const k = options.centroids ? options.centroids.length : maxLabel + 1;
  if (maxLabel >= k) throw new ArgumentError(`${fn}: labels has segment ${maxLabel}, centroids has only ${k} rows`);
  if (new Set(labels).size < 2)
    throw new ArgumentError(`${fn}: labels has one segment only (${labels[0]}); rules need at least two`);
  if (options.featureNames && options.featureNames.length !== nFeatures) {
    throw new ArgumentError(
      `${fn}: featureNames has ${options.featureNames.length} names, X has ${nFeatures} features`,
    );
  }
  const opts = {
    method,
    maxLeaves: options.maxLeaves ?? (method === "imm" ? k : 2 * k),
    maxDepth: options.maxDepth ?? Infinity,
    minLeafSize: options.minLeafSize ?? 1,
  };
  if (!Number.isInteger(opts.maxLeaves) || opts.maxLeaves < 2)
    throw new ArgumentError(`${fn}: maxLeaves=${opts.maxLeaves} must be an integer >= 2`);
  if (!(opts.maxDepth >= 1) || (opts.maxDepth !== Infinity && !Number.isInteger(opts.maxDepth)))
    throw new ArgumentError(`${fn}: maxDepth=${opts.maxDepth} must be an integer >= 1`);
  if (!Number.isInteger(opts.minLeafSize) || opts.minLeafSize < 1)
    throw new ArgumentError(`${fn}: minLeafSize=${opts.minLeafSize} must be an integer >= 1`);

  let tree: RuleTree;
  let fidelityByLeaves: { leaves: number; fidelity: number }[] | undefined;
  switch (method) {
    case "imm": {
      if (opts.maxLeaves < k)
        throw new ArgumentError(
          `${fn}: imm needs one leaf per segment (k=${k}), maxLeaves=${opts.maxLeaves}; use method "cart" for fewer leaves`,
        );
      const centroids = options.centroids ?? segmentMeans(X, labels, k, fn);
      checkCentroids(centroids, k, nFeatures, fn);
      tree = immTree(X, labels, centroids);
      if (opts.maxLeaves > k) {
        const expanded = expandTree(countTree(tree, X, labels), X, labels, centroids, opts.maxLeaves, opts.minLeafSize);
        tree = expanded.tree;
        fidelityByLeaves = expanded.correctByLeaves.map((p) => ({ leaves: p.leaves, fidelity: p.correct / nSamples }));
      }
      break;
    }
    case "cart": {
      const grown = cartTree(X, labels, k, opts);
      tree = grown.tree;
      fidelityByLeaves = grown.correctByLeaves
        .map((correct, i) => ({ leaves: i + 1, fidelity: correct / nSamples }))
        .slice(1);
      break;
    }
    default: {
      const unknown: never = method;
      throw new ArgumentError(`${fn}: unknown method ${String(unknown)}`);
    }
  }
  tree = countTree(tree, X, labels);
  const correct = treeLeaves(tree).reduce((sum, leaf) => sum + leaf.correct, 0);
  return {
    method,
    tree,
    rules: treeRules(tree, options.featureNames ? { featureNames: options.featureNames } : {}),
    fidelity: correct / nSamples,
    mistakes: nSamples - correct,
    leafOf: Array.from(leafIndices(tree, X)),
    ...(fidelityByLeaves ? { fidelityByLeaves } : {}),
  };
}

/** The mean of each segment's rows. @throws {ArgumentError} when a segment 0..k−1 has no rows. */
function segmentMeans(X: Matrix, labels: number[], k: number, fn: string): Matrix {
  const d = X[0]!.length;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const sizes = new Array<number>(k).fill(0);
  X.forEach((row, i) => {
    const s = sums[labels[i]!]!;
    sizes[labels[i]!]!++;
    for (let j = 0; j < d; j++) s[j]! += row[j]!;
  });
  const empty = sizes.findIndex((n) => n === 0);
  if (empty >= 0)
    throw new ArgumentError(
      `${fn}: segment ${empty} has no rows (labels use 0..${k - 1}); pass centroids or renumber the segments`,
    );
  return sums.map((s, c) => s.map((v) => v / sizes[c]!));
}

function checkCentroids(centroids: Matrix, k: number, d: number, fn: string): void {
  if (centroids.length !== k) throw new ArgumentError(`${fn}: centroids has ${centroids.length} rows, expected k=${k}`);
  centroids.forEach((c, i) => {
    if (!Array.isArray(c) || c.length !== d)
      throw new ArgumentError(`${fn}: centroids[${i}] has ${c?.length} values, X has ${d} features`);
    c.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new ArgumentError(`${fn}: centroids[${i}][${j}] = ${v} is not a finite number`);
    });
  });
}
