/**
 * DBSCAN (Ester et al. 1996), following scikit-learn's `DBSCAN` exactly: Euclidean distances,
 * a point's eps-neighbourhood includes the point itself, clusters are numbered in order of discovery.
 */
import { ArgumentError } from "../core/errors";
import { checkMatrix, toFlat, type FlatMatrix, type Matrix } from "../core/matrix";

export interface DbscanOptions {
  /** Neighbourhood radius (Euclidean), > 0; a neighbour at distance exactly eps counts. */
  eps: number;
  /**
   * Minimum number of points in a core point's eps-neighbourhood, the point itself included (sklearn's
   * `min_samples`), integer >= 1.
   * @default 5
   */
  minSamples?: number;
}

export interface DbscanResult {
  /** Cluster of each sample, numbered from 0 in order of discovery; -1 = noise. */
  labels: number[];
  /** Indices of the core samples, ascending. */
  coreSampleIndices: number[];
}

/**
 * Density-based clustering: core points (>= minSamples points within eps, itself included) that are
 * within eps of each other form a cluster, border points join the first cluster that reaches them,
 * the rest is noise.
 *
 * Scans samples in order; the first unlabelled core point starts cluster 0, the next one cluster 1, …,
 * so labels equal scikit-learn's. Costs O(n²) distance evaluations and stores all neighbourhoods.
 *
 * @param X - nSamples × nFeatures.
 * @param options - `eps` (required) and `minSamples` (default 5).
 * @returns `labels` (length nSamples, -1 = noise) and `coreSampleIndices`.
 * @throws {ArgumentError} on a bad X, eps <= 0 or not finite, minSamples not an integer >= 1.
 * @example
 * dbscan([[0], [1], [2], [10], [11], [50]], { eps: 1.5, minSamples: 2 });
 * // => { labels: [0, 0, 0, 1, 1, -1], coreSampleIndices: [0, 1, 2, 3, 4] }
 */
export function dbscan(X: Matrix, options: DbscanOptions): DbscanResult {
  checkMatrix(X, "dbscan");
  const eps = options?.eps;
  const minSamples = options.minSamples ?? 5;
  if (typeof eps !== "number" || !Number.isFinite(eps) || eps <= 0) {
    throw new ArgumentError(`dbscan: eps=${eps} must be a finite number > 0`);
  }
  if (!Number.isInteger(minSamples) || minSamples < 1) {
    throw new ArgumentError(`dbscan: minSamples=${minSamples} must be an integer >= 1`);
  }
  return dbscanUnchecked(toFlat(X), eps, minSamples);
}

/** Neighbourhoods, core flags, then sklearn's `dbscan_inner` depth-first expansion. Assumes validated input. */
function dbscanUnchecked(X: FlatMatrix, eps: number, minSamples: number): DbscanResult {
  const n = X.nSamples;
  const neighbourhoods = radiusNeighbourhoods(X, eps);
  const isCore = neighbourhoods.map((nb) => nb.length >= minSamples);
  const labels = new Array<number>(n).fill(-1);
  let clusterId = 0;
  const stack: number[] = [];
  for (let start = 0; start < n; start++) {
    if (labels[start] !== -1 || !isCore[start]) continue;
    // expand the cluster of `start` through core points; border points are labelled but not expanded
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (labels[i] !== -1) continue;
      labels[i] = clusterId;
      if (!isCore[i]) continue;
      for (const j of neighbourhoods[i]!) if (labels[j] === -1) stack.push(j);
    }
    clusterId++;
  }
  const coreSampleIndices: number[] = [];
  isCore.forEach((core, i) => core && coreSampleIndices.push(i));
  return { labels, coreSampleIndices };
}

/** For each sample, the indices of all samples (itself included) at Euclidean distance <= eps. */
function radiusNeighbourhoods({ data, nSamples: n, nFeatures: d }: FlatMatrix, eps: number): number[][] {
  const eps2 = eps * eps;
  const neighbourhoods: number[][] = Array.from({ length: n }, (_, i) => [i]);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let squaredDistance = 0;
      for (let f = 0; f < d; f++) {
        const diff = data[i * d + f]! - data[j * d + f]!;
        squaredDistance += diff * diff;
      }
      if (squaredDistance <= eps2) {
        neighbourhoods[i]!.push(j);
        neighbourhoods[j]!.push(i);
      }
    }
  }
  return neighbourhoods;
}
