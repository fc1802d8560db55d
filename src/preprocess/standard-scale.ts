import { checkMatrix, type Matrix } from "../core/matrix";
import { scaleResult } from "./scale-helpers";
import type { ScaleResult } from "./scaler";

/**
 * Standardise each column to mean 0 and standard deviation 1, as scikit-learn's `StandardScaler`.
 *
 * The std is the population std (ddof = 0). A constant column (variance within rounding error of 0, by
 * scikit-learn's `_is_constant_feature` bound) gets scale 1, so it scales to 0 rather than NaN.
 *
 * @param X - nSamples × nFeatures, finite numbers.
 * @returns `{ X, method: "standard", center: mean, scale: std, params }`; `params` is plain JSON for `applyScaler`.
 * @throws {ArgumentError} on empty or ragged X, NaN or ±Infinity.
 * @example
 * standardScale([[1], [3]]).X; // => [[-1], [1]]   (mean 2, std 1)
 */
export function standardScale(X: Matrix): ScaleResult {
  const { nSamples, nFeatures } = checkMatrix(X, "standardScale");
  const mean = new Array<number>(nFeatures).fill(0);
  const scale = new Array<number>(nFeatures).fill(1);
  for (let j = 0; j < nFeatures; j++) {
    let sum = 0;
    for (let i = 0; i < nSamples; i++) sum += X[i]![j]!;
    const m = sum / nSamples;
    // Two-pass variance with the rounding correction numpy/scikit-learn apply.
    let squares = 0;
    let correction = 0;
    for (let i = 0; i < nSamples; i++) {
      const d = X[i]![j]! - m;
      squares += d * d;
      correction += d;
    }
    const variance = (squares - (correction * correction) / nSamples) / nSamples;
    mean[j] = m;
    scale[j] = isConstantFeature(variance, m, nSamples) ? 1 : Math.sqrt(variance);
  }
  return scaleResult(X, "standard", mean, scale);
}

/** scikit-learn's `_is_constant_feature`: the variance is within the rounding error of the mean-variance computation. */
function isConstantFeature(variance: number, mean: number, nSamples: number): boolean {
  const eps = Number.EPSILON;
  const upperBound = nSamples * eps * variance + (nSamples * mean * eps) ** 2;
  return variance <= upperBound;
}
