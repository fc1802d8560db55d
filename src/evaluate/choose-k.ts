/**
 * Choosing the number of clusters by a vote of seven indices (in the spirit of R's NbClust).
 */
import { checkMatrix, type Matrix } from "../core/matrix";
import { kmeans } from "../cluster/kmeans";
import type { CovarianceType } from "../cluster/gmm";
import { bicCurve, type BicCurveResult } from "./bic-curve";
import { calinskiHarabaszScore } from "./calinski-harabasz";
import { daviesBouldinScore } from "./davies-bouldin";
import { gapStatistic, type GapStatisticResult } from "./gap-statistic";
import { checkInteger, checkKRange, DEFAULT_K_RANGE } from "./k-range";
import { kneedle } from "./kneedle";
import { silhouetteScore } from "./silhouette";
import { stability, type StabilityAnalysisResult } from "./stability";

/** The indices that vote, in reporting order. */
export const K_INDICES = [
  "elbow",
  "silhouette",
  "calinskiHarabasz",
  "daviesBouldin",
  "gap",
  "bic",
  "stability",
] as const;
export type KIndex = (typeof K_INDICES)[number];

export interface ChooseKOptions {
  /** Candidate numbers of clusters, strictly increasing integers in 2..nSamples − 1. @default [2, 3, …, 10] */
  kRange?: readonly number[];
  /** Seed of every random step (k-means starts, reference sets, bootstrap). @default 0 */
  seed?: number;
  /** k-means starts per fit. @default 10 */
  nInit?: number;
  /** Reference sets of the gap statistic. @default 10 */
  B?: number;
  /** Bootstrap pairs of the stability index. @default 20 */
  resamples?: number;
  /** Covariance type of the Gaussian mixtures behind BIC. @default "full" */
  covarianceType?: CovarianceType;
}

export interface ChooseKResult {
  kRange: number[];
  /** Each index's choice (null = no opinion: Kneedle found no knee). */
  votes: Record<KIndex, number | null>;
  /** Number of votes per k, aligned with kRange. */
  voteCounts: number[];
  /** The k with the most votes; ties go to the smaller k. */
  k: number;
  /** k-means inertia per k and Kneedle's difference curve (elbow). */
  inertia: number[];
  differences: number[];
  /** Mean silhouette per k (higher is better). */
  silhouette: number[];
  /** Calinski–Harabasz index per k (higher is better). */
  calinskiHarabasz: number[];
  /** Davies–Bouldin index per k (lower is better). */
  daviesBouldin: number[];
  gap: GapStatisticResult;
  bic: BicCurveResult;
  stability: StabilityAnalysisResult;
}

/**
 * Run seven ways of choosing k and take the majority.
 *
 * Votes: elbow = Kneedle's knee of the k-means inertia; silhouette = highest mean silhouette; Calinski–Harabasz =
 * highest; Davies–Bouldin = lowest; gap = Tibshirani's rule ({@link gapStatistic}); BIC = lowest BIC of a Gaussian
 * mixture ({@link bicCurve}); stability = highest mean bootstrap ARI ({@link stability}). Silhouette, CH and DB score
 * the k-means partition (best of nInit starts, this seed) for each k. The majority k has the most votes; a tie goes
 * to the smaller k.
 *
 * @param X - nSamples × nFeatures (scale it first: every index uses Euclidean geometry).
 * @param options - `kRange` (2..10), `seed` (0), `nInit` (10), `B` (10), `resamples` (20), `covarianceType` ("full").
 * @returns per-index votes, vote counts per k, the majority `k` and every index's per-k curve (aligned with kRange).
 * @throws {ArgumentError} on a bad X, a kRange that is empty or holds k < 2 or k > nSamples − 1, bad counts.
 * @example
 * chooseK(fourBlobs, { seed: 0 }).k; // => 4
 */
export function chooseK(X: Matrix, options: ChooseKOptions = {}): ChooseKResult {
  const fn = "chooseK";
  const { nSamples } = checkMatrix(X, fn);
  const kRange = checkKRange(options.kRange ?? DEFAULT_K_RANGE, 2, nSamples - 1, fn);
  const seed = options.seed ?? 0;
  const nInit = options.nInit ?? 10;
  const B = options.B ?? 10;
  const resamples = options.resamples ?? 20;
  checkInteger(nInit, 1, "nInit", fn);
  checkInteger(B, 1, "B", fn);
  checkInteger(resamples, 1, "resamples", fn);

  const fits = kRange.map((k) => kmeans(X, { k, nInit, seed }));
  const inertia = fits.map((f) => f.inertia);
  const { knee, differences } = kneedle(kRange, inertia);
  const silhouette = fits.map((f) => silhouetteScore(X, f.labels));
  const calinskiHarabasz = fits.map((f) => calinskiHarabaszScore(X, f.labels));
  const daviesBouldin = fits.map((f) => daviesBouldinScore(X, f.labels));
  const gap = gapStatistic(X, { kRange, B, nInit, seed });
  const bic = bicCurve(X, { kRange, covarianceType: options.covarianceType ?? "full", seed });
  const stable = stability(X, { kRange, resamples, nInit, seed });

  const votes: Record<KIndex, number | null> = {
    elbow: knee,
    silhouette: kRange[argBest(silhouette, 1)]!,
    calinskiHarabasz: kRange[argBest(calinskiHarabasz, 1)]!,
    daviesBouldin: kRange[argBest(daviesBouldin, -1)]!,
    gap: gap.k,
    bic: bic.best,
    stability: stable.best,
  };
  const voteCounts = kRange.map((k) => K_INDICES.filter((name) => votes[name] === k).length);
  const k = kRange[argBest(voteCounts, 1)]!;
  return {
    kRange,
    votes,
    voteCounts,
    k,
    inertia,
    differences,
    silhouette,
    calinskiHarabasz,
    daviesBouldin,
    gap,
    bic,
    stability: stable,
  };
}

/** Index of the first largest (sign 1) or smallest (sign −1) value: ties go to the earlier (smaller) k. */
function argBest(values: number[], sign: 1 | -1): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (sign * values[i]! > sign * values[best]!) best = i;
  return best;
}
