/**
 * A tiny, independent reader of the Mall Customers CSV for parity tests, so they do not depend on the project's
 * loader.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { dataFile } from "./data-files";

/** Path of the Mall Customers CSV used by the tests (see {@link dataFile}). */
export function mallCsvPath(): string {
  return dataFile("Mall_Customers.csv");
}

export interface MallColumns {
  age: number[];
  income: number[];
  spending: number[];
  gender: string[];
}

/** The Mall columns, in file order. */
export function readMall(): MallColumns {
  const records = parse(readFileSync(mallCsvPath(), "utf8"), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return {
    age: records.map((r) => Number(r["Age"])),
    income: records.map((r) => Number(r["Annual Income (k$)"])),
    spending: records.map((r) => Number(r["Spending Score (1-100)"])),
    gender: records.map((r) => r["Gender"]!),
  };
}

/** Feature matrices named as in test/fixtures/core.json. */
export function mallFeatures(): { income_spending: number[][]; age_income_spending: number[][] } {
  const m = readMall();
  return {
    income_spending: m.income.map((x, i) => [x, m.spending[i]!]),
    age_income_spending: m.age.map((x, i) => [x, m.income[i]!, m.spending[i]!]),
  };
}
