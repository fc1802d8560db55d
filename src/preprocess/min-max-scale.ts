import { checkMatrix, type Matrix } from "../core/matrix";
import { scaleResult, zeroSpreadToOne } from "./scale-helpers";
import type { ScaleResult } from "./scaler";

/**
 * Scale each column to [0, 1], as scikit-learn's `MinMaxScaler` (feature_range (0, 1)).
 *
 * A constant column has range 0; its scale becomes 1, so it scales to 0.
 *
 * @param X - nSamples × nFeatures, finite numbers.
 * @returns `{ X, method: "minmax", center: min, scale: max - min, params }`.
 * @throws {ArgumentError} on empty or ragged X, NaN or ±Infinity.
 * @example
 * minMaxScale([[10], [15], [20]]).X; // => [[0], [0.5], [1]]
 */
export function minMaxScale(X: Matrix): ScaleResult {
  const { nSamples, nFeatures } = checkMatrix(X, "minMaxScale");
  const min = new Array<number>(nFeatures);
  const range = new Array<number>(nFeatures);
  for (let j = 0; j < nFeatures; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < nSamples; i++) {
      const x = X[i]![j]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    min[j] = lo;
    range[j] = zeroSpreadToOne(hi - lo);
  }
  return scaleResult(X, "minmax", min, range);
}
