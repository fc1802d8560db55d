/**
 * Degenerate data told plainly, before any clustering: values whose squares overflow a double, and fewer distinct
 * points than the segments asked for (k-means would return duplicate centres and call it k segments).
 */
import { DataError } from "../core/errors";
import type { Matrix } from "../core/matrix";

export interface CheckDegenerateOptions {
  /** Names the file in errors. */
  file: string;
  /** Column names of the matrix, for errors. @default "column j" */
  columns?: readonly string[];
  /** The number of segments asked for, or "auto". @default "auto" */
  k?: number | "auto";
  /** Distinct rows are counted up to this many (counting all of 10⁶ rows is not needed). @default 11 */
  countUpTo?: number;
}

/**
 * Check a scaled matrix: every value and every row's squared norm must be finite, and (for a numeric k) there must
 * be at least k distinct rows.
 *
 * @param Z - nSamples × nColumns, scaled.
 * @returns the number of distinct rows, counted up to max(k, countUpTo).
 * @throws {DataError} `…: values too large: squared distances overflow …` or `…: only 3 distinct rows, fewer than k=5 segments …`.
 * @example
 * checkDegenerate([[0, 0], [0, 0], [1, 1]], { file: "c.csv", k: 2 }); // => 2
 */
export function checkDegenerate(Z: Matrix, options: CheckDegenerateOptions): number {
  const { file } = options;
  const k = options.k ?? "auto";
  const limit = Math.max(k === "auto" ? 0 : k, options.countUpTo ?? 11);
  for (let i = 0; i < Z.length; i++) {
    let squares = 0;
    for (const z of Z[i]!) squares += z * z;
    if (!Number.isFinite(squares)) {
      const j = Z[i]!.findIndex((z) => !Number.isFinite(z * z));
      const column = options.columns?.[j] ?? `column ${j + 1}`;
      throw new DataError(
        `values too large: squared distances overflow a double (near ±1.8e308); rescale "${column}" (e.g. to thousands)`,
        { file },
      );
    }
  }
  const seen = new Set<string>();
  for (let i = 0; i < Z.length && seen.size < limit; i++) seen.add(Z[i]!.join(","));
  if (k !== "auto" && seen.size < k) {
    throw new DataError(
      `only ${seen.size} distinct rows, fewer than k=${k} segments; give --k ${Math.max(1, seen.size)} or fewer`,
      { file },
    );
  }
  return seen.size;
}
