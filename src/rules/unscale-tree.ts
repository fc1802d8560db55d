/**
 * Thresholds of a tree fitted on scaled features, back in original units: `x_scaled <= θ` is
 * `x <= θ · scale + center` because every scaler divides by a positive scale. Leaves and counts are unchanged.
 */
import { ArgumentError } from "../core/errors";
import { isLeaf, type RuleTree } from "./tree";

/** The part of a fitted scaler the conversion needs (a `ScalerParams` or a model.json scaler). */
export interface ScalerLike {
  center: number[];
  scale: number[];
}

/**
 * Convert a tree's thresholds from scaled to original units.
 *
 * @param tree - a rule tree fitted on scaled X.
 * @param scaler - `center` and `scale` per scaled feature; features beyond `center.length` (e.g. one-hot
 *   columns appended after the numeric ones) keep their thresholds.
 * @returns a new tree with thresholds `θ · scale[j] + center[j]`.
 * @throws {ArgumentError} when center and scale differ in length or a scale is not positive.
 * @example
 * const tree = { feature: 0, threshold: 0.5, count: 2, left: { segment: 0, count: 1, correct: 1 }, right: { segment: 1, count: 1, correct: 1 } };
 * unscaleTree(tree, { center: [60], scale: [20] }).threshold; // => 70
 */
export function unscaleTree(tree: RuleTree, scaler: ScalerLike): RuleTree {
  const { center, scale } = scaler;
  if (center.length !== scale.length)
    throw new ArgumentError(`unscaleTree: center has ${center.length} values, scale ${scale.length}`);
  scale.forEach((s, j) => {
    if (!(s > 0) || !Number.isFinite(s))
      throw new ArgumentError(`unscaleTree: scale[${j}] = ${s} must be a positive number`);
  });
  const convert = (node: RuleTree): RuleTree => {
    if (isLeaf(node)) return { ...node };
    const j = node.feature;
    return {
      ...node,
      threshold: j < center.length ? node.threshold * scale[j]! + center[j]! : node.threshold,
      left: convert(node.left),
      right: convert(node.right),
    };
  };
  return convert(tree);
}
