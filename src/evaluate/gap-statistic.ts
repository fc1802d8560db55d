/**
 * The gap statistic (Tibshirani, Walther & Hastie 2001): compare log W_k on the data with its expectation under
 * a uniform reference distribution.
 */
import { checkMatrix, type Matrix } from "../core/matrix";
import { seededRandom, type RandomSource } from "../core/random";
import { kmeans } from "../cluster/kmeans";
import { checkInteger, checkKRange } from "./k-range";

export interface GapStatisticOptions {
  /**
   * Candidate numbers of clusters, strictly increasing integers in 1..nSamples − 1 (consecutive for the paper's rule).
   * k = nSamples is refused: every point alone gives W = 0 on the data and on every reference, so log W = −∞ and gap = NaN.
   */
  kRange: readonly number[];
  /** Number of reference data sets B. @default 10 */
  B?: number;
  /** k-means starts per fit (data and references). @default 10 */
  nInit?: number;
  /** Seed of the reference draws and of the k-means runs. @default 0 */
  seed?: number;
}

export interface GapStatisticResult {
  kRange: number[];
  /** log W_k on the data (W_k = pooled within-cluster sum of squares = k-means inertia). */
  logW: number[];
  /** Mean over the B reference sets of log W*_k. */
  expectedLogW: number[];
  /** gap(k) = mean log W*_k − log W_k. */
  gap: number[];
  /** s_k = sd_k · sqrt(1 + 1/B), sd_k the standard deviation (divisor B) of the B values of log W*_k. */
  sk: number[];
  /** The chosen k (see {@link gapStatistic}). */
  k: number;
}

/**
 * Gap statistic per k and the chosen k.
 *
 * Reference sets: B sets of nSamples points drawn uniformly over the bounding box of X (the paper's option (a),
 * on the original features, not on principal components). W_k is the k-means inertia (best of nInit starts).
 * The chosen k is the smallest k in kRange with gap(k) >= gap(k') − s_k', k' the next k in kRange; if no k
 * qualifies, the k with the largest gap.
 *
 * @param X - nSamples × nFeatures.
 * @param options - `kRange` (required), `B` (10), `nInit` (10), `seed` (0).
 * @returns per-k arrays aligned with kRange and the chosen `k`.
 * @throws {ArgumentError} on a bad X, an empty or invalid kRange (k outside 1..nSamples − 1), B < 1 or nInit < 1.
 * @example
 * gapStatistic(X, { kRange: [1, 2, 3, 4, 5, 6], B: 10, seed: 0 }).k; // => 4 for four well-separated blobs
 */
export function gapStatistic(X: Matrix, options: GapStatisticOptions): GapStatisticResult {
  const fn = "gapStatistic";
  const { nSamples, nFeatures } = checkMatrix(X, fn);
  const kRange = checkKRange(options?.kRange, 1, nSamples - 1, fn);
  const B = options.B ?? 10;
  const nInit = options.nInit ?? 10;
  const seed = options.seed ?? 0;
  checkInteger(B, 1, "B", fn);
  checkInteger(nInit, 1, "nInit", fn);

  const logWOf = (data: Matrix, k: number) => Math.log(kmeans(data, { k, nInit, seed }).inertia);
  const logW = kRange.map((k) => logWOf(X, k));

  // reference log W*_kb: one row of kRange values per reference set b
  const random = seededRandom(seed);
  const box = boundingBox(X, nFeatures);
  const referenceLogW = Array.from({ length: B }, () => {
    const reference = uniformInBox(random, box, nSamples);
    return kRange.map((k) => logWOf(reference, k));
  });

  const expectedLogW = kRange.map((_, i) => mean(referenceLogW.map((row) => row[i]!)));
  const gap = expectedLogW.map((e, i) => e - logW[i]!);
  const sk = kRange.map((_, i) => {
    const values = referenceLogW.map((row) => row[i]!);
    const sd = Math.sqrt(mean(values.map((v) => (v - expectedLogW[i]!) ** 2)));
    return sd * Math.sqrt(1 + 1 / B);
  });
  return { kRange, logW, expectedLogW, gap, sk, k: chooseGapK(kRange, gap, sk) };
}

/** Tibshirani's rule: smallest k with gap(k) >= gap(next) − s_next; else the largest gap. */
function chooseGapK(kRange: number[], gap: number[], sk: number[]): number {
  for (let i = 0; i + 1 < kRange.length; i++) {
    if (gap[i]! >= gap[i + 1]! - sk[i + 1]!) return kRange[i]!;
  }
  let best = 0;
  for (let i = 1; i < gap.length; i++) if (gap[i]! > gap[best]!) best = i;
  return kRange[best]!;
}

interface Box {
  min: number[];
  max: number[];
}

function boundingBox(X: Matrix, nFeatures: number): Box {
  const min = new Array<number>(nFeatures).fill(Infinity);
  const max = new Array<number>(nFeatures).fill(-Infinity);
  for (const row of X) {
    for (let j = 0; j < nFeatures; j++) {
      min[j] = Math.min(min[j]!, row[j]!);
      max[j] = Math.max(max[j]!, row[j]!);
    }
  }
  return { min, max };
}

function uniformInBox(random: RandomSource, { min, max }: Box, nSamples: number): Matrix {
  return Array.from({ length: nSamples }, () => min.map((lo, j) => lo + random() * (max[j]! - lo)));
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
