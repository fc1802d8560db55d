import { ArgumentError } from "../core/errors";
import { quantileSorted } from "../core/quantile";
import type { DirtyCustomer, NumericColumn } from "../data/dirty";
import type { Customer } from "../data/load-mall";

/** A problem found in a dirty row, before anything is changed. */
export interface DataIssue {
  kind: "missing" | "duplicate" | "gender" | "outlier";
  /** 0-based position of the row in the dirty input. */
  row: number;
  customerId: number;
  column?: NumericColumn | "gender";
  value?: number | string | null;
  /** Why it is a problem, in words (e.g. `age=350 is above the upper fence 109.8 (Q3 + 3·IQR)`). */
  reason: string;
}

/** One change made by {@link cleanCustomers}: every dropped row and every changed cell, with the reason. */
export interface CleaningAction {
  action: "drop-row" | "impute" | "fix-gender";
  row: number;
  customerId: number;
  column?: NumericColumn | "gender";
  before?: number | string | null;
  after?: number | string;
  reason: string;
}

export interface CleanOptions {
  /** How to fill a missing numeric value: the column's median or mean over the kept rows, or drop the row. @default "median" */
  impute?: "median" | "mean" | "drop";
  /** What to do with an outlier: drop its row, treat the value as missing (then impute), or keep it. @default "drop" */
  outliers?: "drop" | "impute" | "keep";
  /** Outlier fences: values outside [Q1 − f·IQR, Q3 + f·IQR] (quartiles over the non-missing values). @default 3 */
  iqrFactor?: number;
}

/** The cleaned rows and the full account of what was done. */
export interface CleanResult {
  rows: Customer[];
  /** Every change, in the order it was made. */
  actions: CleaningAction[];
  /** Counts for a one-line report. */
  summary: { rowsIn: number; rowsOut: number; dropped: number; imputed: number; genderFixed: number };
}

const defaults: Required<CleanOptions> = { impute: "median", outliers: "drop", iqrFactor: 3 };

const numericColumns: NumericColumn[] = ["age", "income", "spending"];

/**
 * Find the problems in customer rows without changing them: missing numeric values, exact duplicate
 * rows (after reading the gender leniently), genders that are not exactly "Female"/"Male", and values
 * outside the IQR fences of their column.
 *
 * @param rows - nRows dirty rows (e.g. from `makeDirty`).
 * @param options - `iqrFactor` for the outlier fences; see {@link CleanOptions}.
 * @returns one issue per problem, by row.
 * @throws {ArgumentError} on no rows or a non-positive iqrFactor.
 * @example
 * detectIssues([{ customerId: 1, gender: "femal", age: null, income: 15, spending: 39 }]).map((i) => i.kind);
 * // => ["gender", "missing"]
 */
export function detectIssues(rows: readonly DirtyCustomer[], options: Pick<CleanOptions, "iqrFactor"> = {}): DataIssue[] {
  const opts = { ...defaults, ...options };
  checkInput(rows, opts, "detectIssues");
  return findIssues(rows, opts.iqrFactor);
}

/**
 * Clean dirty customer rows, never silently: fix misspelt genders, drop exact duplicates (keeping
 * the first), handle outliers, then impute (or drop) missing values from the kept rows. Every
 * dropped row and changed cell is in `actions`, with its reason.
 *
 * @param rows - nRows dirty rows.
 * @param options - imputation, outlier handling and fences; see {@link CleanOptions}.
 * @returns the clean rows (in input order), the actions and a summary.
 * @throws {ArgumentError} on no rows, a bad option, or a gender that reads as neither Female nor Male.
 * @example
 * const { rows, summary } = cleanCustomers(makeDirty(customers, { seed: 42 }).rows);
 * summary; // => { rowsIn: 203, rowsOut: 199, dropped: 4, imputed: 6, genderFixed: 3 }
 */
export function cleanCustomers(rows: readonly DirtyCustomer[], options: CleanOptions = {}): CleanResult {
  const opts: Required<CleanOptions> = { ...defaults, ...options };
  checkInput(rows, opts, "cleanCustomers");
  return clean(rows, opts);
}

/**
 * Read a gender leniently: trimmed, any case, a prefix of "female"/"male" of length >= 1 ("F",
 * "femal", " Male "). Returns null when it reads as neither.
 */
export function normaliseGender(value: string): "Female" | "Male" | null {
  const v = value.trim().toLowerCase();
  if (v.length === 0) return null;
  if ("female".startsWith(v)) return "Female";
  if ("male".startsWith(v)) return "Male";
  return null;
}

/** Computes the issues; assumes validated input. */
function findIssues(rows: readonly DirtyCustomer[], iqrFactor: number): DataIssue[] {
  const issues: DataIssue[] = [];
  const fences = outlierFences(rows, iqrFactor);
  const seen = new Map<string, number>();
  rows.forEach((r, row) => {
    const { customerId } = r;
    if (r.gender !== "Female" && r.gender !== "Male") {
      const reads = normaliseGender(r.gender);
      issues.push({ kind: "gender", row, customerId, column: "gender", value: r.gender,
        reason: reads ? `"${r.gender}" is not spelt "Female"/"Male" (reads as ${reads})` : `"${r.gender}" reads as neither Female nor Male` });
    }
    for (const column of numericColumns) {
      const value = r[column];
      if (value === null || !Number.isFinite(value)) {
        issues.push({ kind: "missing", row, customerId, column, value: null, reason: `${column} is missing` });
      } else if (value < fences[column][0] || value > fences[column][1]) {
        issues.push({ kind: "outlier", row, customerId, column, value, reason: fenceReason(column, value, fences[column], iqrFactor) });
      }
    }
    const key = rowKey(r);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    else issues.push({ kind: "duplicate", row, customerId, reason: `same values as row ${first} (CustomerID ${customerId})` });
  });
  return issues;
}

