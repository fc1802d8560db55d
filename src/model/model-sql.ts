/**
 * Score customers inside a warehouse: a saved model becomes one portable SQL query that scales each feature,
 * one-hot encodes categorical columns, computes the squared distance to every centroid and picks the nearest
 * (lowest segment number on ties, as `segment score`). A row with a NULL feature gets a NULL segment.
 *
 * Safe for any names and values: every identifier and string literal is quoted and escaped by its dialect's own
 * lexical rules (see {@link quoteIdentifier} and {@link stringLiteral}); comments carry no user text (only counts
 * and the tool's own words); the query grows linearly in k (the nearest centre is found with LEAST, not by
 * comparing every pair), and a model beyond {@link MAX_SQL_TERMS} distance terms is refused.
 *
 * GMM models: the highest posterior needs a matrix inverse per component and is not written in SQL; the query
 * assigns the nearest GMM mean instead and says so in its header (see {@link modelToSql}).
 */
import { ArgumentError } from "../core/errors";
import type { SegmentModel } from "./segment-model";

/** Most squared-distance terms (k × model columns) a query may hold: about 15 MB of SQL. */
export const MAX_SQL_TERMS = 200_000;

export type SqlDialect = "duckdb" | "postgres" | "bigquery" | "spark";

export const SQL_DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres", "bigquery", "spark"];

export interface SqlOptions {
  /** @default "duckdb" */
  dialect?: SqlDialect;
  /** The table to score; dots separate schema parts (`sales.customers`). @default "customers" */
  table?: string;
}

/**
 * Quote one identifier for a dialect.
 * - duckdb, postgres: `"x"`, a `"` doubled (standard SQL; any other character, newlines included, is literal);
 * - spark: `` `x` ``, a backtick doubled;
 * - bigquery: `` `x` `` with BigQuery's escape sequences (`` \` ``, `\\`, `\n`, `\uXXXX` for control characters).
 * @throws {ArgumentError} for a NUL character (no dialect accepts it in a name).
 */
export function quoteIdentifier(name: string, dialect: SqlDialect): string {
  if (name.includes("\0"))
    throw new ArgumentError(`sql: the name ${JSON.stringify(name.slice(0, 40))} contains a NUL character`);
  switch (dialect) {
    case "duckdb":
    case "postgres":
      return `"${name.replace(/"/g, '""')}"`;
    case "bigquery":
      return "`" + bigQueryEscape(name, "`") + "`";
    case "spark":
      return "`" + name.replace(/`/g, "``") + "`";
    default: {
      const unknown: never = dialect;
      throw new ArgumentError(`quoteIdentifier: unknown dialect ${String(unknown)}`);
    }
  }
}

/**
 * A string literal for a dialect.
 * - duckdb, postgres: `'x'`, a `'` doubled, backslashes literal (PostgreSQL's standard_conforming_strings, on by
 *   default since 9.1);
 * - bigquery, spark: `'x'` with backslash escapes (`\'`, `\\`, `\n`, `\r`, `\uXXXX` for other control characters):
 *   neither reads a doubled quote as a quote (Spark joins adjacent literals, BigQuery refuses them).
 * @throws {ArgumentError} for a NUL character.
 * @example
 * stringLiteral("it's", "duckdb"); // => "'it''s'"
 * stringLiteral("it's", "bigquery"); // => "'it\\'s'"
 */
export function stringLiteral(text: string, dialect: SqlDialect): string {
  if (text.includes("\0"))
    throw new ArgumentError(`sql: the value ${JSON.stringify(text.slice(0, 40))} contains a NUL character`);
  if (dialect === "duckdb" || dialect === "postgres") return `'${text.replace(/'/g, "''")}'`;
  return `'${bigQueryEscape(text, "'")}'`;
}

/** Backslash escapes shared by BigQuery and Spark literals: the backslash, the quote, control characters. */
function bigQueryEscape(text: string, quote: "'" | "`"): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + quote;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += "\\u" + code.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out;
}

/** The floating-point type name of a dialect. */
export function doubleType(dialect: SqlDialect): string {
  return dialect === "postgres" ? "DOUBLE PRECISION" : dialect === "bigquery" ? "FLOAT64" : "DOUBLE";
}

/**
 * A query that assigns each row of a table to the model's nearest centroid.
 *
 * @param model - a model checked by `parseModel`.
 * @param options - `dialect` (default duckdb) and `table` (default customers; dots separate schema parts).
 * @returns SQL text with columns `<id column>, segment, segment_name`.
 * @throws {ArgumentError} on an unknown dialect, an empty table name or part, a NUL character in a name or value,
 *   or a model of more than {@link MAX_SQL_TERMS} distance terms.
 * @example
 * modelToSql(model, { dialect: "postgres", table: "crm.customers" });
 * // => "-- Segment scoring … LEAST(d0, d1, …) AS d_min … CASE WHEN d0 = d_min THEN 0 … END AS segment …"
 */
