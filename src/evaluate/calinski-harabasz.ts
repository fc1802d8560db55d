import type { Labels, Matrix } from "../core/matrix";
import { checkClustering, clusterMeans } from "./cluster-codes";

/**
 * Calinski–Harabasz index (variance ratio criterion), as scikit-learn's `calinski_harabasz_score`:
 * `[B / (k - 1)] / [W / (n - k)]`, B the between-cluster dispersion `Σ n_c ‖c_c − c‖²`, W the within-cluster
 * dispersion `Σ ‖x − c_label‖²`. Higher is better; 1 when W = 0, as scikit-learn.
 *
 * @param X - nSamples × nFeatures.
 * @param labels - nSamples cluster numbers.
 * @returns a value >= 0.
 * @throws {ArgumentError} on bad X or labels, or fewer than 2 or more than nSamples-1 clusters.
 * @example
 * calinskiHarabaszScore([[0], [2], [10], [12]], [0, 0, 1, 1]); // => 50   (B = 2·25 + 2·25 = 100, W = 4; 100/1 / (4/2))
 */
export function calinskiHarabaszScore(X: Matrix, labels: Labels): number {
  const { flat, codes, nClusters: K, counts } = checkClustering(X, labels, "calinskiHarabaszScore");
  const { data, nSamples: n, nFeatures: d } = flat;
  const centroids = clusterMeans(flat, codes, counts);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) mean[f]! += data[i * d + f]!;
  for (let f = 0; f < d; f++) mean[f]! /= n;
  let extraDispersion = 0;
  for (let c = 0; c < K; c++) {
    let s = 0;
    for (let f = 0; f < d; f++) s += (centroids[c * d + f]! - mean[f]!) ** 2;
    extraDispersion += counts[c]! * s;
  }
  let intraDispersion = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    for (let f = 0; f < d; f++) intraDispersion += (data[i * d + f]! - centroids[c * d + f]!) ** 2;
  }
  if (intraDispersion === 0) return 1;
  return (extraDispersion * (n - K)) / (intraDispersion * (K - 1));
}
