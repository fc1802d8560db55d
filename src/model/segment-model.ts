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

/** What a fit contributes to a model; {@link buildSegmentModel} derives the rest. */
export type ModelParts = Pick<
  SegmentModel,
  | "algorithm"
  | "k"
  | "seed"
  | "idColumn"
  | "features"
  | "categorical"
  | "scaler"
  | "imputeValues"
  | "centroids"
  | "gmm"
  | "segments"
> & {
  /** The package version recorded in `createdBy`. @default "0.0.0" */
  version?: string;
};

/** Names of a model's columns: the numeric features, then `column=level` for each one-hot level. */
export function encodedFeatureNames(
  features: readonly string[],
  categorical: readonly CategoricalEncoding[],
): string[] {
  return [...features, ...categorical.flatMap((e) => e.levels.map((l) => `${e.column}=${l}`))];
}

/**
 * Build the model file's content from a fit: format and version, the encoded column names, the centres in original
 * units, and the assignment rule of the algorithm.
 * @example
 * buildSegmentModel({ algorithm: "kmeans", k: 1, seed: 0, idColumn: "id", features: ["x"], categorical: [],
 *   scaler: { method: "standard", center: [10], scale: [2] }, imputeValues: { x: 10 }, centroids: [[1]],
 *   segments: [{ segment: 0, name: "All", size: 3 }] }).centroidsOriginal; // => [[12]]
 */
export function buildSegmentModel(parts: ModelParts): SegmentModel {
  const { version, gmm, ...rest } = parts;
  const { center, scale } = parts.scaler;
  const d = parts.features.length;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdBy: `mall-segments ${version ?? "0.0.0"}`,
    algorithm: rest.algorithm,
    k: rest.k,
    seed: rest.seed,
    idColumn: rest.idColumn,
    features: rest.features,
    categorical: rest.categorical,
    encodedFeatures: encodedFeatureNames(rest.features, rest.categorical),
    scaler: rest.scaler,
    imputeValues: rest.imputeValues,
    centroids: rest.centroids,
    centroidsOriginal: rest.centroids.map((c) => c.map((z, j) => (j < d ? z * scale[j]! + center[j]! : z))),
    assignment: rest.algorithm === "gmm" ? "gmm-posterior" : "nearest-centroid",
    ...(gmm ? { gmm } : {}),
    segments: rest.segments,
  };
}

/** Encode rows: scale the numeric features, then append the one-hot columns. Assumes validated input. */
export function encodeRows(
  model: Pick<SegmentModel, "scaler" | "categorical">,
  X: Matrix,
  categorical: Record<string, string[]>,
): Matrix {
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
