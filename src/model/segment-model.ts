/**
 * The saved model of a `segment run` (model.json): everything needed to score new customers the same way —
 * the feature order, the scaler, the one-hot encoding of categorical columns, the imputation values and the
 * centroids — as plain JSON, serialised with {@link serialiseModel}, read back and checked with `parseModel`
 * (`validate-model.ts`) and applied with `scoreEncoded` (`score-model.ts`).
 */
import type { Matrix } from "../core/matrix";
import type { ScalerMethod } from "../preprocess/scaler";

/** Version of the model.json layout; bumped when it changes incompatibly. */
export const MODEL_FORMAT = "mall-segments/segment-model";
export const MODEL_VERSION = 1;

export type Algorithm = "kmeans" | "gmm" | "agglomerative";

/** `scaled = (x − center) / scale` per numeric feature; "none" has center 0 and scale 1. */
export interface ModelScaler {
  method: ScalerMethod | "none";
  center: number[];
  scale: number[];
}

/** One categorical column, one-hot encoded as one 0/1 column per level (an unseen level encodes as all zeros). */
export interface CategoricalEncoding {
  column: string;
  levels: string[];
}

export interface SegmentModel {
  format: typeof MODEL_FORMAT;
  version: number;
  /** The package version that wrote it. */
  createdBy: string;
  algorithm: Algorithm;
  k: number;
  seed: number;
  idColumn: string;
  /** Numeric feature columns, in order. */
  features: string[];
  categorical: CategoricalEncoding[];
  /** Names of the model's columns: the numeric features, then `column=level` per one-hot column. */
  encodedFeatures: string[];
  scaler: ModelScaler;
  /** Median of each numeric feature in the training data (used by `score --impute median`). */
  imputeValues: Record<string, number>;
  /** k × encodedFeatures.length centres in the scaled, encoded space (k-means centroids, GMM means, or the mean of each agglomerative cluster). */
  centroids: Matrix;
  /** The same centres with the numeric part in original units. */
  centroidsOriginal: Matrix;
  /** How new rows are assigned: the nearest centroid (kmeans, agglomerative) or the highest GMM posterior. */
  assignment: "nearest-centroid" | "gmm-posterior";
  /** GMM only: mixture weights and full covariance matrices in the scaled space. */
  gmm?: { weights: number[]; covariances: Matrix[] };
  /** Segment number → name and training size. */
  segments: { segment: number; name: string; size: number }[];
}

/** Encode rows: scale the numeric features, then append the one-hot columns. Assumes validated input. */
export function encodeRows(model: Pick<SegmentModel, "scaler" | "categorical">, X: Matrix, categorical: Record<string, string[]>): Matrix {
  const { center, scale } = model.scaler;
  return X.map((row, i) => {
    const out = row.map((x, j) => (x - center[j]!) / scale[j]!);
    for (const { column, levels } of model.categorical) {
      const value = categorical[column]![i]!;
      for (const level of levels) out.push(value === level ? 1 : 0);
    }
    return out;
  });
}

/** model.json text: two-space indented JSON and a final newline. */
export function serialiseModel(model: SegmentModel): string {
  return JSON.stringify(model, null, 2) + "\n";
}
