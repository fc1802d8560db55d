import type { Labels, Matrix } from "../core/matrix";
import { checkClustering, clusterMeans } from "./cluster-codes";

/**
 * Davies–Bouldin index, as scikit-learn's `davies_bouldin_score`: the mean over clusters of the worst ratio
 * `(s_i + s_j) / d(c_i, c_j)`, with `s` the mean distance of a cluster's points to its centroid. Lower is better;
 * 0 when every cluster is a single point (all s ≈ 0) or all centroids coincide, as scikit-learn.
 *
 * @param X - nSamples × nFeatures.
 * @param labels - nSamples cluster numbers.
 * @returns a value >= 0.
 * @throws {ArgumentError} on bad X or labels, or fewer than 2 or more than nSamples-1 clusters.
 * @example
 * daviesBouldinScore([[0], [2], [10], [12]], [0, 0, 1, 1]); // => 0.2   ((1 + 1) / 10)
 */
export function daviesBouldinScore(X: Matrix, labels: Labels): number {
  const { flat, codes, nClusters: K, counts } = checkClustering(X, labels, "daviesBouldinScore");
  const { data, nSamples: n, nFeatures: d } = flat;
  const centroids = clusterMeans(flat, codes, counts);
  // Intra-cluster dispersion: mean distance from each cluster's points to its centroid.
  const dispersion = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    let s = 0;
    for (let f = 0; f < d; f++) s += (data[i * d + f]! - centroids[c * d + f]!) ** 2;
    dispersion[c]! += Math.sqrt(s);
  }
  for (let c = 0; c < K; c++) dispersion[c]! /= counts[c]!;
  const centroidDistance = (p: number, q: number): number => {
    let s = 0;
    for (let f = 0; f < d; f++) s += (centroids[p * d + f]! - centroids[q * d + f]!) ** 2;
    return Math.sqrt(s);
  };
  // scikit-learn returns 0 when all dispersions, or all centroid distances, are close to 0 (np.isclose, atol 1e-8).
  const near0 = (v: number): boolean => Math.abs(v) <= 1e-8;
  let allCentroidsClose = true;
  for (let p = 0; p < K && allCentroidsClose; p++)
    for (let q = 0; q < K; q++) if (!near0(centroidDistance(p, q))) allCentroidsClose = false;
  if (dispersion.every(near0) || allCentroidsClose) return 0;
  let total = 0;
  for (let p = 0; p < K; p++) {
    let worst = 0; // the diagonal term: s_p·2 / ∞ = 0
    for (let q = 0; q < K; q++) {
      const dist = centroidDistance(p, q);
      if (q === p || dist === 0) continue; // coinciding centroids count as infinitely far, as scikit-learn
      const ratio = (dispersion[p]! + dispersion[q]!) / dist;
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / K;
}
