/**
 * The fitted form every scaler shares: `scaled = (x - center) / scale`, column by column. It is plain JSON so a
 * command-line run can save it in model.json and score new customers with it later.
 */
import { ArgumentError } from "../core/errors";
import { checkMatrix, type Matrix } from "../core/matrix";

/** Which scaler produced the parameters. */
export type ScalerMethod = "standard" | "minmax" | "robust";

/** Fitted scaler parameters, one entry per feature: `scaled = (x - center) / scale`. */
export interface ScalerParams {
  method: ScalerMethod;
  /** Subtracted from each column: the mean (standard), the minimum (minmax) or the median (robust). */
  center: number[];
  /** Divides each column: the std (ddof = 0), the range, or the IQR; 1 where that spread is 0. */
  scale: number[];
}

/** A scaled matrix with the parameters that produced it (also under `params`, ready to save as JSON). */
export interface ScaleResult extends ScalerParams {
  /** nSamples × nFeatures, scaled. */
  X: Matrix;
  params: ScalerParams;
}

/**
 * Scale rows with fitted parameters: `(x - center) / scale` per column.
 *
 * @param params - from `standardScale`, `minMaxScale` or `robustScale` (or read back from JSON).
 * @param rows - nRows × nFeatures, in original units.
 * @returns nRows × nFeatures, scaled.
 * @throws {ArgumentError} if a row has a different number of features than the parameters.
 * @example
 * applyScaler({ method: "standard", center: [10], scale: [2] }, [[14]]); // => [[2]]
 */
export function applyScaler(params: ScalerParams, rows: Matrix): Matrix {
  checkParamsAndRows(params, rows, "applyScaler");
  const { center, scale } = params;
  return rows.map((row) => row.map((x, j) => (x - center[j]!) / scale[j]!));
}

/**
 * Undo the scaling: `scaled * scale + center` per column, back to original units (e.g. centroids in k$).
 *
 * @param params - fitted scaler parameters.
 * @param rows - nRows × nFeatures, scaled.
 * @returns nRows × nFeatures in original units.
 * @throws {ArgumentError} if a row has a different number of features than the parameters.
 * @example
 * invertScaler({ method: "standard", center: [10], scale: [2] }, [[2]]); // => [[14]]
 */
export function invertScaler(params: ScalerParams, rows: Matrix): Matrix {
  checkParamsAndRows(params, rows, "invertScaler");
  const { center, scale } = params;
  return rows.map((row) => row.map((z, j) => z * scale[j]! + center[j]!));
}

function checkParamsAndRows(params: ScalerParams, rows: Matrix, fn: string): void {
  const nFeatures = params.center.length;
  if (params.scale.length !== nFeatures) {
    throw new ArgumentError(`${fn}: params.center has ${nFeatures} entries, params.scale has ${params.scale.length}`);
  }
  const shape = checkMatrix(rows, fn);
  if (shape.nFeatures !== nFeatures) {
    throw new ArgumentError(`${fn}: rows have ${shape.nFeatures} features, the scaler was fitted on ${nFeatures}`);
  }
}
