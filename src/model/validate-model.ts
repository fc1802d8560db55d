/**
 * Read and check a model.json completely: every field that scoring or SQL uses is validated, with the file and the
 * field named, before any of it is trusted. The file is read at most {@link MAX_MODEL_BYTES}.
 */
import { gmmPredictProba, type GaussianMixtureModel } from "../cluster";
import { DataError } from "../core/errors";
import { decodeInput, readInputBytes } from "../io/read-input";
import { MODEL_FORMAT, MODEL_VERSION, type SegmentModel } from "./segment-model";

/** Largest model.json read: 64 MiB (k = 1,000 segments of 100 features with GMM covariances is about 200 MB of
 * text, so full-covariance models are also bounded by {@link MAX_MODEL_CELLS}). */
export const MAX_MODEL_BYTES = 64 * 1024 * 1024;
/** Largest k a model may have. */
export const MAX_MODEL_K = 10_000;
/** Largest number of numbers in the centroids or the GMM covariances (k·d or k·d²). */
export const MAX_MODEL_CELLS = 4_000_000;

/**
 * Read a model.json file (a regular file of at most {@link MAX_MODEL_BYTES}, valid UTF-8) and check it.
 * @throws {DataError} naming the file when it is missing, not a file, too large, not JSON or not a valid model.
 */
export function readModel(file: string): SegmentModel {
  const text = decodeInput(readInputBytes(file, MAX_MODEL_BYTES), file);
  return parseModel(text, file);
}

/**
 * Parse and check a model.json text.
 * @param text - the JSON text.
 * @param file - names the file in errors.
 * @returns the model, every field checked.
 * @throws {DataError} `<file>: invalid model: <field> …` on the first problem found.
 * @example
 * parseModel('{"format":"mall-segments/segment-model","version":1}', "m.json");
 * // throws "m.json: invalid model: idColumn must be a non-empty column name"
 */
export function parseModel(text: string, file: string): SegmentModel {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new DataError("not a JSON file (expected a model.json written by `segment run`)", { file });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new DataError("not a segment model (not a JSON object)", { file });
  const m = json as Partial<SegmentModel>;
  if (m.format !== MODEL_FORMAT) throw new DataError(`not a segment model (format is not "${MODEL_FORMAT}")`, { file });
  if (m.version !== MODEL_VERSION)
    throw new DataError(
      `model version ${JSON.stringify(m.version)?.slice(0, 20)} is not supported (this tool reads version ${MODEL_VERSION})`,
      { file },
    );
  const problem = modelProblem(m);
  if (problem !== undefined) throw new DataError(`invalid model: ${problem}`, { file });
  return m as SegmentModel;
}

const isText = (v: unknown): v is string => typeof v === "string" && v !== "";
const isRow = (v: unknown, length: number): v is number[] =>
  Array.isArray(v) && v.length === length && v.every((x) => typeof x === "number" && Number.isFinite(x));
const distinct = (xs: readonly string[]): boolean => new Set(xs).size === xs.length;

