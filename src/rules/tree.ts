/**
 * Rule trees: binary trees of axis-aligned cuts whose leaves name a segment. A plain, serialisable object
 * (JSON in, JSON out), the shape `explainSegments` returns and `predictRules`, the report and the SQL export read.
 */
import { ArgumentError } from "../core/errors";
import { checkMatrix, type Matrix } from "../core/matrix";

/** A cut: rows with `x[feature] <= threshold` go left, the others right. */
export interface RuleSplit {
  feature: number;
  /** In the units of the X the tree was fitted on (or converted with `unscaleTree`). */
  threshold: number;
  left: RuleTree;
  right: RuleTree;
  /** Training rows that reached this node. */
  count: number;
}

/** A leaf: every row that reaches it is assigned `segment`. */
export interface RuleLeaf {
  segment: number;
  /** Training rows that reached this leaf. */
  count: number;
  /** Of those, rows whose label is `segment`. */
  correct: number;
}

export type RuleTree = RuleSplit | RuleLeaf;

/** True for a leaf. */
export function isLeaf(node: RuleTree): node is RuleLeaf {
  return (node as RuleLeaf).segment !== undefined;
}

/** The leaves in left-to-right order (the order of `rules` and of leaf numbers). */
export function treeLeaves(tree: RuleTree): RuleLeaf[] {
  const out: RuleLeaf[] = [];
  const walk = (node: RuleTree): void => {
    if (isLeaf(node)) out.push(node);
    else {
      walk(node.left);
      walk(node.right);
    }
  };
  walk(tree);
  return out;
}

/** Depth of the tree: 0 for a single leaf. */
export function treeDepth(tree: RuleTree): number {
  return isLeaf(tree) ? 0 : 1 + Math.max(treeDepth(tree.left), treeDepth(tree.right));
}

/**
 * Leaf number (left-to-right, from 0) of each row. Assumes validated input.
 */
export function leafIndices(tree: RuleTree, X: Matrix): Int32Array {
  const leafNumber = new Map<RuleLeaf, number>(treeLeaves(tree).map((leaf, i) => [leaf, i]));
  const out = new Int32Array(X.length);
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    let node = tree;
    while (!isLeaf(node)) node = row[node.feature]! <= node.threshold ? node.left : node.right;
    out[i] = leafNumber.get(node)!;
  }
  return out;
}

/**
 * Assign each row the segment of the leaf it falls into.
 *
 * @param tree - a rule tree from `explainSegments` (or read back from rules.json).
 * @param X - nSamples × nFeatures, in the units of the tree's thresholds.
 * @returns nSamples segment numbers.
 * @throws {ArgumentError} on an empty or non-finite X, or a tree that reads a feature X does not have.
 * @example
 * const tree = { feature: 0, threshold: 2.5, count: 4,
 *   left: { segment: 0, count: 2, correct: 2 }, right: { segment: 1, count: 2, correct: 2 } };
 * predictRules(tree, [[1], [3]]); // => [0, 1]
 */
export function predictRules(tree: RuleTree, X: Matrix): number[] {
  const { nFeatures } = checkMatrix(X, "predictRules");
  checkTree(tree, nFeatures, "predictRules");
  const out = new Array<number>(X.length);
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    let node = tree;
    while (!isLeaf(node)) node = row[node.feature]! <= node.threshold ? node.left : node.right;
    out[i] = node.segment;
  }
  return out;
}

/**
 * Check that `tree` is a well-formed rule tree over `nFeatures` features.
 * @throws {ArgumentError} naming the function and the bad node.
 */
export function checkTree(tree: RuleTree, nFeatures: number, fn: string): void {
  const walk = (node: RuleTree, path: string): void => {
    if (node === null || typeof node !== "object") throw new ArgumentError(`${fn}: tree node ${path} is not an object`);
    if (isLeaf(node)) {
      if (!Number.isInteger(node.segment) || node.segment < 0)
        throw new ArgumentError(`${fn}: leaf ${path} has segment ${node.segment}, not a segment number`);
      return;
    }
    const s = node as RuleSplit;
    if (!Number.isInteger(s.feature) || s.feature < 0 || s.feature >= nFeatures) {
      throw new ArgumentError(`${fn}: node ${path} cuts feature ${s.feature}, X has ${nFeatures} features`);
    }
    if (!Number.isFinite(s.threshold)) throw new ArgumentError(`${fn}: node ${path} has threshold ${s.threshold}`);
    walk(s.left, path + "L");
    walk(s.right, path + "R");
  };
  walk(tree, "root/");
}

/**
 * A copy of `tree` whose `count` (and leaves' `correct`) are recounted over all rows of X with their labels —
 * IMM drops its mistakes from a subtree while growing, the published counts include every row. Assumes
 * validated input.
 */
export function countTree(tree: RuleTree, X: Matrix, labels: ArrayLike<number>): RuleTree {
  const copy = structuredClone(tree);
  const reset = (node: RuleTree): void => {
    node.count = 0;
    if (isLeaf(node)) node.correct = 0;
    else {
      reset(node.left);
      reset(node.right);
    }
  };
  reset(copy);
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    let node = copy;
    while (!isLeaf(node)) {
      node.count++;
      node = row[node.feature]! <= node.threshold ? node.left : node.right;
    }
    node.count++;
    if (node.segment === labels[i]) node.correct++;
  }
  return copy;
}
