/**
 * Cleaning a table of rows, never silently: missing numeric values, exact duplicate rows, category values that are
 * misspelt versions of a known vocabulary, and outliers (outside IQR fences or a valid range). Generic: the columns
 * are described by a {@link ColumnSpecs}; the Mall Customers columns are `MALL_CLEANING` in data/load-mall.ts.
 */
import { ArgumentError } from "../core/errors";
import { quantileSorted } from "../core/quantile";

/** The columns a cleaning step looks at. */
export interface ColumnSpecs {
  /** The row identifier column: reported with every issue and action, part of a row's identity for duplicates. */
  id: string;
  /** Numeric columns, in the order issues are reported: `null` or a non-finite value is missing. */
  numeric: readonly string[];
  /** Valid range [min, max] (inclusive) of some numeric columns: a value outside it is an outlier. @default none */
  ranges?: Readonly<Record<string, readonly [number, number]>>;
  /**
   * Categorical columns and their vocabulary (the correct spellings): a value is read leniently (trimmed, any case,
   * a prefix of exactly one word) and rewritten in its correct spelling. @default none
   */
  categorical?: Readonly<Record<string, readonly string[]>>;
}

/** A problem found in a dirty row, before anything is changed. */
export interface DataIssue {
  kind: "missing" | "duplicate" | "category" | "outlier";
  /** 0-based position of the row in the dirty input. */
  row: number;
  /** The row's identifier (the value of the `id` column). */
  id: unknown;
  column?: string;
  value?: number | string | null;
  /** Why it is a problem, in words (e.g. `age=350 is above the upper fence 109.8 (Q3 + 3·IQR)`). */
  reason: string;
}

/** One change made by {@link cleanCustomers}: every dropped row and every changed cell, with the reason. */
export interface CleaningAction {
  action: "drop-row" | "impute" | "fix-category";
  row: number;
  id: unknown;
  column?: string;
  before?: number | string | null;
  after?: number | string;
  reason: string;
}

export interface CleanOptions {
  /** The columns to check and clean. Required. */
  columns: ColumnSpecs;
  /** How to fill a missing numeric value: the column's median or mean over the kept rows, or drop the row. @default "median" */
  impute?: "median" | "mean" | "drop";
  /** What to do with an outlier: drop its row, treat the value as missing (then impute), or keep it. @default "drop" */
  outliers?: "drop" | "impute" | "keep";
  /** Outlier fences: values outside [Q1 − f·IQR, Q3 + f·IQR] (quartiles over the non-missing values). @default 3 */
  iqrFactor?: number;
}

/** A row after cleaning: no missing values left. */
export type Cleaned<R> = { [K in keyof R]: Exclude<R[K], null> };

/** The cleaned rows and the full account of what was done. */
export interface CleanResult<R> {
  rows: Cleaned<R>[];
  /** Every change, in the order it was made. */
  actions: CleaningAction[];
  /** Counts for a one-line report. */
  summary: { rowsIn: number; rowsOut: number; dropped: number; imputed: number; categoriesFixed: number };
}

type Settings = Required<CleanOptions>;
type Cells = Record<string, unknown>;

const defaults = { impute: "median", outliers: "drop", iqrFactor: 3 } as const;

/**
 * Find the problems in rows without changing them: missing numeric values, exact duplicate rows (after reading the
 * categories leniently), category values not spelt as in their vocabulary, values outside the IQR fences of their
 * column or outside its valid range.
 *
 * @param rows - nRows objects holding the columns named in `options.columns`.
 * @param options - `columns` (required) and `iqrFactor` for the outlier fences; see {@link CleanOptions}.
 * @returns one issue per problem, by row.
 * @throws {ArgumentError} on no rows, no column specs, or a non-positive iqrFactor.
 * @example
 * const columns = { id: "id", numeric: ["age"], categorical: { gender: ["Female", "Male"] } };
 * detectIssues([{ id: 1, gender: "femal", age: null }], { columns }).map((i) => i.kind);
 * // => ["category", "missing"]
 */
export function detectIssues<R extends object>(
  rows: readonly R[],
  options: Pick<CleanOptions, "columns" | "iqrFactor">,
): DataIssue[] {
  const settings = { ...defaults, ...options };
  checkInput(rows, settings, "detectIssues");
  return findIssues(rows as readonly Cells[], settings);
}

/**
 * Clean rows, never silently: fix misspelt categories, drop exact duplicates (keeping the first), handle outliers,
 * then impute (or drop) missing values from the kept rows. Every dropped row and changed cell is in `actions`, with
 * its reason. The input is not modified.
 *
 * @param rows - nRows objects holding the columns named in `options.columns`.
 * @param options - `columns` (required), imputation, outlier handling and fences; see {@link CleanOptions}.
 * @returns the clean rows (in input order), the actions and a summary.
 * @throws {ArgumentError} on no rows, a bad option, or a category value that reads as no word of its vocabulary.
 * @example
 * const { summary } = cleanCustomers(makeDirty(customers, { seed: 42 }).rows, { columns: MALL_CLEANING });
 * summary; // => { rowsIn: 203, rowsOut: 199, dropped: 4, imputed: 6, categoriesFixed: 3 }
 */
