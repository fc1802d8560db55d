/**
 * Bootstrap stability of k-means: a good k gives the same partition on resampled data.
 */
import { checkMatrix, type Matrix } from "../core/matrix";
import { bootstrapIndices, seededRandom } from "../core/random";
import { kmeans } from "../cluster/kmeans";
import { predictNearest } from "../cluster/kmeans-predict";
import { adjustedRandScore } from "./adjusted-rand";
import { checkInteger, checkKRange } from "./k-range";

export interface StabilityAnalysisOptions {
  /** Candidate numbers of clusters, strictly increasing integers in 2..nSamples. Required. */
  kRange: readonly number[];
  /** Number of pairs of bootstrap samples. @default 20 */
  resamples?: number;
  /** k-means starts per fit. @default 10 */
  nInit?: number;
  /** Seed of the bootstrap draws and of the k-means runs. @default 0 */
  seed?: number;
}

export interface StabilityAnalysisResult {
  kRange: number[];
  /** Mean ARI between the two fits of a pair, over the resamples, per k. */
  ari: number[];
  /** Standard deviation (divisor resamples) of those ARIs, per k. */
  ariSd: number[];
  /** The ARI of every resample pair, per k (resamples values each): for percentile intervals. */
  ariRuns: number[][];
  /** Mean symmetric best-match Jaccard between the two fits, over the resamples, per k. */
  jaccard: number[];
  /** The k with the highest mean ARI (the smaller k on a tie). */
  best: number;
}

/**
 * Stability of k-means for each k by paired bootstrap.
 *
 * Scheme: for each resample, draw two bootstrap samples A and B of nSamples rows (with replacement; the same pair
 * for every k; B is drawn again while it shares no row with A); fit k-means on each; label the rows present in
 * both samples (the shared rows, counted once) with each fit's nearest centre; compare the two labellings of the shared rows by the adjusted Rand index and by the
 * mean Jaccard index: for each cluster of one fit its best-matching cluster of the other, averaged over the
 * clusters, then over the two directions. The best k has the highest mean ARI.
 * Caveat: a coarse split that is just as stable (often k = 2) ties with the true k and wins as the smaller k;
 * read the curve, not only `best`.
 *
 * @param X - nSamples × nFeatures.
 * @param options - `kRange` (required, k >= 2), `resamples` (20), `nInit` (10), `seed` (0).
 * @returns per-k `ari`, `ariSd`, `ariRuns`, `jaccard` aligned with kRange, and `best`.
 * @throws {ArgumentError} on a bad X, a kRange that is empty or holds k < 2 or k > nSamples, resamples < 1.
 * @example
 * stability(X, { kRange: [2, 3, 4, 5, 6], seed: 0 }).best; // => 4 for four well-separated blobs
 */
export function stability(X: Matrix, options: StabilityAnalysisOptions): StabilityAnalysisResult {
  const fn = "stability";
  const { nSamples } = checkMatrix(X, fn);
  const kRange = checkKRange(options?.kRange, 2, nSamples, fn);
  const resamples = options.resamples ?? 20;
  const nInit = options.nInit ?? 10;
  const seed = options.seed ?? 0;
  checkInteger(resamples, 1, "resamples", fn);
  checkInteger(nInit, 1, "nInit", fn);

  const random = seededRandom(seed);
  const ariRuns: number[][] = kRange.map(() => []);
  const jaccardRuns: number[][] = kRange.map(() => []);
  for (let r = 0; r < resamples; r++) {
    const a = bootstrapIndices(random, nSamples);
    let b: Int32Array;
    let shared: number[];
    do {
      // on a handful of rows the two samples can be disjoint: nothing to compare on, so B is drawn again
      b = bootstrapIndices(random, nSamples);
      const inB = new Uint8Array(nSamples);
      b.forEach((i) => (inB[i] = 1));
      shared = Array.from(new Set(a))
        .filter((i) => inB[i] === 1)
        .sort((x, y) => x - y);
    } while (shared.length === 0);
    const sharedRows = shared.map((i) => X[i]!);
    const sampleA = Array.from(a, (i) => X[i]!);
    const sampleB = Array.from(b, (i) => X[i]!);
    kRange.forEach((k, ki) => {
      const labelsA = predictNearest(kmeans(sampleA, { k, nInit, seed }).centroids, sharedRows);
      const labelsB = predictNearest(kmeans(sampleB, { k, nInit, seed }).centroids, sharedRows);
      ariRuns[ki]!.push(adjustedRandScore(labelsA, labelsB));
      jaccardRuns[ki]!.push((meanBestJaccard(labelsA, labelsB) + meanBestJaccard(labelsB, labelsA)) / 2);
    });
  }
  const ari = ariRuns.map(mean);
  const ariSd = ariRuns.map((runs, i) => Math.sqrt(mean(runs.map((v) => (v - ari[i]!) ** 2))));
  let best = 0;
  for (let i = 1; i < kRange.length; i++) if (ari[i]! > ari[best]!) best = i;
  return { kRange, ari, ariSd, ariRuns, jaccard: jaccardRuns.map(mean), best: kRange[best]! };
}

/** For each cluster of `from`, the highest Jaccard index |S ∩ T| / |S ∪ T| with a cluster T of `to`; their mean. */
function meanBestJaccard(from: number[], to: number[]): number {
  const sizeFrom = new Map<number, number>();
  const sizeTo = new Map<number, number>();
  const overlap = new Map<number, Map<number, number>>();
  from.forEach((f, i) => {
    const t = to[i]!;
    sizeFrom.set(f, (sizeFrom.get(f) ?? 0) + 1);
    sizeTo.set(t, (sizeTo.get(t) ?? 0) + 1);
    const row = overlap.get(f) ?? new Map<number, number>();
    row.set(t, (row.get(t) ?? 0) + 1);
    overlap.set(f, row);
  });
  let total = 0;
  for (const [f, row] of overlap) {
    let best = 0;
    for (const [t, both] of row) best = Math.max(best, both / (sizeFrom.get(f)! + sizeTo.get(t)! - both));
    total += best;
  }
  return overlap.size === 0 ? 1 : total / overlap.size;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
