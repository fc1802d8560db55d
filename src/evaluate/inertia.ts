import { ArgumentError } from "../core/errors";
import { checkLabels, checkMatrix, toFlat, type Labels, type Matrix } from "../core/matrix";
import { clusterMeans } from "./cluster-codes";

/**
 * Within-cluster sum of squares: `Σ ‖x_i − c_{label_i}‖²` (k-means' objective, scikit-learn's `inertia_`).
 *
 * @param X - nSamples × nFeatures.
 * @param labels - nSamples cluster numbers in [0, k).
 * @param centroids - k × nFeatures centres; @default the mean of each label's cluster.
 * @returns a value >= 0.
 * @throws {ArgumentError} on bad X or labels, a negative label, a label without a centroid, or a feature mismatch.
 * @example
 * inertia([[0], [2], [10], [12]], [0, 0, 1, 1]); // => 4   (centres 1 and 11, four squared distances of 1)
 */
export function inertia(X: Matrix, labels: Labels, centroids?: Matrix): number {
  const fn = "inertia";
  const { nSamples, nFeatures: d } = checkMatrix(X, fn);
  checkLabels(labels, nSamples, fn);
  let k = 0;
  for (let i = 0; i < nSamples; i++) {
    if (labels[i]! < 0) throw new ArgumentError(`${fn}: labels[${i}] = ${labels[i]} (noise) has no centre`);
    k = Math.max(k, labels[i]! + 1);
  }
  const flat = toFlat(X);
  const codes = Int32Array.from(labels);
  let centres: Float64Array;
  if (centroids === undefined) {
    const counts = new Float64Array(k);
    for (let i = 0; i < nSamples; i++) counts[codes[i]!]!++;
    centres = clusterMeans(flat, codes, counts); // an unused label number gives a NaN centre nobody refers to
  } else {
    const shape = checkMatrix(centroids, fn);
    if (shape.nFeatures !== d) throw new ArgumentError(`${fn}: centroids have ${shape.nFeatures} features, X has ${d}`);
    if (shape.nSamples < k) throw new ArgumentError(`${fn}: label ${k - 1} has no centroid (${shape.nSamples} given)`);
    centres = toFlat(centroids).data;
  }
  let total = 0;
  for (let i = 0; i < nSamples; i++) {
    const o = codes[i]! * d;
    for (let f = 0; f < d; f++) total += (flat.data[i * d + f]! - centres[o + f]!) ** 2;
  }
  return total;
}