/** The first problem of a parsed model.json, naming the field, or undefined when scoring and SQL can rely on it. */
function modelProblem(m: Partial<SegmentModel>): string | undefined {
  if (m.algorithm !== "kmeans" && m.algorithm !== "gmm" && m.algorithm !== "agglomerative")
    return "algorithm must be kmeans, gmm or agglomerative";
  if (!Number.isSafeInteger(m.seed) || m.seed! < 0) return "seed must be an integer >= 0";
  if (!isText(m.idColumn)) return "idColumn must be a non-empty column name";
  if (!Array.isArray(m.features) || m.features.length === 0 || !m.features.every(isText))
    return "features must be a non-empty list of column names";
  if (!distinct(m.features)) return "features name a column twice";
  const nFeatures = m.features.length;
  if (!Array.isArray(m.categorical)) return "categorical must be a list";
  for (const [i, c] of m.categorical.entries()) {
    if (
      typeof c !== "object" ||
      c === null ||
      !isText(c.column) ||
      !Array.isArray(c.levels) ||
      !c.levels.every((l) => typeof l === "string")
    ) {
      return `categorical[${i}] must have a column name and a list of text levels`;
    }
    if (!distinct(c.levels)) return `categorical[${i}].levels name a level twice`;
  }
  if (!distinct([m.idColumn, ...m.features, ...m.categorical.map((c) => c.column)]))
    return "idColumn, features and categorical columns must be distinct";
  const expected = [...m.features, ...m.categorical.flatMap((c) => c.levels.map((l) => `${c.column}=${l}`))];
  const d = expected.length;
  if (
    !Array.isArray(m.encodedFeatures) ||
    m.encodedFeatures.length !== d ||
    m.encodedFeatures.some((f, j) => f !== expected[j])
  ) {
    return `encodedFeatures must list the ${d} model columns (the features, then column=level per one-hot level)`;
  }
  const s = m.scaler;
  if (typeof s !== "object" || s === null) return "scaler is missing";
  if (!["standard", "minmax", "robust", "none"].includes(s.method as string))
    return "scaler.method must be standard, minmax, robust or none";
  if (!isRow(s.center, nFeatures)) return `scaler.center must be ${nFeatures} finite numbers`;
  if (!isRow(s.scale, nFeatures) || s.scale.some((v) => !(v > 0)))
    return `scaler.scale must be ${nFeatures} finite numbers > 0`;
  const iv = m.imputeValues;
  if (typeof iv !== "object" || iv === null || Array.isArray(iv)) return "imputeValues must be an object";
  for (const f of m.features) {
    if (!Object.hasOwn(iv, f) || typeof iv[f] !== "number" || !Number.isFinite(iv[f]))
      return `imputeValues["${f.slice(0, 40)}"] must be a finite number`;
  }
  if (!Number.isSafeInteger(m.k) || m.k! < 1 || m.k! > MAX_MODEL_K)
    return `k must be an integer in [1, ${MAX_MODEL_K}]`;
  const k = m.k!;
  if (k * d > MAX_MODEL_CELLS) return `k=${k} × ${d} columns is more than ${MAX_MODEL_CELLS} centroid values`;
  if (!Array.isArray(m.centroids) || m.centroids.length !== k || !m.centroids.every((c) => isRow(c, d))) {
    return `centroids must be k=${k} rows of ${d} finite numbers (features plus one-hot levels)`;
  }
  if (
    m.centroidsOriginal !== undefined &&
    (!Array.isArray(m.centroidsOriginal) ||
      m.centroidsOriginal.length !== k ||
      !m.centroidsOriginal.every((c) => isRow(c, d)))
  ) {
    return `centroidsOriginal must be k=${k} rows of ${d} finite numbers`;
  }
  const segs = m.segments;
  if (!Array.isArray(segs) || segs.length === 0 || segs.length > k) return `segments must list 1 to k=${k} segments`;
  for (const [i, g] of segs.entries()) {
    if (
      typeof g !== "object" ||
      g === null ||
      !Number.isSafeInteger(g.segment) ||
      g.segment < 0 ||
      g.segment >= k ||
      typeof g.name !== "string" ||
      !Number.isSafeInteger(g.size) ||
      g.size < 0
    ) {
      return `segments[${i}] must be { segment: integer in [0, ${k}), name: text, size: integer >= 0 }`;
    }
  }
  if (new Set(segs.map((g) => g.segment)).size !== segs.length) return "segments list a segment number twice";
  if (m.algorithm === "gmm" || m.assignment === "gmm-posterior") {
    const problem = gmmProblem(m.gmm, k, d, m.centroids);
    if (problem !== undefined) return problem;
  }
  if (m.algorithm === "gmm" ? m.assignment !== "gmm-posterior" : m.assignment !== "nearest-centroid") {
    return `assignment must be "${m.algorithm === "gmm" ? "gmm-posterior" : "nearest-centroid"}" for a ${m.algorithm} model`;
  }
  return undefined;
}

function gmmProblem(g: SegmentModel["gmm"] | undefined, k: number, d: number, means: number[][]): string | undefined {
  if (typeof g !== "object" || g === null) return "gmm is missing (weights and covariances of a gmm model)";
  if (!isRow(g.weights, k) || g.weights.some((w) => w < 0)) return `gmm.weights must be k=${k} finite numbers >= 0`;
  if (!(g.weights.reduce((a, b) => a + b, 0) > 0)) return "gmm.weights are all zero";
  if (k * d * d > MAX_MODEL_CELLS) return `k=${k} covariances of ${d} × ${d} are more than ${MAX_MODEL_CELLS} values`;
  if (
    !Array.isArray(g.covariances) ||
    g.covariances.length !== k ||
    !g.covariances.every((S) => Array.isArray(S) && S.length === d && S.every((row) => isRow(row, d)))
  ) {
    return `gmm.covariances must be k=${k} matrices of ${d} × ${d} finite numbers`;
  }
  for (const [c, S] of g.covariances.entries()) {
    for (let a = 0; a < d; a++)
      for (let b = 0; b < a; b++) if (S[a]![b] !== S[b]![a]) return `gmm.covariances[${c}] is not symmetric`;
  }
  // Positive definiteness, with the engine's own factorisation: one probe row through gmmPredictProba.
  for (const [c, S] of g.covariances.entries()) {
    try {
      gmmPredictProba(gmmOf([1], [means[c]!], [S]), [means[c]!]);
    } catch {
      return `gmm.covariances[${c}] is not positive definite`;
    }
  }
  return undefined;
}

/**
 * The engine's mixture model from saved parameters (only the fields `gmmPredictProba` reads: weights, means and
 * full covariances; the fit-time fields are empty).
 */
export function gmmOf(weights: number[], means: number[][], covariances: number[][][]): GaussianMixtureModel {
  return {
    covarianceType: "full",
    weights,
    means,
    covariances,
    labels: [],
    probabilities: [],
  } as unknown as GaussianMixtureModel;
}
