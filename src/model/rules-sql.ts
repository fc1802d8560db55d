/**
 * The rules of a run as SQL a warehouse or CRM can run: one portable `CASE WHEN … THEN … END` with one branch per
 * leaf (its merged conditions joined by AND), on the raw columns in original units — no scaling, no distances.
 * Identifiers and literals are quoted exactly as in the centroid query (`quoteIdentifier`, `stringLiteral` of
 * model-sql.ts). A row with a NULL feature gets a NULL segment.
 */
import type { RulesFile } from "../rules/rules-file";
import { encodedCte, namedSegmentsSelect, type SqlOptions, sqlTarget } from "./model-sql";
import type { SegmentModel } from "./segment-model";

/**
 * A query that assigns each row of a table to the segment of its rule.
 *
 * @param model - the parsed model.json (ID column, feature and one-hot columns, segment names).
 * @param rules - the parsed rules.json of the same run.
 * @param options - `dialect` (default duckdb) and `table` (default customers).
 * @returns SQL text with columns `<id column>, segment, segment_name`.
 * @throws {ArgumentError} on an unknown dialect or a table name with an empty part.
 * @example
 * rulesToSql(model, rules, { dialect: "postgres" });
 * // => "-- Segment rules … CASE WHEN f0 IS NULL OR f1 IS NULL THEN NULL WHEN f0 <= CAST(39.5 AS DOUBLE PRECISION) AND … THEN 4 … END"
 */
export function rulesToSql(model: SegmentModel, rules: RulesFile, options: SqlOptions = {}): string {
  const target = sqlTarget(options);
  const { dialect, num } = target;
  const f = (j: number): string => `f${j}`;
  const nullCheck = model.features.map((_, j) => `${f(j)} IS NULL`).join(" OR ");
  const branches = rules.rules.map((r) => {
    const conditions = r.conditions.map((c) => `${f(c.column)} ${c.op} ${num(c.threshold)}`);
    return `      WHEN ${conditions.length ? conditions.join(" AND ") : "1 = 1"} THEN ${r.segment}`;
  });
  return [
    `-- Segment rules generated from a ${model.algorithm} model (k=${model.k}) for ${dialect}: an IMM threshold tree with ${rules.rules.length} leaves,`,
    `-- fidelity ${rules.fidelity.toFixed(4)} on the training rows (${rules.mistakes} of them get another segment than the model's).`,
    // comments carry numbers only, never user text (column names and levels live in quoted identifiers/literals)
    ...rules.rules.map(
      (r) => `--   segment ${Number(r.segment)}: ${r.conditions.length} condition(s), ${Number(r.count)} training rows`,
    ),
    "-- A row with a NULL feature gets a NULL segment.",
    // the columns the tree cuts, in original units: numeric features as doubles, then the one-hot levels
    ...encodedCte(model, target, (column) => column),
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
