import { ArgumentError } from "../core/errors";
import { quantileSorted } from "../core/quantile";

/** pandas-style summary of one numeric column. */
export interface ColumnSummary {
  column: string;
  count: number;
  mean: number;
  /** Sample standard deviation (ddof = 1), as pandas' describe. */
  std: number;
  min: number;
  q25: number;
  median: number;
  q75: number;
  max: number;
}

/**
 * `describe()` of numeric columns, as pandas prints it: count, mean, std (ddof = 1), min, quartiles, max.
 *
 * @param columns - column name → values (all the same length or not: each is summarised alone).
 * @returns one summary per column, in the given order.
 * @throws {ArgumentError} for an empty or non-finite column.
 * @example describe({ age: [19, 21, 20] })[0].mean // => 20
 */
export function describe(columns: Record<string, readonly number[]>): ColumnSummary[] {
  return Object.entries(columns).map(([column, values]) => {
    if (values.length === 0) throw new ArgumentError(`describe: column "${column}" is empty`);
    if (!values.every(Number.isFinite)) throw new ArgumentError(`describe: column "${column}" has non-finite values`);
    const n = values.length;
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const sumSq = values.reduce((s, v) => s + (v - mean) ** 2, 0);
    const sorted = Float64Array.from(values).sort();
    return {
      column,
      count: n,
      mean,
      std: n > 1 ? Math.sqrt(sumSq / (n - 1)) : NaN,
      min: sorted[0]!,
      q25: quantileSorted(sorted, 0.25),
      median: quantileSorted(sorted, 0.5),
      q75: quantileSorted(sorted, 0.75),
      max: sorted[n - 1]!,
    };
  });
}

/**
 * Pearson correlation matrix of the columns (pandas `DataFrame.corr()`).
 * @param columns - column name → values, all of one length n ≥ 2.
 * @returns `{ names, r }` with r[i][j] the correlation of columns i and j (1 on the diagonal).
 * @throws {ArgumentError} for columns of different lengths or fewer than 2 values.
 */
export function correlationMatrix(columns: Record<string, readonly number[]>): { names: string[]; r: number[][] } {
  const names = Object.keys(columns);
  const values = names.map((name) => columns[name]!);
  const n = values[0]?.length ?? 0;
  if (n < 2) throw new ArgumentError(`correlationMatrix: need at least 2 values per column, got ${n}`);
  for (const [i, v] of values.entries()) {
    if (v.length !== n)
      throw new ArgumentError(`correlationMatrix: column "${names[i]}" has ${v.length} values, expected ${n}`);
  }
  const centred = values.map((v) => {
    const mean = v.reduce((s, x) => s + x, 0) / n;
    return v.map((x) => x - mean);
  });
  const norms = centred.map((c) => Math.sqrt(c.reduce((s, x) => s + x * x, 0)));
  const r = centred.map((a, i) =>
    centred.map((b, j) => (i === j ? 1 : a.reduce((s, x, t) => s + x * b[t]!, 0) / (norms[i]! * norms[j]!))),
  );
  return { names, r };
}
