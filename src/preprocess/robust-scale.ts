import { checkMatrix, type Matrix } from "../core/matrix";
import { quantileSorted } from "../core/quantile";
import { scaleResult, sortedColumn, zeroSpreadToOne } from "./scale-helpers";
import type { ScaleResult } from "./scaler";

/**
 * Centre each column on its median and divide by its interquartile range (25th–75th percentile, numpy's linear
 * interpolation), as scikit-learn's `RobustScaler` with default options. Outliers pull these far less than the
 * mean and std. A column with IQR 0 gets scale 1.
 *
 * @param X - nSamples × nFeatures, finite numbers.
 * @returns `{ X, method: "robust", center: median, scale: IQR, params }`.
 * @throws {ArgumentError} on empty or ragged X, NaN or ±Infinity.
 * @example
 * robustScale([[1], [2], [3], [4], [100]]).X; // => [[-1], [-0.5], [0], [0.5], [48.5]]   (median 3, IQR 4 - 2)
 */
export function robustScale(X: Matrix): ScaleResult {
  const { nFeatures } = checkMatrix(X, "robustScale");
  const median = new Array<number>(nFeatures);
  const iqr = new Array<number>(nFeatures);
  for (let j = 0; j < nFeatures; j++) {
    const sorted = sortedColumn(X, j);
    median[j] = quantileSorted(sorted, 0.5);
    iqr[j] = zeroSpreadToOne(quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25));
  }
  return scaleResult(X, "robust", median, iqr);
}
