/**
 * The elbow method: k-means inertia for each candidate k, with the knee found by Kneedle.
 */
import { checkMatrix, type Matrix } from "../core/matrix";
import { kmeans } from "../cluster/kmeans";
import { checkInteger, checkKRange } from "./k-range";
import { kneedle } from "./kneedle";

export interface ElbowMethodOptions {
  /** Candidate numbers of clusters, strictly increasing integers in 1..nSamples. Required. */
  kRange: readonly number[];
  /** k-means starts per k. @default 10 */
  nInit?: number;
  /** Seed of every k-means run. @default 0 */
  seed?: number;
  /** Kneedle sensitivity S. @default 1 */
  sensitivity?: number;
}

export interface ElbowMethodResult {
  kRange: number[];
  /** k-means inertia (within-cluster sum of squares) per k, aligned with kRange. */
  inertia: number[];
  /** Kneedle's difference curve per k (for plotting). */
  differences: number[];
  /** The knee (a k from kRange), or null if Kneedle finds none. */
  knee: number | null;
}

/**
 * Inertia against k and its knee (Kneedle on a decreasing convex curve).
 *
 * @param X - nSamples × nFeatures.
 * @param options - `kRange` (required), `nInit` (10), `seed` (0), `sensitivity` (1).
 * @returns per-k `inertia` and `differences` aligned with `kRange`, and `knee`.
 * @throws {ArgumentError} on a bad X, an empty or invalid kRange, nInit < 1.
 * @example
 * elbow(X, { kRange: [1, 2, 3, 4, 5, 6, 7, 8] }).knee; // => 4 for four well-separated blobs
 */
export function elbow(X: Matrix, options: ElbowMethodOptions): ElbowMethodResult {
  const { nSamples } = checkMatrix(X, "elbow");
  const kRange = checkKRange(options?.kRange, 1, nSamples, "elbow");
  const nInit = options.nInit ?? 10;
  const seed = options.seed ?? 0;
  checkInteger(nInit, 1, "nInit", "elbow");
  const inertia = kRange.map((k) => kmeans(X, { k, nInit, seed }).inertia);
  const { knee, differences } = kneedle(kRange, inertia, { sensitivity: options.sensitivity ?? 1 });
  return { kRange, inertia, differences, knee };
}
