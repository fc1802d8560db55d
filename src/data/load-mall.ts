import { DataError } from "../core/errors";
import type { Matrix } from "../core/matrix";
import type { ColumnSpecs } from "../preprocess/clean";
import { type CsvTable, readCsv, parseCsv } from "./read-csv";

/** One customer of the Mall Customers data set. */
export interface Customer {
  customerId: number;
  gender: "Female" | "Male";
  age: number;
  /** Annual income in thousands of dollars (k$). */
  income: number;
  /** Spending score assigned by the mall, 1–100. */
  spending: number;
}

/** The numeric features of a {@link Customer}, in the data set's column order. */
export type MallFeature = "age" | "income" | "spending";

/** The numeric features, in the data set's column order. */
export const MALL_FEATURES: readonly MallFeature[] = ["age", "income", "spending"];

/** The genders of the data set, as spelt in the file. */
export const MALL_GENDERS: readonly Customer["gender"][] = ["Female", "Male"];

/** Column headers of the data set, by feature. */
export const MALL_COLUMNS = {
  customerId: "CustomerID",
  gender: "Gender",
  age: "Age",
  income: "Annual Income (k$)",
  spending: "Spending Score (1-100)",
} as const;

/** Human labels for the features, as the charts print them. */
export const FEATURE_LABELS: Record<MallFeature, string> = {
  age: "Age",
  income: "Annual Income (k$)",
  spending: "Spending Score (1-100)",
};

/** Valid value ranges (inclusive), checked by the loader. */
export const MALL_RANGES: Readonly<Record<MallFeature, readonly [number, number]>> = {
  age: [0, 120],
  income: [0, 10_000],
  spending: [1, 100],
};

/**
 * The Mall columns as the cleaning functions take them (`detectIssues`, `cleanCustomers` in preprocess/clean.ts):
 * the ID, the three numeric features with their valid ranges, and the gender vocabulary.
 * @example cleanCustomers(makeDirty(customers).rows, { columns: MALL_CLEANING })
 */
export const MALL_CLEANING: ColumnSpecs = {
  id: "customerId",
  numeric: MALL_FEATURES,
  ranges: MALL_RANGES,
  categorical: { gender: MALL_GENDERS },
};

export interface MallData {
  file: string;
  customers: Customer[];
  /** The gender column's header in this file: `Gender`, or `Genre` in the older layout. */
  genderHeader: "Gender" | "Genre";
}

/**
 * Load and validate the Mall Customers CSV (`CustomerID, Gender|Genre, Age, Annual Income (k$),
 * Spending Score (1-100)`; a BOM, CRLF, quoted fields and the `Genre` header are accepted).
 * Nothing is dropped: any bad value stops the load with its location.
 *
 * @param file - path of the CSV.
 * @returns 200 customers for the original data.
 * @throws {DataError} missing/empty file, header only, missing column, missing value, a non-numeric or
 *   out-of-range number, an unknown gender, a duplicate CustomerID, an undetected delimiter.
 * @example
 * loadMallCustomers("data/Mall_Customers.csv").customers.length
 * // => 200
 */
export function loadMallCustomers(file: string): MallData {
  return toMallData(readCsv(file));
}

/** {@link loadMallCustomers} on CSV text in memory; `file` names it in errors. */
export function parseMallCustomers(text: string, file = "<text>"): MallData {
  return toMallData(parseCsv(text, file));
}

function toMallData(table: CsvTable): MallData {
  const { file } = table;
  const genderHeader = table.header.includes("Genre") && !table.header.includes("Gender") ? "Genre" : "Gender";
  const index = columnIndex(table, genderHeader);
  if (table.rows.length === 0) throw new DataError("header only: the file has no data rows", { file, row: 2 });
  const seen = new Map<number, number>();
  const customers = table.rows.map((cells, r): Customer => {
    const row = table.lines[r]!;
    const cell = (key: keyof typeof MALL_COLUMNS): string => {
      const column = key === "gender" ? genderHeader : MALL_COLUMNS[key];
      const value = cells[index[key]]!.trim();
      if (value === "" || value.toUpperCase() === "NA" || value.toUpperCase() === "NAN") {
        throw new DataError("missing value", { file, row, column });
      }
      return value;
    };
    const customerId = parseNumber(cell("customerId"), { file, row, column: MALL_COLUMNS.customerId }, true);
    const firstRow = seen.get(customerId);
    if (firstRow !== undefined) {
      throw new DataError(`duplicate CustomerID ${customerId} (first seen on row ${firstRow})`, {
        file,
        row,
        column: MALL_COLUMNS.customerId,
      });
    }
    seen.set(customerId, row);
    return {
      customerId,
      gender: parseGender(cell("gender"), { file, row, column: genderHeader }),
      age: parseFeature("age", cell("age"), file, row),
      income: parseFeature("income", cell("income"), file, row),
      spending: parseFeature("spending", cell("spending"), file, row),
    };
  });
  return { file, customers, genderHeader };
}

/** Positions of the required columns, or a DataError naming what is missing. */
function columnIndex(table: CsvTable, genderHeader: string): Record<keyof typeof MALL_COLUMNS, number> {
  const wanted = { ...MALL_COLUMNS, gender: genderHeader };
  const missing = Object.values(wanted).filter((name) => !table.header.includes(name));
  if (missing.length > 0) {
    const hint =
      table.header.length === 1 ? ` (the header has a single column: is the delimiter one of , ; or tab?)` : "";
    throw new DataError(`missing column(s) ${missing.map((m) => `"${m}"`).join(", ")}${hint}`, {
      file: table.file,
      row: 1,
    });
  }
  const entries = Object.entries(wanted).map(([key, name]) => [key, table.header.indexOf(name)]);
  return Object.fromEntries(entries) as Record<keyof typeof MALL_COLUMNS, number>;
}

function parseNumber(text: string, where: { file: string; row: number; column: string }, integer = false): number {
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) throw new DataError(`"${text}" is not a number`, where);
  if (integer && !Number.isInteger(value)) throw new DataError(`"${text}" is not an integer`, where);
  return value;
}

function parseFeature(feature: MallFeature, text: string, file: string, row: number): number {
  const column = MALL_COLUMNS[feature];
  const value = parseNumber(text, { file, row, column });
  const [lo, hi] = MALL_RANGES[feature];
  if (value < lo || value > hi)
    throw new DataError(`${value} is outside the valid range ${lo}..${hi}`, { file, row, column });
  return value;
}

function parseGender(text: string, where: { file: string; row: number; column: string }): "Female" | "Male" {
  const lower = text.toLowerCase();
  if (lower === "female") return "Female";
  if (lower === "male") return "Male";
  throw new DataError(`unknown gender "${text}" (expected Female or Male)`, where);
}

/**
 * The feature matrix of the customers, columns in the order given.
 * @returns nCustomers × features.length.
 * @example mallMatrix([{ customerId: 7, gender: "Female", age: 30, income: 52, spending: 61 }], ["income", "spending"])
 * // => [[52, 61]]
 */
export function mallMatrix(
  customers: readonly Pick<Customer, MallFeature>[],
  features: readonly MallFeature[],
): Matrix {
  return customers.map((c) => features.map((f) => c[f]));
}