export function cleanCustomers<R extends object>(rows: readonly R[], options: CleanOptions): CleanResult<R> {
  const settings: Settings = { ...defaults, ...options };
  checkInput(rows, settings, "cleanCustomers");
  return clean(rows as readonly Cells[], settings) as CleanResult<R>;
}

/**
 * Read a category value leniently: trimmed, any case; a word of the vocabulary it equals, else the one word it is a
 * prefix of ("F", "femal", " Male " for Female/Male). Returns null when it reads as none, or as several.
 *
 * @example
 * normaliseCategory(" femal", ["Female", "Male"]); // => "Female"
 */
export function normaliseCategory(value: string, vocabulary: readonly string[]): string | null {
  const v = value.trim().toLowerCase();
  if (v.length === 0) return null;
  const exact = vocabulary.find((word) => word.toLowerCase() === v);
  if (exact !== undefined) return exact;
  const prefixOf = vocabulary.filter((word) => word.toLowerCase().startsWith(v));
  return prefixOf.length === 1 ? prefixOf[0]! : null;
}

/** Computes the issues; assumes validated input. */
function findIssues(
  rows: readonly Cells[],
  { columns, iqrFactor }: Pick<Settings, "columns" | "iqrFactor">,
): DataIssue[] {
  const issues: DataIssue[] = [];
  const fences = outlierFences(rows, columns.numeric, iqrFactor);
  const firstCopy = duplicates(rows, (r) => rowKey(r, columns, true));
  rows.forEach((r, row) => {
    const id = r[columns.id];
    for (const [column, vocabulary] of Object.entries(columns.categorical ?? {})) {
      const value = String(r[column]);
      if (vocabulary.includes(value)) continue;
      const reads = normaliseCategory(value, vocabulary);
      const words = vocabulary.map((w) => `"${w}"`).join(", ");
      const reason = reads
        ? `"${value}" is not spelt as one of ${words} (reads as ${reads})`
        : `"${value}" reads as none of ${words}`;
      issues.push({ kind: "category", row, id, column, value, reason });
    }
    for (const column of columns.numeric) {
      const value = r[column] as number | null;
      if (value === null || !Number.isFinite(value)) {
        issues.push({ kind: "missing", row, id, column, value: null, reason: `${column} is missing` });
        continue;
      }
      const why = outlierReason(column, value, fences[column]!, columns.ranges?.[column], iqrFactor);
      if (why !== null) issues.push({ kind: "outlier", row, id, column, value, reason: why });
    }
    const first = firstCopy[row];
    if (first !== undefined) {
      issues.push({ kind: "duplicate", row, id, reason: `same values as row ${first} (${columns.id} ${String(id)})` });
    }
  });
  return issues;
}

/** Computes the clean rows; assumes validated input. */
function clean(rows: readonly Cells[], opts: Settings): CleanResult<Cells> {
  const { columns } = opts;
  const actions: CleaningAction[] = [];
  // 1. Categories: fix spellings first, so that duplicates compare equal.
  const fixed = rows.map((r, row): Cells => {
    const out = { ...r };
    for (const [column, vocabulary] of Object.entries(columns.categorical ?? {})) {
      const value = String(r[column]);
      const word = normaliseCategory(value, vocabulary);
      if (word === null) {
        throw new ArgumentError(
          `cleanCustomers: row ${row} (${columns.id} ${String(r[columns.id])}) has ${column} "${value}", ` +
            `which reads as none of ${vocabulary.map((w) => `"${w}"`).join(", ")}`,
        );
      }
      if (word === value) continue;
      actions.push({
        action: "fix-category",
        row,
        id: r[columns.id],
        column,
        before: value,
        after: word,
        reason: `"${value}" reads as ${word}`,
      });
      out[column] = word;
    }
    return out;
  });
  // 2. Exact duplicates: keep the first copy.
  const keep = new Array<boolean>(rows.length).fill(true);
  duplicates(fixed, (r) => rowKey(r, columns, false)).forEach((first, row) => {
    if (first === undefined) return;
    keep[row] = false;
    actions.push({ action: "drop-row", row, id: fixed[row]![columns.id], reason: `duplicate of row ${first}` });
  });
  // 3. Outliers, with fences from the de-duplicated rows.
  const fences = outlierFences(
    fixed.filter((_, i) => keep[i]),
    columns.numeric,
    opts.iqrFactor,
  );
  fixed.forEach((r, row) => {
    if (!keep[row]) return;
    for (const column of columns.numeric) {
      const value = r[column] as number | null;
      if (value === null) continue;
      const why = outlierReason(column, value, fences[column]!, columns.ranges?.[column], opts.iqrFactor);
      if (why === null) continue;
      if (opts.outliers === "drop") {
        keep[row] = false;
        actions.push({ action: "drop-row", row, id: r[columns.id], column, before: value, reason: `outlier: ${why}` });
        return;
      }
      if (opts.outliers === "impute") r[column] = null;
    }
  });
  // 4. Missing values: impute from the kept rows (outliers already out), or drop.
  const kept = fixed.filter((_, i) => keep[i]);
  const fill = Object.fromEntries(
    columns.numeric.map((c) => [
      c,
      centre(
        kept.map((r) => r[c] as number | null),
        opts.impute,
      ),
    ]),
  );
  const out: Cells[] = [];
  let imputed = 0;
  fixed.forEach((r, row) => {
    if (!keep[row]) return;
    const missing = columns.numeric.filter((c) => r[c] === null);
    const original = rows[row]!;
    if (missing.length > 0 && opts.impute === "drop") {
      actions.push({
        action: "drop-row",
        row,
        id: r[columns.id],
        column: missing[0],
        before: null,
        reason: `missing ${missing.join(", ")}`,
      });
      return;
    }
    for (const column of missing) {
      const before = original[column] as number | null;
      actions.push({
        action: "impute",
        row,
        id: r[columns.id],
        column,
        before,
        after: fill[column],
        reason: `${before !== null ? "outlier replaced" : "missing"}: ${opts.impute} of ${column} over the kept rows`,
      });
      r[column] = fill[column];
      imputed++;
    }
    out.push(r);
  });
  const categoriesFixed = actions.filter((a) => a.action === "fix-category").length;
  return {
    rows: out,
    actions,
    summary: { rowsIn: rows.length, rowsOut: out.length, dropped: rows.length - out.length, imputed, categoriesFixed },
  };
}

