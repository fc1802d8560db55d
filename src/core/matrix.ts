import { ArgumentError } from "./errors";

/** A data matrix: nSamples rows × nFeatures columns (rows = customers). */
export type Matrix = number[][];

/** Cluster labels, numbered from 0; -1 marks noise (DBSCAN). */
export type Labels = ArrayLike<number>;

/** Row-major flat storage of a matrix, the layout the hot loops use. */
export interface FlatMatrix {
  data: Float64Array;
  nSamples: number;
  nFeatures: number;
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
