import { ArgumentError } from "../core/errors";
import type { Matrix } from "../core/matrix";

export interface OneHotOptions {
  /** The categories, in column order. @default the distinct values, sorted */
  categories?: string[];
  /** Drop the first category's column (k − 1 columns, no redundant column for linear models). @default false */
  dropFirst?: boolean;
  /** Column name prefix: names are `${prefix}=${category}`. @default "" (names are the categories) */
  prefix?: string;
}

/** A one-hot encoding: a 0/1 matrix and the name of each column. */
export interface OneHotResult {
  /** nSamples × nColumns of 0/1. */
  X: Matrix;
  columns: string[];
  categories: string[];
}

/**
 * One-hot encode a categorical column: one 0/1 column per category (e.g. gender → Female, Male).
 *
 * @param values - nSamples category values.
 * @param options - categories, dropFirst, prefix; see {@link OneHotOptions}.
 * @returns `{ X, columns, categories }`, X of nSamples × nColumns.
 * @throws {ArgumentError} on no values, or a value not among the given categories.
 * @example
 * oneHotEncode(["Male", "Female", "Male"]).X; // => [[0, 1], [1, 0], [0, 1]]
 */
export function oneHotEncode(values: readonly string[], options: OneHotOptions = {}): OneHotResult {
  if (values.length === 0) throw new ArgumentError("oneHotEncode: values is empty");
  const categories = options.categories ?? [...new Set(values)].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  values.forEach((v, i) => {
    if (!index.has(v))
      throw new ArgumentError(
        `oneHotEncode: values[${i}] = "${v}" is not one of the categories ${JSON.stringify(categories)}`,
      );
  });
  const first = options.dropFirst ? 1 : 0;
  const prefix = options.prefix ? `${options.prefix}=` : "";
  const columns = categories.slice(first).map((c) => prefix + c);
  const X = values.map((v) => categories.slice(first).map((c) => (c === v ? 1 : 0)));
  return { X, columns, categories };
}
