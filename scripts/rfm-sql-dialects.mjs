#!/usr/bin/env node
// Generate the postgres and spark RFM scripts from the DuckDB one (the single source of truth, src/rfm/sql/)
// with sqlglot: dist/rfm/sql/dialects/rfm-warehouse.<dialect>.<ties>.sql. Run by the set-up after the build
// and the .venv; `--check` compares instead of writing and exits 1 when a file is missing or stale.
// Usage: node scripts/rfm-sql-dialects.mjs [--check]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const python = path.join(root, ".venv", "bin", "python");
const outDir = path.join(root, "dist", "rfm", "sql", "dialects");
const check = process.argv.includes("--check");
const { rfmDuckDbScript, rfmVariantFile, RFM_SQL_DIALECTS, RFM_SQL_TIES } = createRequire(import.meta.url)(
  path.join(root, "dist", "rfm", "warehouse-sql.js"),
);

const stale = [];
fs.mkdirSync(outDir, { recursive: true });
for (const ties of RFM_SQL_TIES) {
  const source = rfmDuckDbScript(ties);
  for (const dialect of RFM_SQL_DIALECTS.filter((d) => d !== "duckdb")) {
    const text = execFileSync(python, [path.join(root, "scripts", "transpile_sql.py"), dialect], {
      input: source,
      encoding: "utf8",
    });
    const file = path.join(outDir, rfmVariantFile(dialect, ties));
    if (check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) stale.push(path.relative(root, file));
      continue;
    }
    const tmp = `${file}.${process.pid}.tmp`; // written whole, then renamed: never half a file
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  }
}
if (stale.length > 0) {
  console.error(`rfm-sql-dialects: stale or missing (run node scripts/setup.mjs): ${stale.join(", ")}`);
  process.exit(1);
}