function checkInput(rows: readonly object[], opts: Partial<Settings>, fn: string): void {
  if (!Array.isArray(rows) || rows.length === 0) throw new ArgumentError(`${fn}: rows is empty`);
  const columns = opts.columns;
  if (columns === undefined || typeof columns.id !== "string" || !Array.isArray(columns.numeric)) {
    throw new ArgumentError(`${fn}: options.columns must name the id column and the numeric columns`);
  }
  if (!(opts.iqrFactor! > 0)) throw new ArgumentError(`${fn}: iqrFactor=${opts.iqrFactor} must be > 0`);
  if (opts.impute !== undefined && !["median", "mean", "drop"].includes(opts.impute)) {
    throw new ArgumentError(`${fn}: impute="${opts.impute}" is not median, mean or drop`);
  }
  if (opts.outliers !== undefined && !["drop", "impute", "keep"].includes(opts.outliers)) {
    throw new ArgumentError(`${fn}: outliers="${opts.outliers}" is not drop, impute or keep`);
  }
}

/**
 * Duplicate-row detection (the one place it is done): for each row, the position of the first earlier row with the
 * same key, or undefined for a first copy.
 */
function duplicates(rows: readonly Cells[], keyOf: (row: Cells) => string): (number | undefined)[] {
  const seen = new Map<string, number>();
  return rows.map((r, row) => {
    const key = keyOf(r);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    return first;
  });
}

/** Identity of a row for duplicate detection: the id, the categories (read leniently if asked) and the numbers. */
function rowKey(r: Cells, columns: ColumnSpecs, lenient: boolean): string {
  const categories = Object.entries(columns.categorical ?? {}).map(([column, vocabulary]) => {
    const value = String(r[column]);
    return lenient ? (normaliseCategory(value, vocabulary) ?? value) : value;
  });
  return JSON.stringify([r[columns.id], ...categories, ...columns.numeric.map((c) => r[c])]);
}

/** [Q1 − f·IQR, Q3 + f·IQR] per numeric column, quartiles by linear interpolation over non-missing values. */
function outlierFences(
  rows: readonly Cells[],
  numeric: readonly string[],
  f: number,
): Record<string, [number, number]> {
  const fences: Record<string, [number, number]> = {};
  for (const column of numeric) {
    const values = rows
      .map((r) => r[column])
      .filter((v): v is number => typeof v === "number" && Number.isFinite(v))
      .sort((a, b) => a - b);
    if (values.length === 0) {
      fences[column] = [-Infinity, Infinity];
      continue;
    }
    const q1 = quantileSorted(values, 0.25);
    const q3 = quantileSorted(values, 0.75);
    fences[column] = [q1 - f * (q3 - q1), q3 + f * (q3 - q1)];
  }
  return fences;
}

/** Why `value` is an outlier (outside the fences, else outside the valid range), or null when it is not. */
function outlierReason(
  column: string,
  value: number,
  [lo, hi]: [number, number],
  range: readonly [number, number] | undefined,
  f: number,
): string | null {
  if (value > hi) return `${column}=${value} is above the upper fence ${round1(hi)} (Q3 + ${f}·IQR)`;
  if (value < lo) return `${column}=${value} is below the lower fence ${round1(lo)} (Q1 − ${f}·IQR)`;
  if (range !== undefined && (value < range[0] || value > range[1])) {
    return `${column}=${value} is outside the valid range ${range[0]}..${range[1]}`;
  }
  return null;
}

/** The fill value of a column: median or mean of the non-missing values (0 when there are none). */
function centre(values: (number | null)[], how: "median" | "mean" | "drop"): number {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (present.length === 0) return 0;
  if (how === "mean") return present.reduce((a, b) => a + b, 0) / present.length;
  return quantileSorted(present, 0.5);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
