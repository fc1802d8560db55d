/**
 * Turn a customers CSV into the numbers a segmentation needs: the ID column, the numeric features and the
 * categorical columns, with every problem named by file, row and column, and missing values counted,
 * then refused or imputed/dropped as asked.
 */
import { DataError } from "../core/errors";
import type { Matrix } from "../core/matrix";
import type { InputEncoding } from "../io/read-input";
import { isMissingValue, MISSING_CATEGORY } from "./missing-values";
import { openCsvRows, type Delimiter } from "./read-csv";

/** What to do with missing feature values. */
export type ImputeMethod = "none" | "median" | "drop";

export interface CustomerTableSpec {
  /** The ID column. */
  id: string;
  /** Numeric feature columns, in model order. */
  features: string[];
  /** Categorical columns (text). @default [] */
  categorical?: string[];
  /** "none" refuses missing values, "median" fills them with the column median, "drop" drops their rows. @default "none" */
  impute?: ImputeMethod;
  /** @default "auto" */
  delimiter?: Delimiter;
  /** The file's text encoding (invalid UTF-8 is refused with its byte offset). @default "utf-8" */
  encoding?: InputEncoding;
  /** Medians to impute with instead of the file's own (scoring new customers with a saved model). */
  imputeValues?: Record<string, number>;
  /** Check that IDs are unique. @default true */
  uniqueIds?: boolean;
}

/** The parsed, validated table. */
export interface CustomerTable {
  file: string;
  delimiter: "," | ";" | "\t";
  /** Data rows in the file. */
  rowsRead: number;
  /** IDs of the kept rows. */
  ids: string[];
  /** Kept rows × features, finite numbers. */
  X: Matrix;
  /** Categorical column → value of each kept row (a missing value is "(missing)"). */
  categorical: Record<string, string[]>;
  /** Missing cells found, by column (features and categorical). */
  missing: Record<string, number>;
  /** Rows dropped by `impute: "drop"`. */
  dropped: number;
  /** Cells filled by `impute: "median"`, by feature. */
  imputed: Record<string, number>;
  /** The value each feature was (or would be) imputed with: the median of its present values. */
  imputeValues: Record<string, number>;
}

/**
 * Read and validate a customers CSV.
 *
 * @throws {DataError} missing/empty/binary file, broken quoting, ragged rows, header only, an unknown or
 *   repeated column, a missing ID, a duplicate ID, a non-numeric or infinite value, missing values without
 *   `impute`, or no rows left after dropping.
 */
