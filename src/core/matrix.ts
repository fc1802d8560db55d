import { ArgumentError } from "./errors";

/** A data matrix: nSamples rows × nFeatures columns (rows = customers). */
export type Matrix = number[][];

/** Cluster labels, numbered from 0; -1 marks noise (DBSCAN). */
export type Labels = ArrayLike<number>;

/**
 * A typed matrix: nSamples × nFeatures values in one row-major Float64Array (row i is
 * `data[i·nFeatures … (i+1)·nFeatures)`), like a C-ordered float64 numpy array. Functions that accept it read
 * `data` in place, without copying it; build one with `matrix(data, [nSamples, nFeatures])`.
 */
export interface FlatMatrix {
  /** nSamples · nFeatures values, row after row. */
  data: Float64Array;
  nSamples: number;
  nFeatures: number;
}

/** A data matrix as rows (`number[][]`) or as a typed matrix (`FlatMatrix`). */
export type MatrixInput = Matrix | FlatMatrix;

/**
 * Wrap row-major values as a typed matrix, without copying them.
 *
 * @param data - nSamples · nFeatures values, row after row (a Float64Array over a SharedArrayBuffer is kept as it is).
 * @param shape - [nSamples, nFeatures], positive integers.
 * @returns `{ data, nSamples, nFeatures }` sharing `data`.
 * @throws {ArgumentError} when data is not a Float64Array or its length is not nSamples · nFeatures.
 * @example
 * matrix(new Float64Array([1, 2, 3, 4, 5, 6]), [3, 2]).nSamples; // => 3   (rows [1, 2], [3, 4], [5, 6])
 */
export function matrix(data: Float64Array, shape: readonly [number, number]): FlatMatrix {
  const [nSamples, nFeatures] = shape;
  const X = { data, nSamples, nFeatures };
  checkFlatShape(X, "matrix");
  return X;
}

/** Whether X is a typed matrix rather than rows. */
export function isFlatMatrix(X: MatrixInput): X is FlatMatrix {
  return !Array.isArray(X) && typeof X === "object" && X !== null;
}

/**
 * Check a typed matrix: a Float64Array of nSamples · nFeatures finite values, nSamples and nFeatures >= 1.
 * @returns its shape.
 * @throws {ArgumentError} naming `fn`, on a bad shape or a NaN / ±Infinity (with its row and column).
 */
export function checkFlatMatrix(X: FlatMatrix, fn: string): { nSamples: number; nFeatures: number } {
  checkFlatShape(X, fn);
  const { data, nFeatures } = X;
  for (let i = 0; i < data.length; i++) {
    // v - v is 0 for a finite v and NaN for NaN and ±Infinity: one comparison per value
    const v = data[i]!;
    if (v - v !== 0) {
      const row = Math.floor(i / nFeatures);
      throw new ArgumentError(`${fn}: X[${row}][${i - row * nFeatures}] = ${v} is not a finite number`);
    }
  }
  return { nSamples: X.nSamples, nFeatures };
}

function checkFlatShape({ data, nSamples, nFeatures }: FlatMatrix, fn: string): void {
  if (!(data instanceof Float64Array)) throw new ArgumentError(`${fn}: X.data must be a Float64Array`);
  for (const [name, value] of [
    ["nSamples", nSamples],
    ["nFeatures", nFeatures],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new ArgumentError(`${fn}: ${name}=${value} must be an integer >= 1`);
  }
  if (data.length !== nSamples * nFeatures) {
    throw new ArgumentError(
      `${fn}: X.data has ${data.length} values, need nSamples·nFeatures = ${nSamples}·${nFeatures} = ${nSamples * nFeatures}`,
    );
  }
}

/**
 * Validate rows or a typed matrix and return flat storage: a typed matrix as it is (not copied), rows copied once.
 * @throws {ArgumentError} as `checkMatrix` / `checkFlatMatrix`.
 */
export function flatInput(X: MatrixInput, fn: string): FlatMatrix {
  if (isFlatMatrix(X)) {
    checkFlatMatrix(X, fn);
    return { data: X.data, nSamples: X.nSamples, nFeatures: X.nFeatures };
  }
  checkMatrix(X, fn);
  return toFlat(X);
}

/**
 * Check that `X` is a non-empty rectangular matrix of finite numbers.
 *
 * @param X - nSamples × nFeatures.
 * @param fn - the calling function's name, used in the error message.
 * @returns its shape.
 * @throws {ArgumentError} on empty X, ragged rows, NaN or ±Infinity.
 */
export function checkMatrix(X: Matrix, fn: string): { nSamples: number; nFeatures: number } {
  if (!Array.isArray(X) || X.length === 0) throw new ArgumentError(`${fn}: X is empty (need at least 1 row)`);
  const nFeatures = X[0]?.length ?? 0;
  if (nFeatures === 0) throw new ArgumentError(`${fn}: X has rows with 0 features`);
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    if (row.length !== nFeatures) {
      throw new ArgumentError(`${fn}: ragged X: row ${i} has ${row.length} values, row 0 has ${nFeatures}`);
    }
    for (let j = 0; j < nFeatures; j++) {
      if (!Number.isFinite(row[j])) throw new ArgumentError(`${fn}: X[${i}][${j}] = ${row[j]} is not a finite number`);
    }
  }
  return { nSamples: X.length, nFeatures };
}

/**
 * Check that `labels` has one entry per sample, each an integer >= -1.
 * @throws {ArgumentError} on a wrong length or a non-integer label.
 */
export function checkLabels(labels: Labels, nSamples: number, fn: string): void {
  if (labels.length !== nSamples) {
    throw new ArgumentError(`${fn}: labels has length ${labels.length}, X has ${nSamples} rows`);
  }
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (!Number.isInteger(l) || l < -1) throw new ArgumentError(`${fn}: labels[${i}] = ${l} is not a cluster number`);
  }
}

/** Copy a (validated) `number[][]` into row-major flat storage. */
export function toFlat(X: Matrix): FlatMatrix {
  const nSamples = X.length;
  const nFeatures = X[0]!.length;
  const data = new Float64Array(nSamples * nFeatures);
  for (let i = 0; i < nSamples; i++) data.set(X[i]!, i * nFeatures);
  return { data, nSamples, nFeatures };
}

/** Copy flat storage back into `number[][]`. */
export function fromFlat({ data, nSamples, nFeatures }: FlatMatrix): Matrix {
  const X: Matrix = new Array(nSamples);
  for (let i = 0; i < nSamples; i++) X[i] = Array.from(data.subarray(i * nFeatures, (i + 1) * nFeatures));
  return X;
}

/** Column `j` of X. */
export function column(X: Matrix, j: number): number[] {
  return X.map((row) => row[j]!);
}
