/**
 * BIC and AIC of Gaussian mixtures against k: the model-based way to choose the number of segments.
 */
import { checkMatrix, type Matrix } from "../core/matrix";
import { gaussianMixture, type CovarianceType } from "../cluster/gmm";
import { checkInteger, checkKRange } from "./k-range";

export interface BicCurveOptions {
  /** Candidate numbers of components, strictly increasing integers in 1..nSamples. Required. */
  kRange: readonly number[];
  /** @default "full" */
  covarianceType?: CovarianceType;
  /** EM runs (k-means starts) per k. @default 1 */
  nInit?: number;
  /** Seed of the k-means starts. @default 0 */
  seed?: number;
}

export interface BicCurveResult {
  kRange: number[];
  /** BIC per k, aligned with kRange (lower is better). */
  bic: number[];
  /** AIC per k, aligned with kRange (lower is better). */
  aic: number[];
  /** The k with the lowest BIC (the smaller k on a tie). */
  best: number;
  /** The k with the lowest AIC (the smaller k on a tie). */
  bestAic: number;
}

/**
 * Fit a Gaussian mixture for each k and report BIC and AIC.
 *
 * @param X - nSamples × nFeatures.
 * @param options - `kRange` (required), `covarianceType` ("full"), `nInit` (1), `seed` (0).
 * @returns per-k `bic` and `aic` aligned with kRange, `best` (lowest BIC) and `bestAic`.
 * @throws {ArgumentError} on a bad X, kRange or option, or a collapsed component.
 * @example
 * bicCurve(X, { kRange: [1, 2, 3, 4, 5, 6] }).best; // => 4 for four well-separated Gaussian blobs
 */
export function bicCurve(X: Matrix, options: BicCurveOptions): BicCurveResult {
  const { nSamples } = checkMatrix(X, "bicCurve");
  const kRange = checkKRange(options?.kRange, 1, nSamples, "bicCurve");
  const covarianceType = options.covarianceType ?? "full";
  const nInit = options.nInit ?? 1;
  const seed = options.seed ?? 0;
  checkInteger(nInit, 1, "nInit", "bicCurve");
  const models = kRange.map((k) => gaussianMixture(X, { k, covarianceType, nInit, seed }));
  const bic = models.map((m) => m.bic);
  const aic = models.map((m) => m.aic);
  return { kRange, bic, aic, best: kRange[argMin(bic)]!, bestAic: kRange[argMin(aic)]! };
}

/** Index of the first smallest value. */
function argMin(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[best]!) best = i;
  return best;
}