export function modelToSql(model: SegmentModel, options: SqlOptions = {}): string {
  const target = sqlTarget(options);
  const { dialect, num } = target;
  const k = model.centroids.length;
  const d = model.encodedFeatures.length;
  if (k * d > MAX_SQL_TERMS) {
    throw new ArgumentError(
      `sql: the model has k=${k} centres of ${d} columns, ${k * d} distance terms, more than the ${MAX_SQL_TERMS} a query is built with; score it with \`segment score\``,
    );
  }
  const { center, scale } = model.scaler;
  const f = (j: number): string => `f${j}`;
  // Step 2: squared Euclidean distance to each centroid: d0 … d(k−1).
  const distances = model.centroids.map((c, ci) => {
    const terms = c.map((m, j) => `(${f(j)} - ${num(m)}) * (${f(j)} - ${num(m)})`);
    return `    ${terms.join("\n      + ")} AS d${ci}`;
  });
  // Step 3: the smallest distance, then the first centre that has it (the lowest number on ties, as `segment score`).
  const dNames = Array.from({ length: k }, (_, ci) => `d${ci}`);
  const nullCheck = model.features.map((_, j) => `${f(j)} IS NULL`).join(" OR ");
  const cases = k === 1 ? [] : dNames.slice(0, -1).map((dn, ci) => `      WHEN ${dn} = d_min THEN ${ci}`);
  const segmentCase = [
    `    CASE`,
    `      WHEN ${nullCheck} THEN NULL`,
    ...cases,
    `      ELSE ${k - 1}`,
    `    END`,
  ].join("\n");
  const nCategorical = d - model.features.length;
  // Comments hold no user text: only the tool's words, validated enums and counts.
  const header = [
    `-- Segment scoring generated from a ${model.algorithm} model (k=${k}, ${model.scaler.method} scaling) for ${dialect}.`,
    `-- Columns: ${model.features.length} numeric feature(s) and ${nCategorical} one-hot level(s), in the order of model.json's encodedFeatures. A row with a NULL feature gets a NULL segment.`,
    ...(model.algorithm === "gmm"
      ? [
          "-- NOTE: this gmm model is scored by the NEAREST MEAN, not the highest posterior that `segment score` uses;",
          "-- the two can differ for rows between components.",
        ]
      : []),
  ];
  return [
    ...header,
    // Step 1: each model column, scaled (numeric) or one-hot encoded (categorical): f0, f1, …
    ...encodedCte(model, target, (column, j) => `(${column} - ${num(center[j]!)}) / ${num(scale[j]!)}`),
    "distances AS (",
    "  SELECT",
    "    customer_id,",
    model.encodedFeatures.map((_, j) => `    ${f(j)}`).join(",\n") + ",",
    distances.join(",\n"),
    "  FROM encoded",
    "),",
    "nearest AS (",
    `  SELECT *, ${k === 1 ? "d0" : `LEAST(${dNames.join(", ")})`} AS d_min`,
    "  FROM distances",
    "),",
    "assigned AS (",
    "  SELECT",
    "    customer_id,",
    segmentCase + " AS segment",
    "  FROM nearest",
    ")",
    ...namedSegmentsSelect(model, dialect),
  ].join("\n");
}

/** A scoring query's validated dialect and quoted table, with the dialect's identifier and number spelling. */
export interface SqlTarget {
  dialect: SqlDialect;
  tableRef: string;
  q: (name: string) => string;
  num: (x: number) => string;
}

/**
 * Validate `options` of a scoring query (centroid or rules) once for both.
 * @throws {ArgumentError} on an unknown dialect or a table name with an empty part.
 */
export function sqlTarget(options: SqlOptions): SqlTarget {
  const dialect = options.dialect ?? "duckdb";
  const table = options.table ?? "customers";
  if (!SQL_DIALECTS.includes(dialect))
    throw new ArgumentError(`sql: dialect "${String(dialect).slice(0, 40)}" must be one of ${SQL_DIALECTS.join(", ")}`);
  const tableParts = table.split(".");
  if (tableParts.some((part) => part.trim() === ""))
    throw new ArgumentError("sql: --table must be a name or dotted names (schema.table), none empty");
  const q = (name: string): string => quoteIdentifier(name, dialect);
  return {
    dialect,
    tableRef: tableParts.map(q).join("."),
    q,
    num: (x) => `CAST(${formatNumber(x)} AS ${doubleType(dialect)})`,
  };
}

/**
 * The `encoded` CTE shared by the centroid and the rules query: the ID as `customer_id` and one column per model
 * column, f0, f1, … in encodedFeatures order — each numeric feature cast to double and passed through `numeric`
 * (scaled for the centroid query, as is for the rules), then one 0/1 column per one-hot level. Lines of SQL.
 */
export function encodedCte(
  model: SegmentModel,
  { dialect, tableRef, q, num }: SqlTarget,
  numeric: (column: string, j: number) => string,
): string[] {
  const columns = model.features.map((name, j) => numeric(`CAST(${q(name)} AS ${doubleType(dialect)})`, j));
  for (const { column, levels } of model.categorical) {
    for (const level of levels)
      columns.push(`CASE WHEN ${q(column)} = ${stringLiteral(level, dialect)} THEN ${num(1)} ELSE ${num(0)} END`);
  }
  return [
    "WITH encoded AS (",
    "  SELECT",
    `    ${q(model.idColumn)} AS customer_id,`,
    columns.map((c, j) => `    ${c} AS f${j}`).join(",\n"),
    `  FROM ${tableRef}`,
    "),",
  ];
}

/**
 * The closing SELECT shared by the centroid and the rules query: from the CTE `assigned(customer_id, segment)`, each
 * row's ID (under its own quoted name), segment and segment name, ordered by segment then ID. Lines of SQL.
 */
export function namedSegmentsSelect(model: SegmentModel, dialect: SqlDialect): string[] {
  return [
    "SELECT",
    `  customer_id AS ${quoteIdentifier(model.idColumn, dialect)},`,
    "  segment,",
    "  CASE segment",
    ...model.segments.map((s) => `      WHEN ${s.segment} THEN ${stringLiteral(s.name, dialect)}`),
    "  END AS segment_name",
    "FROM assigned",
    "ORDER BY segment, customer_id;",
    "",
  ];
}

/** Shortest round-trip decimal of a double, in a form every dialect reads as a number. */
function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new ArgumentError(`sql: ${x} cannot be written as a SQL number`);
  return String(x);
}