export function readCustomerTable(file: string, spec: CustomerTableSpec): CustomerTable {
  const categoricalNames = spec.categorical ?? [];
  const impute = spec.impute ?? "none";
  const source = openCsvRows(file, { delimiter: spec.delimiter ?? "auto", encoding: spec.encoding ?? "utf-8" });
  const { header } = source;
  const col = (name: string): number => {
    const j = header.indexOf(name);
    if (j < 0) {
      throw new DataError(
        `column "${clip(name)}" not found (columns: ${clip(header.map((h) => JSON.stringify(h)).join(", "), 300)})`,
        {
          file,
          row: 1,
        },
      );
    }
    return j;
  };
  const seenHeader = new Set<string>();
  for (const h of header) {
    if (seenHeader.has(h))
      throw new DataError(`the header names column "${clip(h)}" twice`, { file, row: 1, column: clip(h) });
    seenHeader.add(h);
  }
  const idCol = col(spec.id);
  const featureCols = spec.features.map(col);
  const catCols = categoricalNames.map(col);
  const n = source.nRows;
  if (n === 0) throw new DataError("header only: the file has no data rows", { file, row: 2 });

  const d = spec.features.length;
  const values = new Float64Array(n * d);
  const isMissing = new Uint8Array(n * d);
  const ids = new Array<string>(n);
  const cats = categoricalNames.map(() => new Array<string>(n));
  // User column names are keys: null-prototype objects, so "__proto__" or "constructor" is an ordinary name.
  const missing: Record<string, number> = Object.create(null);
  const firstMissing: Record<string, number> = Object.create(null);
  const seenIds = spec.uniqueIds === false ? undefined : new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const cells = source.row(r);
    const line = source.line(r);
    const id = cells[idCol]!.trim();
    if (isMissingValue(id)) throw new DataError("missing ID", { file, row: line, column: spec.id });
    if (seenIds) {
      const before = seenIds.get(id);
      if (before !== undefined) {
        throw new DataError(`duplicate ID "${clip(id)}" (first at row ${before})`, {
          file,
          row: line,
          column: spec.id,
        });
      }
      seenIds.set(id, line);
    }
    ids[r] = id;
    for (let j = 0; j < d; j++) {
      const text = cells[featureCols[j]!]!.trim();
      if (isMissingValue(text)) {
        isMissing[r * d + j] = 1;
        const name = spec.features[j]!;
        missing[name] = (missing[name] ?? 0) + 1;
        firstMissing[name] ??= line;
        continue;
      }
      const x = parseNumber(text);
      if (Number.isNaN(x))
        throw new DataError(`not a number: "${clip(text)}"`, { file, row: line, column: spec.features[j] });
      if (!Number.isFinite(x))
        throw new DataError(`not a finite number: "${clip(text)}"`, { file, row: line, column: spec.features[j] });
      values[r * d + j] = x;
    }
    for (let c = 0; c < catCols.length; c++) {
      const text = cells[catCols[c]!]!.trim();
      if (text === "") {
        const name = categoricalNames[c]!;
        missing[name] = (missing[name] ?? 0) + 1;
        cats[c]![r] = MISSING_CATEGORY;
      } else cats[c]![r] = text;
    }
  }

  const imputeValues: Record<string, number> = Object.create(null);
  spec.features.forEach((name, j) => {
    const given = spec.imputeValues && Object.hasOwn(spec.imputeValues, name) ? spec.imputeValues[name] : undefined;
    imputeValues[name] = given ?? columnMedian(values, isMissing, n, d, j);
  });
  const missingFeatures = spec.features.filter((f) => missing[f]);
  if (missingFeatures.length > 0 && impute === "none") {
    const total = missingFeatures.reduce((s, f) => s + missing[f]!, 0);
    const detail = missingFeatures.map((f) => `"${f}": ${missing[f]} (first at row ${firstMissing[f]})`).join(", ");
    throw new DataError(
      `${total} missing value${total > 1 ? "s" : ""} in feature columns (${detail}); rerun with --impute median or --impute drop`,
      { file },
    );
  }
  const keep: number[] = [];
  const imputed: Record<string, number> = Object.create(null);
  let dropped = 0;
  for (let r = 0; r < n; r++) {
    let rowMissing = false;
    for (let j = 0; j < d; j++) if (isMissing[r * d + j]) rowMissing = true;
    if (rowMissing && impute === "drop") {
      dropped++;
      continue;
    }
    if (rowMissing) {
      for (let j = 0; j < d; j++) {
        if (!isMissing[r * d + j]) continue;
        const name = spec.features[j]!;
        const fill = imputeValues[name]!;
        if (!Number.isFinite(fill))
          throw new DataError(`every value is missing, nothing to impute from`, { file, column: name });
        values[r * d + j] = fill;
        imputed[name] = (imputed[name] ?? 0) + 1;
      }
    }
    keep.push(r);
  }
  if (keep.length === 0)
    throw new DataError(`no rows left after dropping ${dropped} rows with missing values`, { file });
  const X: Matrix = keep.map((r) => Array.from(values.subarray(r * d, (r + 1) * d)));
  const categorical: Record<string, string[]> = Object.create(null);
  categoricalNames.forEach((name, c) => (categorical[name] = keep.map((r) => cats[c]![r]!)));
  return {
    file,
    delimiter: source.delimiter,
    rowsRead: n,
    ids: keep.length === n ? ids : keep.map((r) => ids[r]!),
    X,
    categorical,
    missing,
    dropped,
    imputed,
    imputeValues,
  };
}

/** A decimal number as written in a CSV ("12", "-3.5", "1e3", "+.5"); anything else (incl. "0x10", "1,5") is NaN. */
export function parseNumber(text: string): number {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  return NaN;
}

function columnMedian(values: Float64Array, isMissing: Uint8Array, n: number, d: number, j: number): number {
  const present: number[] = [];
  for (let r = 0; r < n; r++) if (!isMissing[r * d + j]) present.push(values[r * d + j]!);
  if (present.length === 0) return NaN;
  const sorted = Float64Array.from(present).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A user's text cut for a one-line message. */
export function clip(text: string, max = 40): string {
  return text.length > max ? text.slice(0, max) + "…" : text;
}
