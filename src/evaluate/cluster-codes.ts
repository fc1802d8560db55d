/**
 * Internal helpers of the cluster metrics (not re-exported): labels re-coded to 0..nClusters-1 (in order of the
 * sorted label values, as scikit-learn's LabelEncoder) and per-cluster means.
 */
import { ArgumentError } from "../core/errors";
import { checkMatrix, checkLabels, toFlat, type FlatMatrix, type Labels, type Matrix } from "../core/matrix";

export interface ClusterCodes {
  /** nSamples codes in [0, nClusters). */
  codes: Int32Array;
  nClusters: number;
  /** Members per cluster. */
  counts: Float64Array;
}

/** Re-code labels (any integers, -1 noise counts as a cluster like any other, as in scikit-learn). */
export function encodeLabels(labels: Labels): ClusterCodes {
  const values = Array.from(new Set(Array.from(labels))).sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const codes = new Int32Array(labels.length);
  const counts = new Float64Array(values.length);
  for (let i = 0; i < labels.length; i++) {
    const c = index.get(labels[i]!)!;
    codes[i] = c;
    counts[c]!++;
  }
  return { codes, nClusters: values.length, counts };
}

/** Validate X and labels for a metric needing 2 <= nClusters <= nSamples - 1; return flat X and codes. */
export function checkClustering(X: Matrix, labels: Labels, fn: string): { flat: FlatMatrix } & ClusterCodes {
  const { nSamples } = checkMatrix(X, fn);
  checkLabels(labels, nSamples, fn);
  const encoded = encodeLabels(labels);
  checkClusterCount(encoded.nClusters, nSamples, fn);
  return { flat: toFlat(X), ...encoded };
}

/** scikit-learn's `check_number_of_labels`. */
export function checkClusterCount(nClusters: number, nSamples: number, fn: string): void {
  if (nClusters < 2 || nClusters > nSamples - 1) {
    throw new ArgumentError(`${fn}: needs 2 <= nClusters <= nSamples-1, got ${nClusters} (nSamples=${nSamples})`);
  }
}

/** nClusters × d means, row-major. */
export function clusterMeans(X: FlatMatrix, codes: Int32Array, counts: Float64Array): Float64Array {
  const { data, nSamples: n, nFeatures: d } = X;
  const means = new Float64Array(counts.length * d);
  for (let i = 0; i < n; i++) {
    const o = codes[i]! * d;
    for (let f = 0; f < d; f++) means[o + f]! += data[i * d + f]!;
  }
  for (let c = 0; c < counts.length; c++) for (let f = 0; f < d; f++) means[c * d + f]! /= counts[c]!;
  return means;
}