/** Computes the clean rows; assumes validated input. */
function clean(rows: readonly DirtyCustomer[], opts: Required<CleanOptions>): CleanResult {
  const actions: CleaningAction[] = [];
  // 1. Genders: fix spellings first, so that duplicates compare equal.
  const fixed = rows.map((r, row) => {
    const gender = normaliseGender(r.gender);
    if (gender === null) throw new ArgumentError(`cleanCustomers: row ${row} (CustomerID ${r.customerId}) has gender "${r.gender}", which reads as neither Female nor Male`);
    if (gender !== r.gender) {
      actions.push({ action: "fix-gender", row, customerId: r.customerId, column: "gender", before: r.gender, after: gender,
        reason: `"${r.gender}" reads as ${gender}` });
    }
    return { ...r, gender };
  });
  // 2. Exact duplicates: keep the first copy.
  const keep = new Array<boolean>(rows.length).fill(true);
  const seen = new Map<string, number>();
  fixed.forEach((r, row) => {
    const key = rowKey(r);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    else {
      keep[row] = false;
      actions.push({ action: "drop-row", row, customerId: r.customerId, reason: `duplicate of row ${first}` });
    }
  });
  // 3. Outliers, with fences from the de-duplicated rows.
  const fences = outlierFences(fixed.filter((_, i) => keep[i]), opts.iqrFactor);
  fixed.forEach((r, row) => {
    if (!keep[row]) return;
    for (const column of numericColumns) {
      const value = r[column];
      if (value === null || (value >= fences[column][0] && value <= fences[column][1])) continue;
      const why = fenceReason(column, value, fences[column], opts.iqrFactor);
      if (opts.outliers === "drop") {
        keep[row] = false;
        actions.push({ action: "drop-row", row, customerId: r.customerId, column, before: value, reason: `outlier: ${why}` });
        return;
      }
      if (opts.outliers === "impute") r[column] = null;
    }
  });
  // 4. Missing values: impute from the kept rows (outliers already out), or drop.
  const kept = fixed.filter((_, i) => keep[i]);
  const fill = Object.fromEntries(numericColumns.map((c) => [c, centre(kept.map((r) => r[c]), opts.impute)])) as Record<NumericColumn, number>;
  const out: Customer[] = [];
  let imputed = 0;
  fixed.forEach((r, row) => {
    if (!keep[row]) return;
    const missing = numericColumns.filter((c) => r[c] === null);
    const original = rows[row]!;
    if (missing.length > 0 && opts.impute === "drop") {
      actions.push({ action: "drop-row", row, customerId: r.customerId, column: missing[0], before: null, reason: `missing ${missing.join(", ")}` });
      return;
    }
    for (const column of missing) {
      const wasOutlier = original[column] !== null;
      actions.push({ action: "impute", row, customerId: r.customerId, column, before: original[column], after: fill[column],
        reason: `${wasOutlier ? "outlier replaced" : "missing"}: ${opts.impute} of ${column} over the kept rows` });
      r[column] = fill[column];
      imputed++;
    }
    out.push({ customerId: r.customerId, gender: r.gender, age: r.age!, income: r.income!, spending: r.spending! });
  });
  const genderFixed = actions.filter((a) => a.action === "fix-gender").length;
  return { rows: out, actions, summary: { rowsIn: rows.length, rowsOut: out.length, dropped: rows.length - out.length, imputed, genderFixed } };
}

function checkInput(rows: readonly DirtyCustomer[], opts: Required<CleanOptions>, fn: string): void {
  if (!Array.isArray(rows) || rows.length === 0) throw new ArgumentError(`${fn}: rows is empty`);
  if (!(opts.iqrFactor > 0)) throw new ArgumentError(`${fn}: iqrFactor=${opts.iqrFactor} must be > 0`);
  if (!["median", "mean", "drop"].includes(opts.impute)) throw new ArgumentError(`${fn}: impute="${opts.impute}" is not median, mean or drop`);
  if (!["drop", "impute", "keep"].includes(opts.outliers)) throw new ArgumentError(`${fn}: outliers="${opts.outliers}" is not drop, impute or keep`);
}

/** Identity of a row for duplicate detection: all five values. */
function rowKey(r: DirtyCustomer): string {
  return JSON.stringify([r.customerId, normaliseGender(r.gender) ?? r.gender, r.age, r.income, r.spending]);
}

/** [Q1 − f·IQR, Q3 + f·IQR] per numeric column, quartiles by linear interpolation over non-missing values. */
function outlierFences(rows: readonly DirtyCustomer[], f: number): Record<NumericColumn, [number, number]> {
  const fences = {} as Record<NumericColumn, [number, number]>;
  for (const column of numericColumns) {
    const values = rows.map((r) => r[column]).filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
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

function fenceReason(column: string, value: number, [lo, hi]: [number, number], f: number): string {
  return value > hi
    ? `${column}=${value} is above the upper fence ${round1(hi)} (Q3 + ${f}·IQR)`
    : `${column}=${value} is below the lower fence ${round1(lo)} (Q1 − ${f}·IQR)`;
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
