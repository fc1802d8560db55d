/**
 * A tiny, independent reader of the Mall Customers CSV for parity tests, so they do not depend on the project's
 * loader. The file: $MALL_SEGMENTS_DATA_DIR/Mall_Customers.csv, else data/Mall_Customers.csv, else
 * ../shared/data/Mall_Customers.csv (relative to the repository).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";

const ROOT = resolve(__dirname, "..", "..");

/** Path of the Mall Customers CSV used by the tests. */
export function mallCsvPath(): string {
  const candidates = [
    process.env.MALL_SEGMENTS_DATA_DIR && join(process.env.MALL_SEGMENTS_DATA_DIR, "Mall_Customers.csv"),
    join(ROOT, "data", "Mall_Customers.csv"),
    join(ROOT, "..", "shared", "data", "Mall_Customers.csv"),
    "/work/shared/data/Mall_Customers.csv",
  ].filter((p): p is string => typeof p === "string" && p.length > 0);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Mall_Customers.csv not found; tried ${candidates.join(", ")}`);
  return found;
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
