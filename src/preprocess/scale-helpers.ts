/** Internal helpers of the scalers (not re-exported): column statistics and building a result. */
import type { Matrix } from "../core/matrix";
import type { ScaleResult, ScalerMethod, ScalerParams } from "./scaler";

/** Build the result of a scaler from its fitted centre and (zero-handled) scale; assumes validated X. */
export function scaleResult(X: Matrix, method: ScalerMethod, center: number[], scale: number[]): ScaleResult {
  const params: ScalerParams = { method, center, scale };
  const scaled = X.map((row) => row.map((x, j) => (x - center[j]!) / scale[j]!));
  return { X: scaled, method, center, scale, params };
}

/** scikit-learn's `_handle_zeros_in_scale`: a spread below 10·eps becomes 1, so a constant column scales to 0. */
export function zeroSpreadToOne(spread: number): number {
  return spread < 10 * Number.EPSILON ? 1 : spread;
}

/** Sorted copy of column `j`. */
export function sortedColumn(X: Matrix, j: number): Float64Array {
  const values = new Float64Array(X.length);
  for (let i = 0; i < X.length; i++) values[i] = X[i]![j]!;
  return values.sort();
}
