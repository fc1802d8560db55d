import { ArgumentError } from "../core/errors";
import { checkMatrix, flatInput, toFlat, type Matrix, type MatrixInput } from "../core/matrix";
import { squaredDistance } from "./kmeans-init";

/**
 * Assign each row to its nearest centre (squared Euclidean distance; the lowest centre number on ties), e.g. to
 * score new customers with a saved model.
 *
 * @param centroids - k × nFeatures.
 * @param rows - nRows × nFeatures, rows or a typed matrix (see `matrix`, read in place), in the same units as the centroids (scale them first if the model was scaled).
 * @returns nRows cluster numbers in [0, k).
 * @throws {ArgumentError} on bad matrices or a feature-count mismatch.
 * @example
 * predictNearest([[0, 0], [10, 10]], [[1, 2], [9, 7]]); // => [0, 1]
 */
export function predictNearest(centroids: Matrix, rows: MatrixInput): number[] {
  const centreShape = checkMatrix(centroids, "predictNearest");
  const R = flatInput(rows, "predictNearest");
  if (R.nFeatures !== centreShape.nFeatures) {
    throw new ArgumentError(
      `predictNearest: rows have ${R.nFeatures} features, centroids have ${centreShape.nFeatures}`,
    );
  }
  const C = toFlat(centroids);
  const d = C.nFeatures;
  const labels = new Array<number>(R.nSamples);
  for (let i = 0; i < R.nSamples; i++) {
    let best = Infinity;
    let bestC = 0;
    for (let c = 0; c < C.nSamples; c++) {
      const dist = squaredDistance(R.data, i, C.data, c, d);
      if (dist < best) {
        best = dist;
        bestC = c;
      }
    }
    labels[i] = bestC;
  }
  return labels;
}
