import { ArgumentError } from "../core/errors";
import { checkLabels, checkMatrix, type FlatMatrix, type Labels, type Matrix } from "../core/matrix";
import { sampleIndices, seededRandom } from "../core/random";
import { checkClustering } from "./cluster-codes";

export interface SilhouetteOptions {
  /** Score a random subset of this many rows (scikit-learn's sample_size), for big data. @default all rows */
  sampleSize?: number;
  /** Seed of the subset draw. @default 0 */
  seed?: number;
}

/**
 * Silhouette coefficient of each sample, as scikit-learn's `silhouette_samples` (Euclidean):
 * `s = (b - a) / max(a, b)`, `a` the mean distance to the other members of its cluster, `b` the lowest mean
 * distance to the members of another cluster. A sample alone in its cluster scores 0 (and so does 0/0).
 *
 * @param X - nSamples × nFeatures.
 * @param labels - nSamples cluster numbers (any integers; -1 counts as a cluster like scikit-learn).
 * @returns nSamples values in [-1, 1].
 * @throws {ArgumentError} on bad X or labels, or fewer than 2 or more than nSamples-1 clusters.
 * @example
 * silhouetteSamples([[0], [1], [4]], [0, 0, 1]); // => [0.75, 0.6666…, 0]
 * // a(0)=1, b(0)=4 → 3/4; a(1)=1, b(1)=3 → 2/3; sample 2 is alone → 0
 */
export function silhouetteSamples(X: Matrix, labels: Labels): number[] {
  const { flat, codes, nClusters, counts } = checkClustering(X, labels, "silhouetteSamples");
  return Array.from(silhouetteOfCodes(flat, codes, nClusters, counts));
}

/**
 * Mean silhouette coefficient over the samples (not the max), as scikit-learn's `silhouette_score`.
 *
 * @param X - nSamples × nFeatures.
 * @param labels - nSamples cluster numbers.
 * @param options - `sampleSize`, `seed`: score a seeded random subset instead of all rows.
 * @returns a value in [-1, 1]; higher means tighter, better separated clusters.
 * @throws {ArgumentError} on bad X or labels, a bad sampleSize, or a (sub)sample with < 2 or > n-1 clusters.
 * @example
 * silhouetteScore([[0], [1], [4]], [0, 0, 1]); // => 0.4722…   ((0.75 + 0.6667 + 0) / 3)
 */
export function silhouetteScore(X: Matrix, labels: Labels, options: SilhouetteOptions = {}): number {
  const fn = "silhouetteScore";
  const { nSamples } = checkMatrix(X, fn);
  checkLabels(labels, nSamples, fn);
  const { sampleSize = nSamples, seed = 0 } = options;
  if (!Number.isInteger(sampleSize) || sampleSize < 1 || sampleSize > nSamples) {
    throw new ArgumentError(`${fn}: sampleSize=${sampleSize} must be an integer in [1, nSamples=${nSamples}]`);
  }
  let rows = X;
  let rowLabels: Labels = labels;
  if (sampleSize < nSamples) {
    const picked = sampleIndices(seededRandom(seed), nSamples, sampleSize);
    rows = Array.from(picked, (i) => X[i]!);
    rowLabels = Array.from(picked, (i) => labels[i]!);
  }
  const { flat, codes, nClusters, counts } = checkClustering(rows, rowLabels, fn);
  const samples = silhouetteOfCodes(flat, codes, nClusters, counts);
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]!;
  return sum / samples.length;
}

/**
 * The exact O(n²) kernel: each pair's distance is computed once and added to both samples' per-cluster sums.
 * Assumes validated input with 2 <= nClusters <= n-1.
 */
function silhouetteOfCodes(X: FlatMatrix, codes: Int32Array, nClusters: number, counts: Float64Array): Float64Array {
  const { data, nSamples: n, nFeatures: d } = X;
  const K = nClusters;
  const sums = new Float64Array(n * K); // sums[i*K + c]: total distance from i to the members of cluster c
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    const ci = codes[i]!;
    for (let j = i + 1; j < n; j++) {
      const oj = j * d;
      let s = 0;
      for (let f = 0; f < d; f++) {
        const diff = data[oi + f]! - data[oj + f]!;
        s += diff * diff;
      }
      const dist = Math.sqrt(s);
      sums[i * K + codes[j]!]! += dist;
      sums[j * K + ci]! += dist;
    }
  }
  return silhouetteFromSums(sums, codes, K, counts);
}

/** a, b and s per sample from the per-cluster distance sums. */
function silhouetteFromSums(sums: Float64Array, codes: Int32Array, K: number, counts: Float64Array): Float64Array {
  const n = codes.length;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = codes[i]!;
    if (counts[own]! <= 1) continue; // a singleton's silhouette is 0
    const a = sums[i * K + own]! / (counts[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < K; c++) {
      if (c === own) continue;
      const mean = sums[i * K + c]! / counts[c]!;
      if (mean < b) b = mean;
    }
    const denominator = Math.max(a, b);
    s[i] = denominator > 0 ? (b - a) / denominator : 0; // 0/0 (a = b = 0) is 0, as scikit-learn's nan_to_num
  }
  return s;
}
