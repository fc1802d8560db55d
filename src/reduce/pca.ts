/**
 * Principal component analysis as scikit-learn's `PCA`: centre the columns, take the SVD of the centred data
 * (ml-matrix), order components by variance and fix each component's sign as scikit-learn 1.5+ does
 * (`svd_flip(..., u_based_decision=False)`: the largest-magnitude loading of each component is positive), so the
 * scores equal scikit-learn's.
 */
import { SVD } from "ml-matrix";
import { ArgumentError } from "../core/errors";
import { checkMatrix, type Matrix } from "../core/matrix";

export interface PcaOptions {
  /** How many components to keep, an integer in [1, min(nSamples, nFeatures)]. @default min(nSamples, nFeatures) */
  components?: number;
}

/** A fitted PCA: plain JSON, so it can be saved and applied to new rows with `pcaTransform`. */
export interface PcaModel {
  /** nComponents × nFeatures unit vectors (loadings), by decreasing variance. */
  components: Matrix;
  /** nComponents variances of the scores (ddof = 1). */
  explainedVariance: number[];
  /** nComponents shares of the total variance (all components, not only the kept ones). */
  explainedVarianceRatio: number[];
  /** nFeatures column means subtracted before projecting. */
  mean: number[];
}

export interface PcaResult extends PcaModel {
  /** nSamples × nComponents coordinates of the rows on the components. */
  scores: Matrix;
}

/**
 * Fit a PCA and project the rows onto its components.
 *
 * @param X - nSamples × nFeatures (scale it first if the features have different units), nSamples >= 2.
 * @param options - `components` (@default all).
 * @returns `{ scores, components, explainedVariance, explainedVarianceRatio, mean }`.
 * @throws {ArgumentError} on bad X, fewer than 2 rows, or a bad number of components.
 * @example
 * pca([[0, 0], [2, 2]]).explainedVarianceRatio; // => [1, 0]   (all variance along (1, 1)/√2)
 */
export function pca(X: Matrix, options: PcaOptions = {}): PcaResult {
  const { nSamples: n, nFeatures: d } = checkMatrix(X, "pca");
  if (n < 2) throw new ArgumentError(`pca: needs nSamples >= 2, got ${n}`);
  const maxComponents = Math.min(n, d);
  const { components: nComponents = maxComponents } = options;
  if (!Number.isInteger(nComponents) || nComponents < 1 || nComponents > maxComponents) {
    throw new ArgumentError(
      `pca: components=${nComponents} must be an integer in [1, min(nSamples, nFeatures)=${maxComponents}]`,
    );
  }
  const mean = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) mean[j]! += row[j]!;
  for (let j = 0; j < d; j++) mean[j]! /= n;
  const centred = X.map((row) => row.map((x, j) => x - mean[j]!));

  const svd = new SVD(centred, { autoTranspose: true });
  const singular = svd.diagonal;
  const V = svd.rightSingularVectors; // d × r, columns are the directions
  const order = singular.map((_, i) => i).sort((a, b) => singular[b]! - singular[a]! || a - b);
  const variances = order.map((i) => singular[i]! ** 2 / (n - 1));
  const totalVariance = variances.reduce((s, v) => s + v, 0);

  const components: Matrix = order.slice(0, nComponents).map((i) => flipSign(V.getColumn(i)));
  const explainedVariance = variances.slice(0, nComponents);
  const explainedVarianceRatio = explainedVariance.map((v) => (totalVariance > 0 ? v / totalVariance : 0));
  const model: PcaModel = { components, explainedVariance, explainedVarianceRatio, mean };
  return { scores: project(model, centred, false), ...model };
}

/**
 * Project new rows onto a fitted PCA's components: `(row - mean) · componentsᵀ`.
 *
 * @param model - from `pca` (or read back from JSON).
 * @param rows - nRows × nFeatures.
 * @returns nRows × nComponents scores.
 * @throws {ArgumentError} on bad rows or a feature-count mismatch.
 * @example
 * const model = pca([[0, 0], [2, 2]]);
 * pcaTransform(model, [[3, 3]]); // => [[2.828…, 0]]   ((3−1, 3−1) · (1, 1)/√2 = 2√2)
 */
export function pcaTransform(model: PcaModel, rows: Matrix): Matrix {
  const { nFeatures } = checkMatrix(rows, "pcaTransform");
  if (nFeatures !== model.mean.length) {
    throw new ArgumentError(
      `pcaTransform: rows have ${nFeatures} features, the PCA was fitted on ${model.mean.length}`,
    );
  }
  return project(model, rows, true);
}

/** Scores of rows (centred already, or not) on the model's components. */
function project(model: PcaModel, rows: Matrix, centre: boolean): Matrix {
  const { components, mean } = model;
  return rows.map((row) =>
    components.map((component) => {
      let s = 0;
      for (let j = 0; j < component.length; j++) s += (centre ? row[j]! - mean[j]! : row[j]!) * component[j]!;
      return s;
    }),
  );
}

/** scikit-learn's v-based `svd_flip`: make the largest-magnitude entry (the first, on ties) positive. */
function flipSign(vector: number[]): number[] {
  let largest = 0;
  for (let j = 1; j < vector.length; j++) if (Math.abs(vector[j]!) > Math.abs(vector[largest]!)) largest = j;
  return vector[largest]! < 0 ? vector.map((v) => -v) : vector;
}
