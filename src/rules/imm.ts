/**
 * IMM (Iterative Mistake Minimization): the threshold tree of Moshkovitz, Dasgupta, Rashtchian & Frost,
 * "Explainable k-means and k-medians clustering" (ICML 2020), Algorithm 1, with one leaf per centre.
 *
 * At a node holding rows and centres, every cut `x[j] <= θ` that puts at least one of the node's centres on
 * each side is a candidate (θ between the smallest and largest centre coordinate of feature j). Its
 * **mistakes** are the node's rows that land on the other side from their own centre. IMM takes the cut with
 * the fewest mistakes, drops the mistaken rows from the subtree (as the paper does), and recurses on both
 * sides until each leaf holds one centre.
 *
 * Sorted-prefix counting: the rows of each feature are sorted once at the root and split stably at each cut,
 * so a node sweeps feature j in O(rows + k log k): when θ passes a row of centre c, mistakes change by +1
 * (c still right) or −1 (c already left); when θ passes centre c, its rows' contribution flips from
 * `left_c` to `n_c − left_c`. The whole tree costs O(d · n · depth) after the O(d · n) radix sorts.
 *
 * Deterministic tie-breaks: fewest mistakes, then the lowest feature index, then the lowest threshold. The
 * threshold written is the midpoint between the two consecutive distinct values (rows' and centres') that
 * bracket the cut, so rules read like "Annual Income (k$) > 69.5" on integer data.
 *
 * Hand-computed example (1 feature, centres c0 = 1, c1 = 5, c2 = 9; rows 0, 2, 3 of segment 0, rows 4, 6 of
 * segment 1, rows 7, 10 of segment 2 — values x = [0, 2, 3, 4, 6, 7, 10], labels [0, 0, 0, 1, 1, 2, 2]):
 * - root: candidates lie in [1, 9). θ ∈ [3, 4) (written 3.5) makes 0 mistakes: left {0, 2, 3} with c0,
 *   right {4, 6, 7, 10} with c1, c2. θ ∈ [4, 5) would put row 4 left of its centre 5: 1 mistake.
 *   Chosen: x <= 3.5 (0 mistakes).
 * - right node, centres 5 and 9, rows {4, 6, 7, 10}: θ ∈ [6, 7) (written 6.5) makes 0 mistakes.
 * - tree: x <= 3.5 → segment 0; else x <= 6.5 → segment 1; else segment 2.
 * ```
 * immTree([[0], [2], [3], [4], [6], [7], [10]], [0, 0, 0, 1, 1, 2, 2], [[1], [5], [9]]);
 * // => { feature: 0, threshold: 3.5, left: { segment: 0 }, right: { feature: 0, threshold: 6.5, … } } (counts omitted)
 * ```
 */
import { ArgumentError } from "../core/errors";
import type { Matrix } from "../core/matrix";
import { midpoint, sortFeatures, splitSorted, toColumns, type SortedFeature } from "./sorted-columns";
import type { RuleTree } from "./tree";

/** The best cut of one node: feature, threshold and its mistakes. */
export interface ImmCut {
  feature: number;
  threshold: number;
  mistakes: number;
}

/**
 * Grow the IMM tree (one leaf per centre). Assumes validated input: X finite and rectangular, labels integers
 * in 0..k−1, centroids k × nFeatures; counts on the nodes are filled in later by `countTree`.
 *
 * @param X - nSamples × nFeatures.
 * @param labels - nSamples segment numbers 0..k−1.
 * @param centroids - k × nFeatures; centre c is segment c.
 * @returns the tree; each split records the rows reaching it and its mistakes.
 * @throws {ArgumentError} when two centres coincide on every feature (no cut can separate them).
 */
export function immTree(X: Matrix, labels: ArrayLike<number>, centroids: Matrix): RuleTree {
  const features = sortFeatures(toColumns(X), labels);
  const side = new Uint8Array(X.length);
  return grow(
    features,
    centroids,
    centroids.map((_, c) => c),
    side,
  );
}

