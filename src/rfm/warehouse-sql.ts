/**
 * The RFM pipeline as one SQL script for a warehouse: the cleaning rules and funnel, recency / frequency /
 * monetary, AOV, tenure, CLV, the quintile scores and the named segments, over a table `transactions`.
 *
 * One source of truth: the DuckDB files in `src/rfm/sql/` (the ones `rfmFeatures` runs, plus
 * `score-segments.sql`). The `postgres` and `spark` scripts are not kept by hand: the set-up transpiles the
 * DuckDB script with sqlglot (`scripts/rfm-sql-dialects.mjs` → `scripts/transpile_sql.py`) into
 * `dist/rfm/sql/dialects/`, and a test checks that those files are current.
 */
import fs from "node:fs";
import path from "node:path";
import { ArgumentError } from "../core/errors";
import type { QuintileTies } from "./scoring";
import { RFM_SEGMENT_GRID } from "./segments";
import { rfmSql, sqlString } from "./sql-files";

export type RfmSqlDialect = "duckdb" | "postgres" | "spark";

export const RFM_SQL_DIALECTS: readonly RfmSqlDialect[] = ["duckdb", "postgres", "spark"];

/** The tie rules a script is written for (one file per dialect and rule). */
export const RFM_SQL_TIES: readonly QuintileTies[] = ["first", "min"];

/** The CLV assumptions written into the script: `rfmFeatures`' defaults. */
export const RFM_SQL_CLV = { margin: 0.25, retention: 0.8, discountRate: 0.1 } as const;

export interface RfmWarehouseSqlOptions {
  /** @default "duckdb" */
  dialect?: RfmSqlDialect;
  /** Quintile tie rule of the scores, as in `rfmScores`. @default "first" */
  ties?: QuintileTies;
}

const defaults: Required<RfmWarehouseSqlOptions> = { dialect: "duckdb", ties: "min" };

/**
 * The RFM script for a dialect: a header that names the input table and its columns, three views
 * (`transaction_rules`, `clean_transactions`, `customer_features`) and two queries (the cleaning funnel,
 * then the RFM table: one row per customer, ordered by customer_id).
 *
 * @param options - `dialect` (default duckdb) and `ties` (default min, as `rfmScores`).
 * @returns SQL text; statements end with `;` at the end of a line.
 * @throws {ArgumentError} for an unknown dialect or tie rule.
 * @throws {Error} when the postgres/spark variant has not been generated (run `node scripts/setup.mjs`).
 * @example
 * rfmWarehouseSql({ dialect: "spark" });
 * // => "-- RFM features, scores and named segments for spark …\nCREATE OR REPLACE TEMPORARY VIEW transaction_rules AS …"
 */
export function rfmWarehouseSql(options: RfmWarehouseSqlOptions = {}): string {
  const opts = { ...defaults, ...options };
  if (!RFM_SQL_DIALECTS.includes(opts.dialect)) {
    throw new ArgumentError(`rfmWarehouseSql: dialect "${opts.dialect}" must be one of ${RFM_SQL_DIALECTS.join(", ")}`);
  }
  if (!RFM_SQL_TIES.includes(opts.ties))
    throw new ArgumentError(`rfmWarehouseSql: ties "${opts.ties}" must be one of ${RFM_SQL_TIES.join(", ")}`);
  const body = opts.dialect === "duckdb" ? rfmDuckDbScript(opts.ties) : readVariant(opts.dialect, opts.ties);
  return header(opts.dialect, opts.ties) + body;
}

/**
 * The DuckDB script without its header: the source the other dialects are transpiled from.
 * @param ties - the quintile tie rule.
 */
