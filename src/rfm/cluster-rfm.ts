import { kmeans } from "../cluster/kmeans";
import { predictNearest } from "../cluster/kmeans-predict";
import { ArgumentError } from "../core/errors";
import type { Matrix } from "../core/matrix";
import { silhouetteScore } from "../evaluate/silhouette";
import { standardScale } from "../preprocess/standard-scale";

/** The three RFM columns every clustering and summary here reads. */
export interface RfmValues {
  recency_days: number;
  frequency: number;
  monetary: number;
}

/**
 * The log-transformed RFM matrix: `[ln recency_days, ln frequency, ln monetary]` per customer. The raw
 * columns are strongly right-skewed (a few customers buy far more often and far more), which k-means
 * would otherwise spend its clusters on. After cleaning all three are > 0 (recency >= 1 day,
 * frequency >= 1, monetary > 0), so a plain natural log is defined, no `log1p` shift needed.
 *
 * @param customers - n rows with recency_days, frequency, monetary all > 0.
 * @returns n × 3 matrix.
 * @throws {ArgumentError} when a value is not > 0.
 */
export function rfmLogMatrix(customers: readonly RfmValues[]): Matrix {
  return customers.map((c, i) => {
    for (const key of ["recency_days", "frequency", "monetary"] as const) {
      if (!(c[key] > 0))
        throw new ArgumentError(`rfmLogMatrix: customers[${i}].${key}=${c[key]} must be > 0 for a log`);
    }
    return [Math.log(c.recency_days), Math.log(c.frequency), Math.log(c.monetary)];
  });
}

export interface RfmClusterOptions {
  /** Number of clusters. @default 4 */
  k?: number;
  /** k-means restarts. @default 10 */
  nInit?: number;
  /** Seed of k-means. @default 0 */
  seed?: number;
}

export interface RfmClustering {
  /** n cluster numbers in [0, k), renumbered so that 0 has the highest mean monetary, k − 1 the lowest. */
  labels: number[];
  /** k × 3 centres in the standardised log space, in label order. */
  centroids: Matrix;
  /** k × 3 centres back in original units: [recency_days, frequency, monetary] (geometric means of the cluster). */
  centroidsOriginal: Matrix;
  inertia: number;
  /** n × 3 standardised log matrix that was clustered. */
  X: Matrix;
  /** The standardisation of the log values: z = (ln x − center) / scale, per column (recency, frequency, monetary). */
  center: number[];
  scale: number[];
}

/**
 * k-means on standardised log R, F, M (`rfmLogMatrix` → `standardScale` → `kmeans`).
 *
 * @param customers - n rows with recency_days, frequency, monetary (> 0).
 * @param options - `k`, `nInit`, `seed`.
 * @returns labels ordered by mean monetary (0 = the most valuable cluster), centres, inertia and X.
 * @throws {ArgumentError} when a value is not > 0 or k is not in [1, n].
 */
export function clusterRfm(customers: readonly RfmValues[], options: RfmClusterOptions = {}): RfmClustering {
  const { k = 4, nInit = 10, seed = 0 } = options;
  const scaled = standardScale(rfmLogMatrix(customers));
  const fit = kmeans(scaled.X, { k, nInit, seed });
  // Renumber: clusters by mean monetary, highest first, so label numbers read the same across runs.
  const monetaryMean = new Array<number>(k).fill(0);
  const size = new Array<number>(k).fill(0);
  fit.labels.forEach((label, i) => {
    monetaryMean[label]! += customers[i]!.monetary;
    size[label]! += 1;
  });
  const order = Array.from({ length: k }, (_, j) => j).sort(
    (a, b) => monetaryMean[b]! / size[b]! - monetaryMean[a]! / size[a]! || a - b,
  );
  const newLabel = new Array<number>(k);
  order.forEach((old, rank) => (newLabel[old] = rank));
  const centroids = order.map((old) => fit.centroids[old]!);
  return {
    labels: fit.labels.map((label) => newLabel[label]!),
    centroids,
    centroidsOriginal: centroids.map((c) => c.map((z, j) => Math.exp(z * scaled.scale[j]! + scaled.center[j]!))),
    inertia: fit.inertia,
    X: scaled.X,
    center: scaled.center,
    scale: scaled.scale,
  };
}

/**
 * Assign customers to the clusters of an earlier {@link clusterRfm} fit, the way new customers are scored with a
 * saved model: log, standardise with the fit's center and scale, nearest centre (lowest number on ties).
 *
 * @param clustering - a fit from `clusterRfm` (its centroids, center and scale are used).
 * @param customers - n rows with recency_days, frequency, monetary (> 0), e.g. a later snapshot.
 * @returns n cluster numbers in the fit's numbering.
 * @throws {ArgumentError} when a value is not > 0.
 * @example
 * const june = clusterRfm(juneCustomers, { k: 4 });
 * assignRfmClusters(june, decemberCustomers); // => [0, 3, 1, …]
 */
export function assignRfmClusters(
  clustering: Pick<RfmClustering, "centroids" | "center" | "scale">,
  customers: readonly RfmValues[],
): number[] {
  const { center, scale } = clustering;
  const Z = rfmLogMatrix(customers).map((row) => row.map((x, j) => (x - center[j]!) / scale[j]!));
  return predictNearest(clustering.centroids, Z);
}

export interface RfmKSweepOptions {
  /** The numbers of clusters to try. @default [2, 3, 4, 5, 6, 7, 8] */
  ks?: readonly number[];
  /** k-means restarts per k. @default 10 */
  nInit?: number;
  /** Seed of k-means (and of the silhouette subsample). @default 0 */
  seed?: number;
  /** Silhouette on a seeded subsample of this many rows when X is larger (it is O(n²)). @default 3000 */
  silhouetteSampleSize?: number;
}

/** Inertia and mean silhouette for each k tried. */
export interface RfmKSweep {
  ks: number[];
  inertias: number[];
  silhouettes: number[];
}

/**
 * k-means for each k in `ks` on an already scaled matrix (e.g. `clusterRfm(...).X`), with its inertia
 * (for the elbow) and mean silhouette (higher is better) to choose k.
 *
 * @param X - nSamples × nFeatures scaled values.
 * @param options - `ks`, `nInit`, `seed`, `silhouetteSampleSize`.
 * @returns the ks with one inertia and one silhouette each.
 * @throws {ArgumentError} when a k is not an integer in [2, nSamples − 1].
 */
export function rfmKSweep(X: Matrix, options: RfmKSweepOptions = {}): RfmKSweep {
  const { ks = [2, 3, 4, 5, 6, 7, 8], nInit = 10, seed = 0, silhouetteSampleSize = 3000 } = options;
  for (const k of ks) {
    if (!Number.isInteger(k) || k < 2 || k >= X.length)
      throw new ArgumentError(`rfmKSweep: k=${k} must be an integer in [2, nSamples-1=${X.length - 1}]`);
  }
  const inertias: number[] = [];
  const silhouettes: number[] = [];
  for (const k of ks) {
    const fit = kmeans(X, { k, nInit, seed });
    inertias.push(fit.inertia);
    silhouettes.push(silhouetteScore(X, fit.labels, { sampleSize: Math.min(silhouetteSampleSize, X.length), seed }));
  }
  return { ks: [...ks], inertias, silhouettes };
}