function grow(features: SortedFeature[], centroids: Matrix, centres: number[], side: Uint8Array): RuleTree {
  const m = features[0]!.rows.length;
  if (centres.length === 1) return { segment: centres[0]!, count: m, correct: m };
  const cut = bestImmCut(features, centroids, centres);
  if (cut === null) {
    throw new ArgumentError(
      `explainSegments: centres ${centres.join(", ")} coincide on every feature; no threshold cut can separate them`,
    );
  }
  const { feature, threshold } = cut;
  const centreLeft = centroids.map((c) => c[feature]! <= threshold);
  const { rows, values, labels } = features[feature]!;
  let nLeft = 0;
  let nRight = 0;
  for (let t = 0; t < m; t++) {
    const goesLeft = values[t]! <= threshold;
    if (goesLeft !== centreLeft[labels[t]!])
      side[rows[t]!] = 2; // a mistake: dropped from the subtree
    else if (goesLeft) {
      side[rows[t]!] = 0;
      nLeft++;
    } else {
      side[rows[t]!] = 1;
      nRight++;
    }
  }
  const leftCentres = centres.filter((c) => centreLeft[c]);
  const rightCentres = centres.filter((c) => !centreLeft[c]);
  // A child with one centre is a leaf: its rows need no sorted copy (counts are redone by countTree).
  const { left, right } = splitSorted(features, side, nLeft, nRight, {
    left: leftCentres.length > 1,
    right: rightCentres.length > 1,
  });
  return {
    feature,
    threshold,
    count: m,
    left: grow(left, centroids, leftCentres, side),
    right: grow(right, centroids, rightCentres, side),
  };
}

/**
 * The cut with the fewest mistakes at one node (ties: lowest feature, then lowest threshold), or null when no
 * feature separates the node's centres. Assumes validated input.
 *
 * @param features - per feature, the node's rows sorted by that feature (with values and labels).
 * @param centroids - k × nFeatures, all centres.
 * @param centres - the node's centre (segment) numbers; every row's label is among them.
 */
export function bestImmCut(features: SortedFeature[], centroids: Matrix, centres: number[]): ImmCut | null {
  const k = centroids.length;
  const nOf = new Int32Array(k); // rows of each centre in the node
  const leftOf = new Int32Array(k); // of those, rows already left of θ
  const isLeft = new Uint8Array(k); // centre already left of θ
  const m = features[0]!.rows.length;
  for (let t = 0; t < m; t++) nOf[features[0]!.labels[t]!]!++;
  let best: ImmCut | null = null;
  for (let j = 0; j < features.length; j++) {
    const { values, labels } = features[j]!;
    const byCentre = [...centres].sort((a, b) => centroids[a]![j]! - centroids[b]![j]! || a - b);
    const centreValues = byCentre.map((c) => centroids[c]![j]!);
    const lo = centreValues[0]!;
    const hi = centreValues[centreValues.length - 1]!;
    if (!(lo < hi)) continue; // every centre on one side of any cut of this feature
    leftOf.fill(0);
    isLeft.fill(0);
    let mistakes = 0;
    let t = 0; // next row
    let s = 0; // next centre
    // Sweep the distinct values v of rows and centres upwards; after moving everything <= v left, the
    // mistakes are those of any θ in [v, next value).
    while (t < m || s < byCentre.length) {
      const rowValue = t < m ? values[t]! : Infinity;
      const centreValue = s < byCentre.length ? centreValues[s]! : Infinity;
      const v = rowValue < centreValue ? rowValue : centreValue;
      if (v >= hi) break; // θ must stay below the largest centre
      while (t < m && values[t]! === v) {
        const c = labels[t]!;
        leftOf[c]!++;
        mistakes += isLeft[c] ? -1 : 1;
        t++;
      }
      while (s < byCentre.length && centreValues[s]! === v) {
        const c = byCentre[s]!;
        isLeft[c] = 1;
        mistakes += nOf[c]! - 2 * leftOf[c]!;
        s++;
      }
      if (v < lo) continue; // θ must leave at least one centre on the left
      if (best === null || mistakes < best.mistakes) {
        const next = Math.min(t < m ? values[t]! : Infinity, s < byCentre.length ? centreValues[s]! : Infinity);
        best = { feature: j, threshold: midpoint(v, next), mistakes };
      }
    }
  }
  return best;
}
