/**
 * The saved model of a `segment run` (model.json): everything needed to score new customers the same way —
 * the feature order, the scaler, the one-hot encoding of categorical columns, the imputation values and the
 * centroids — as plain JSON, read back with {@link parseModel} and applied with {@link scoreCustomers}.
 */
import { ArgumentError, DataError } from "../core/errors";
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

/** Read a model.json. @throws {DataError} when the file is missing, not JSON, or not a segment model of a known version. */
export function parseModel(text: string, file: string): SegmentModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError("not a JSON file (expected a model.json written by `segment run`)", { file });
  }
  const m = json as Partial<SegmentModel>;
  if (m?.format !== MODEL_FORMAT) throw new DataError(`not a segment model (format is not "${MODEL_FORMAT}")`, { file });
  if (m.version !== MODEL_VERSION) throw new DataError(`model version ${m.version} is not supported (this tool reads version ${MODEL_VERSION})`, { file });
  const problem = modelProblem(m);
  if (problem !== undefined) throw new DataError(`model.json is inconsistent: ${problem}`, { file });
  return m as SegmentModel;
}

/** The first structural problem of a parsed model.json (naming the field), or undefined if scoring can rely on it. */
function modelProblem(m: Partial<SegmentModel>): string | undefined {
  const isText = (v: unknown): v is string => typeof v === "string" && v !== "";
  const isRow = (v: unknown, length: number): v is number[] => Array.isArray(v) && v.length === length && v.every(Number.isFinite);
  if (!isText(m.idColumn)) return "idColumn must be a column name";
  if (!Array.isArray(m.features) || m.features.length === 0 || !m.features.every(isText)) return "features must be a non-empty list of column names";
  const nFeatures = m.features.length;
  if (!Array.isArray(m.categorical)) return "categorical must be a list";
  for (const [i, c] of m.categorical.entries()) {
    if (!isText(c?.column) || !Array.isArray(c.levels) || !c.levels.every((l) => typeof l === "string")) {
      return `categorical[${i}] must have a column name and a list of levels`;
    }
  }
  const d = nFeatures + m.categorical.reduce((s, c) => s + c.levels.length, 0);
  const s = m.scaler;
  if (s === undefined || !isRow(s.center, nFeatures) || !isRow(s.scale, nFeatures) || s.scale.some((v) => v === 0)) {
    return `scaler must have ${nFeatures} finite center values and ${nFeatures} finite, non-zero scale values (one per feature)`;
  }
  if (typeof m.imputeValues !== "object" || m.imputeValues === null) return "imputeValues must be an object";
  if (!Number.isInteger(m.k) || m.k! < 1) return `k=${m.k} must be an integer >= 1`;
  const k = m.k!;
  if (!Array.isArray(m.centroids) || m.centroids.length !== k || !m.centroids.every((c) => isRow(c, d))) {
    return `centroids must be k=${k} rows of ${d} finite numbers (features plus one-hot levels)`;
  }
  if (!Array.isArray(m.segments) || !m.segments.every((g) => Number.isInteger(g?.segment) && typeof g.name === "string")) {
    return "segments must be a list of { segment, name, size }";
  }
  if (m.assignment === "gmm-posterior") {
    const g = m.gmm;
    const square = (S: unknown): boolean => Array.isArray(S) && S.length === d && S.every((row) => isRow(row, d));
    if (g === undefined || !isRow(g.weights, k) || !g.weights.every((w) => w >= 0) || !Array.isArray(g.covariances) || g.covariances.length !== k || !g.covariances.every(square)) {
      return `gmm must have k=${k} weights >= 0 and k=${k} covariance matrices of ${d} × ${d}`;
    }
  } else if (m.assignment !== "nearest-centroid") {
    return `assignment=${JSON.stringify(m.assignment)} must be "nearest-centroid" or "gmm-posterior"`;
  }
  return undefined;
}

/** Assign encoded rows to the nearest centroid (lowest number on ties). */
export function nearestCentroid(centroids: Matrix, rows: Matrix): number[] {
  return rows.map((row) => {
    let best = Infinity;
    let bestC = 0;
    centroids.forEach((c, ci) => {
      let dist = 0;
      for (let j = 0; j < row.length; j++) dist += (row[j]! - c[j]!) * (row[j]! - c[j]!);
      if (dist < best) {
        best = dist;
        bestC = ci;
      }
    });
    return bestC;
  });
}

/**
 * Segment of each row under a saved model: nearest centroid, or the highest GMM posterior for gmm models.
 * @param rows - encoded rows (see {@link encodeRows}).
 */
export function scoreEncoded(model: SegmentModel, rows: Matrix): number[] {
  if (model.assignment === "nearest-centroid") return nearestCentroid(model.centroids, rows);
  if (!model.gmm) throw new ArgumentError("scoreEncoded: a gmm model needs its weights and covariances");
  return gmmAssign(model.centroids, model.gmm.weights, model.gmm.covariances, rows);
}

/** Highest posterior = argmax over components of log wₖ + log N(x | μₖ, Σₖ). */
export function gmmAssign(means: Matrix, weights: number[], covariances: Matrix[], rows: Matrix): number[] {
  const comps = means.map((mu, c) => {
    const { inverse, logDet } = choleskyInverse(covariances[c]!);
    return { mu, inverse, constant: Math.log(weights[c]!) - 0.5 * logDet };
  });
  return rows.map((x) => {
    let best = -Infinity;
    let bestC = 0;
    comps.forEach(({ mu, inverse, constant }, c) => {
      const diff = x.map((v, j) => v - mu[j]!);
      let q = 0;
      for (let a = 0; a < diff.length; a++) for (let b = 0; b < diff.length; b++) q += diff[a]! * inverse[a]![b]! * diff[b]!;
      const score = constant - 0.5 * q;
      if (score > best) {
        best = score;
        bestC = c;
      }
    });
    return bestC;
  });
}

/** Inverse and log-determinant of a symmetric positive-definite matrix through its Cholesky factor. */
function choleskyInverse(S: Matrix): { inverse: Matrix; logDet: number } {
  const n = S.length;
  const L: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = S[i]![j]!;
      for (let p = 0; p < j; p++) sum -= L[i]![p]! * L[j]![p]!;
      if (i === j) {
        if (!(sum > 0)) throw new ArgumentError("gmmAssign: a covariance matrix is not positive definite");
        L[i]![i] = Math.sqrt(sum);
      } else L[i]![j] = sum / L[j]![j]!;
    }
  }
  let logDet = 0;
  for (let i = 0; i < n; i++) logDet += 2 * Math.log(L[i]![i]!);
  // Solve L Lᵀ A = I column by column.
  const inverse: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let p = 0; p < i; p++) sum -= L[i]![p]! * y[p]!;
      y[i] = sum / L[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i]!;
      for (let p = i + 1; p < n; p++) sum -= L[p]![i]! * inverse[p]![col]!;
      inverse[i]![col] = sum / L[i]![i]!;
    }
  }
  return { inverse, logDet };
}
