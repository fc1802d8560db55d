/**
 * Score customers inside a warehouse: a saved model becomes one portable SQL query that scales each feature,
 * one-hot encodes categorical columns, computes the squared distance to every centroid and picks the nearest
 * (lowest segment number on ties, as `segment score`). A row with a NULL feature gets a NULL segment.
 *
 * GMM models: the highest posterior needs a matrix inverse per component and is not written in SQL; the query
 * assigns the nearest GMM mean instead and says so in its header (see {@link modelToSql}).
 */
import { ArgumentError } from "../core/errors";
import type { SegmentModel } from "./segment-model";

export type SqlDialect = "duckdb" | "postgres" | "bigquery" | "spark";

export const SQL_DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres", "bigquery", "spark"];

export interface SqlOptions {
  /** @default "duckdb" */
  dialect?: SqlDialect;
  /** The table to score; dots separate schema parts (`sales.customers`). @default "customers" */
  table?: string;
}

/** Quote one identifier for a dialect: "x" (duckdb, postgres; `"` doubled) or `x` (bigquery, spark). */
export function quoteIdentifier(name: string, dialect: SqlDialect): string {
  switch (dialect) {
    case "duckdb":
    case "postgres":
      return `"${name.replace(/"/g, '""')}"`;
    case "bigquery":
      return "`" + name.replace(/\\/g, "\\\\").replace(/`/g, "\\`") + "`";
    case "spark":
      return "`" + name.replace(/`/g, "``") + "`";
    default: {
      const unknown: never = dialect;
      throw new ArgumentError(`quoteIdentifier: unknown dialect ${String(unknown)}`);
    }
  }
}

/** The floating-point type name of a dialect. */
function doubleType(dialect: SqlDialect): string {
  return dialect === "postgres" ? "DOUBLE PRECISION" : dialect === "bigquery" ? "FLOAT64" : "DOUBLE";
}

/**
 * A string literal: single quotes doubled (duckdb, postgres); backslash escapes in BigQuery and Spark, which
 * read `\\` as an escape, and where BigQuery (and sqlglot's Spark grammar) reads `''` as two adjacent literals.
 */
function stringLiteral(text: string, dialect: SqlDialect): string {
  if (dialect === "bigquery" || dialect === "spark") return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A query that assigns each row of a table to the model's nearest centroid.
 *
 * @param model - a parsed model.json.
 * @param options - `dialect` (default duckdb) and `table` (default customers).
 * @returns SQL text with columns `<id column>, segment, segment_name`.
 * @throws {ArgumentError} on an unknown dialect or an empty table name.
 * @example
 * modelToSql(model, { dialect: "postgres", table: "crm.customers" });
 * // => "-- Segment scoring … SELECT … CASE WHEN d0 <= d1 AND … THEN 0 … END AS segment …"
 */
export function modelToSql(model: SegmentModel, options: SqlOptions = {}): string {
  const dialect = options.dialect ?? "duckdb";
  const table = options.table ?? "customers";
  if (!SQL_DIALECTS.includes(dialect)) throw new ArgumentError(`sql: dialect "${dialect}" must be one of ${SQL_DIALECTS.join(", ")}`);
  if (table.trim() === "") throw new ArgumentError("sql: --table must not be empty");
  const q = (name: string): string => quoteIdentifier(name, dialect);
  const num = (x: number): string => `CAST(${formatNumber(x)} AS ${doubleType(dialect)})`;
  const k = model.centroids.length;
  const { center, scale } = model.scaler;

  // Step 1: each model column, scaled (numeric) or one-hot encoded (categorical): f0, f1, …
  const columns: string[] = model.features.map(
    (f, j) => `(CAST(${q(f)} AS ${doubleType(dialect)}) - ${num(center[j]!)}) / ${num(scale[j]!)}`,
  );
  for (const { column, levels } of model.categorical) {
    for (const level of levels) columns.push(`CASE WHEN ${q(column)} = ${stringLiteral(level, dialect)} THEN ${num(1)} ELSE ${num(0)} END`);
  }
  const f = (j: number): string => `f${j}`;
  // Step 2: squared Euclidean distance to each centroid: d0 … d(k−1).
  const distances = model.centroids.map((c, ci) => {
    const terms = c.map((m, j) => `(${f(j)} - ${num(m)}) * (${f(j)} - ${num(m)})`);
    return `    ${terms.join("\n      + ")} AS d${ci}`;
  });
  // Step 3: the first centroid whose distance is <= all later ones is the nearest (earlier ones already lost).
  const cases: string[] = [];
  for (let ci = 0; ci < k - 1; ci++) {
    const later = Array.from({ length: k - 1 - ci }, (_, t) => `d${ci} <= d${ci + 1 + t}`);
    cases.push(`      WHEN ${later.join(" AND ")} THEN ${ci}`);
  }
  const nullCheck = model.features.map((_, j) => `${f(j)} IS NULL`).join(" OR ");
  const segmentCase = [`    CASE`, `      WHEN ${nullCheck} THEN NULL`, ...cases, `      ELSE ${k - 1}`, `    END`].join("\n");
  const names = model.segments.map((s) => `      WHEN ${s.segment} THEN ${stringLiteral(s.name, dialect)}`);
  const header = [
    `-- Segment scoring generated from a ${model.algorithm} model (k=${k}, ${model.scaler.method} scaling) for ${dialect}.`,
    `-- Features: ${model.encodedFeatures.join(", ")}. A row with a NULL feature gets a NULL segment.`,
    ...(model.algorithm === "gmm"
      ? ["-- NOTE: this gmm model is scored by the NEAREST MEAN, not the highest posterior that `segment score` uses;", "-- the two can differ for rows between components."]
      : []),
  ];
  const tableRef = table.split(".").map(q).join(".");
  return [
    ...header,
    "WITH encoded AS (",
    "  SELECT",
    `    ${q(model.idColumn)} AS customer_id,`,
    columns.map((c, j) => `    ${c} AS ${f(j)}`).join(",\n"),
    `  FROM ${tableRef}`,
    "),",
    "distances AS (",
    "  SELECT",
    "    customer_id,",
    columns.map((_, j) => `    ${f(j)}`).join(",\n") + ",",
    distances.join(",\n"),
    "  FROM encoded",
    "),",
    "assigned AS (",
    "  SELECT",
    "    customer_id,",
    segmentCase + " AS segment",
    "  FROM distances",
    ")",
    "SELECT",
    `  customer_id AS ${q(model.idColumn)},`,
    "  segment,",
    "  CASE segment",
    names.join("\n"),
    "  END AS segment_name",
    "FROM assigned",
    "ORDER BY segment, customer_id;",
    "",
  ].join("\n");
}

/** Shortest round-trip decimal of a double, in a form every dialect reads as a number. */
function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new ArgumentError(`sql: ${x} cannot be written as a SQL number`);
  return String(x);
}