export function rfmDuckDbScript(ties: QuintileTies): string {
  const { margin, retention, discountRate } = RFM_SQL_CLV;
  // The CLV rates as doubles, as rfmFeatures binds them (a decimal literal would change the last bits).
  const double = (x: number): string => `CAST(${x} AS DOUBLE)`;
  const features = withoutTrailingSemicolon(
    rfmSql("customer-features")
      .replace(/\$margin\b/g, double(margin))
      .replace(/\$retention\b/g, double(retention))
      .replace(/\$discount_rate\b/g, double(discountRate))
      // no as-of day in a warehouse: the snapshot is the day after the latest invoice, a plain DATE expression (so
      // the transpiler sees date − date and writes DATEDIFF for Spark)
      .replace(
        /COALESCE\(TRY_CAST\(\$as_of AS DATE\), (CAST\(MAX\(invoice_day\) \+ INTERVAL '1' DAY AS DATE\))\)/g,
        "$1",
      ),
  );
  const scoreOf = (bin: string, value: string): string =>
    ties === "first" ? bin : `MIN(${bin}) OVER (PARTITION BY ${value})`;
  const scores = rfmSql("score-segments", {
    r_score: scoreOf("r_bin", "recency_days"),
    f_score: scoreOf("f_bin", "frequency"),
    m_score: scoreOf("m_bin", "monetary"),
    segment_case: segmentCase(),
  });
  return (
    [
      rfmSql("clean-transactions").trim(),
      rfmSql("cleaning-funnel").trim(),
      `CREATE VIEW customer_features AS\n${features};`,
      scores.trim(),
    ].join("\n\n") + "\n"
  );
}

/** `CASE WHEN r_score = 5 AND fm_score = 1 THEN 'New Customers' … END`, from {@link RFM_SEGMENT_GRID}. */
function segmentCase(): string {
  const whens: string[] = [];
  for (const r of [5, 4, 3, 2, 1] as const) {
    RFM_SEGMENT_GRID[r].forEach((name, i) =>
      whens.push(`    WHEN r_score = ${r} AND fm_score = ${i + 1} THEN ${sqlString(name)}`),
    );
  }
  return ["CASE", ...whens, "  END"].join("\n");
}

/** The text before the last `;`, comments kept (the feature query ends with `ORDER BY …;`). */
function withoutTrailingSemicolon(sql: string): string {
  const end = sql.lastIndexOf(";");
  return end < 0 ? sql.trimEnd() : sql.slice(0, end).trimEnd();
}

/** The file name of a generated variant. */
export function rfmVariantFile(dialect: Exclude<RfmSqlDialect, "duckdb">, ties: QuintileTies): string {
  return `rfm-warehouse.${dialect}.${ties}.sql`;
}

/** A generated variant: next to this module in dist/, or in dist/ when running from src/ (tsx). */
function readVariant(dialect: Exclude<RfmSqlDialect, "duckdb">, ties: QuintileTies): string {
  const file = rfmVariantFile(dialect, ties);
  const candidates = [
    path.join(__dirname, "sql", "dialects", file),
    path.join(__dirname, "..", "..", "dist", "rfm", "sql", "dialects", file),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (found === undefined) {
    throw new Error(
      `rfmWarehouseSql: the ${dialect} script ${file} has not been generated (run node scripts/setup.mjs)`,
    );
  }
  return fs.readFileSync(found, "utf8");
}

function header(dialect: RfmSqlDialect, ties: QuintileTies): string {
  const { margin, retention, discountRate } = RFM_SQL_CLV;
  return [
    `-- RFM features, scores and named segments for ${dialect}, from mall-segments' DuckDB SQL (src/rfm/sql/)` +
      (dialect === "duckdb" ? "." : ", transpiled by sqlglot."),
    "-- Input: a table or view `transactions`, one row per invoice line, with the columns",
    "--   invoice_no (text), customer_id (text; NULL when unknown), country (text), quantity (double),",
    "--   unit_price (double), invoice_date (timestamp).",
    "-- Creates the views transaction_rules, clean_transactions and customer_features" +
      (dialect === "duckdb" ? "" : " (temporary: they end with the session)") +
      ", then runs two queries:",
    "--   the cleaning funnel (rows removed by each rule; NULL = kept) and the RFM table, one row per customer:",
    "--   recency_days, frequency, monetary, aov, tenure_days, country, clv, first/last purchase, r/f/m/fm scores, rfm_segment.",
    `-- CLV: margin ${margin}, yearly retention ${retention}, discount rate ${discountRate}. Quintile ties: "${ties}".`,
    "",
    "",
  ].join("\n");
}
