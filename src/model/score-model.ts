/**
 * Assign encoded rows to a saved model's segments with the engine's own predictors: `predictNearest` for
 * nearest-centroid models (k-means, agglomerative), `gmmPredictProba` for the highest GMM posterior.
 */
import { gmmPredictProba, predictNearest } from "../cluster";
import type { Matrix } from "../core/matrix";
import type { SegmentModel } from "./segment-model";
import { gmmOf } from "./validate-model";

/**
 * Segment of each row under a saved model (validated by `parseModel`).
 * @param model - a checked model.
 * @param rows - nRows × encodedFeatures.length encoded rows (see `encodeRows`).
 * @returns nRows segment numbers in [0, k): the nearest centroid (lowest number on ties), or the highest posterior.
 * @example
 * scoreEncoded(model, encodeRows(model, [[15, 39]], {})); // => [1]
 */
export function scoreEncoded(model: SegmentModel, rows: Matrix): number[] {
  if (rows.length === 0) return [];
  if (model.assignment === "nearest-centroid") return predictNearest(model.centroids, rows);
  const g = model.gmm!;
  return gmmPredictProba(gmmOf(g.weights, model.centroids, g.covariances), rows).map(argmax);
}

/** Index of the largest value (the first on ties). */
function argmax(values: number[]): number {
  let best = 0;
  for (let c = 1; c < values.length; c++) if (values[c]! > values[best]!) best = c;
  return best;
}
