/**
 * The rules of a run as SQL a warehouse or CRM can run: one portable `CASE WHEN … THEN … END` with one branch per
 * leaf (its merged conditions joined by AND), on the raw columns in original units — no scaling, no distances.
 * Identifiers and literals are quoted exactly as in the centroid query (`quoteIdentifier`, `stringLiteral` of
 * model-sql.ts). A row with a NULL feature gets a NULL segment.
 */
import { ArgumentError } from "../core/errors";
import type { SegmentModel } from "./segment-model";
import type { RulesFile } from "../rules/rules-file";
import {
  doubleType,
  namedSegmentsSelect,
  quoteIdentifier,
  SQL_DIALECTS,
  stringLiteral,
  type SqlOptions,
} from "./model-sql";

/**
 * A query that assigns each row of a table to the segment of its rule.
 *
 * @param model - the parsed model.json (ID column, feature and one-hot columns, segment names).
 * @param rules - the parsed rules.json of the same run.
 * @param options - `dialect` (default duckdb) and `table` (default customers).
 * @returns SQL text with columns `<id column>, segment, segment_name`.
 * @throws {ArgumentError} on an unknown dialect or an empty table name.
 * @example
 * rulesToSql(model, rules, { dialect: "postgres" });
 * // => "-- Segment rules … CASE WHEN f0 IS NULL OR f1 IS NULL THEN NULL WHEN f0 <= CAST(39.5 AS DOUBLE PRECISION) AND … THEN 4 … END"
 */
export function rulesToSql(model: SegmentModel, rules: RulesFile, options: SqlOptions = {}): string {
  const dialect = options.dialect ?? "duckdb";
  const table = options.table ?? "customers";
  if (!SQL_DIALECTS.includes(dialect))
    throw new ArgumentError(`sql: dialect "${dialect}" must be one of ${SQL_DIALECTS.join(", ")}`);
  if (table.trim() === "") throw new ArgumentError("sql: --table must not be empty");
  const q = (name: string): string => quoteIdentifier(name, dialect);
  const num = (x: number): string => {
    if (!Number.isFinite(x)) throw new ArgumentError(`sql: ${x} cannot be written as a SQL number`);
    return `CAST(${String(x)} AS ${doubleType(dialect)})`;
  };
  // The columns the tree cuts, in order: numeric features as doubles, then one 0/1 column per one-hot level.
  const columns: string[] = model.features.map((f) => `CAST(${q(f)} AS ${doubleType(dialect)})`);
  for (const { column, levels } of model.categorical) {
    for (const level of levels)
      columns.push(`CASE WHEN ${q(column)} = ${stringLiteral(level, dialect)} THEN ${num(1)} ELSE ${num(0)} END`);
  }
  const f = (j: number): string => `f${j}`;
  const nullCheck = model.features.map((_, j) => `${f(j)} IS NULL`).join(" OR ");
  const branches = rules.rules.map((r) => {
    const conditions = r.conditions.map((c) => `${f(c.column)} ${c.op} ${num(c.threshold)}`);
    return `      WHEN ${conditions.length ? conditions.join(" AND ") : "1 = 1"} THEN ${r.segment}`;
  });
  const tableRef = table.split(".").map(q).join(".");
  return [
    `-- Segment rules generated from a ${model.algorithm} model (k=${model.k}) for ${dialect}: an IMM threshold tree with ${rules.rules.length} leaves,`,
    `-- fidelity ${rules.fidelity.toFixed(4)} on the training rows (${rules.mistakes} of them get another segment than the model's).`,
    // comments carry numbers only, never user text (column names and levels live in quoted identifiers/literals)
    ...rules.rules.map(
      (r) => `--   segment ${Number(r.segment)}: ${r.conditions.length} condition(s), ${Number(r.count)} training rows`,
    ),
    "-- A row with a NULL feature gets a NULL segment.",
    "WITH encoded AS (",
    "  SELECT",
    `    ${q(model.idColumn)} AS customer_id,`,
    columns.map((c, j) => `    ${c} AS ${f(j)}`).join(",\n"),
    `  FROM ${tableRef}`,
    "),",
    "assigned AS (",
    "  SELECT",
    "    customer_id,",
    "    CASE",
    `      WHEN ${nullCheck} THEN NULL`,
    ...branches,
    "    END AS segment",
    "  FROM encoded",
    ")",
    ...namedSegmentsSelect(model, dialect),
  ].join("\n");
}
