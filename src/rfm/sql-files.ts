import fs from "node:fs";
import path from "node:path";

/** The SQL files of the RFM pipeline, in `src/rfm/sql/` (copied next to the compiled JS in `dist/rfm/sql/`). */
export type RfmSqlFile =
  | "load-transactions"
  | "validate-transactions"
  | "bad-value"
  | "clean-transactions"
  | "cleaning-funnel"
  | "snapshot"
  | "customer-features"
  | "window"
  | "customer-outcomes"
  | "segment-outcomes"
  | "score-segments";

const cache = new Map<RfmSqlFile, string>();

/**
 * The text of one SQL file, read relative to this module so it works from `src/` (tsx) and `dist/`.
 * @param name - the file name without `.sql`.
 * @param substitutions - `{{key}}` placeholders and their replacement text (already quoted SQL).
 */
export function rfmSql(name: RfmSqlFile, substitutions: Record<string, string> = {}): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(__dirname, "sql", `${name}.sql`), "utf8");
    cache.set(name, text);
  }
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => substitutions[key] ?? whole);
}

/** A SQL string literal: `it's` → `'it''s'`. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
