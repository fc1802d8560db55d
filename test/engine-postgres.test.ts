/**
 * PostgreSQL 15, for real: a throwaway cluster (test/helpers/postgres.ts) runs the SQL the CLI prints.
 * - `segment sql --dialect postgres` on the Mall data and on a seeded 100,000-row table, both with hostile
 *   column, table and category names, assigns every row as `segment score` does; a NULL feature gives a NULL
 *   segment.
 * - `segment rfm --print-sql --dialect postgres` on the Online Retail sample gives the DuckDB path's funnel
 *   and RFM table customer by customer, for both tie rules.
 * A missing PostgreSQL fails this file (`node scripts/setup.mjs --engines` installs it).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { QuintileTies } from "../src/rfm/scoring";
import {
  assertSameAssignments,
  assertSameRfm,
  assignments,
  isQuery,
  prepareScoringCases,
  RFM_COLUMNS,
  rfmReference,
  segmentCli,
  sqlStatements,
  TRANSACTION_TABLE,
  writeTypedTransactions,
} from "./helpers/engine-cases";
import { readCsv, startPostgres, type Postgres } from "./helpers/postgres";
import { retailSamplePath } from "./helpers/retail";

let pg: Postgres;
let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-postgres-"));
  pg = startPostgres();
});
after(() => {
  pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A PostgreSQL identifier, `"` doubled (the test's own quoting, independent of the CLI's). */
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const PG_TYPES = { string: "text", double: "double precision", timestamp: "timestamp" } as const;

test("PostgreSQL 15 is the engine under test", () => {
  assert.match(pg.version, /^15\./);
});

test("segment sql --dialect postgres assigns every row as segment score (Mall and seeded 100,000 rows, hostile names)", () => {
  // The table name needs quoting too: schema "crm", table `customers "2024"`.
  const table = 'customers "2024"';
  for (const scoring of prepareScoringCases(dir)) {
    const qualified = `crm.${ident(table)}`;
    pg.psql(`CREATE SCHEMA IF NOT EXISTS crm; DROP TABLE IF EXISTS ${qualified};
CREATE TABLE ${qualified} (${scoring.columns.map(([c, t]) => `${ident(c)} ${PG_TYPES[t]}`).join(", ")});`);
    pg.copyCsv(qualified, scoring.csv);
    const rows = pg.query(scoring.sql("postgres", `crm.${table}`)).map((r) => Object.values(r));
    assertSameAssignments(assignments(rows), scoring.expected, `postgres, ${scoring.label}`);
  }
});

let transactionsLoaded = false;

for (const ties of ["first", "min"] as const satisfies readonly QuintileTies[]) {
  test(`segment rfm --print-sql --dialect postgres equals the DuckDB path customer by customer (ties "${ties}")`, async () => {
    if (!transactionsLoaded) {
      const typed = path.join(dir, "transactions.csv");
      await writeTypedTransactions(retailSamplePath(), typed);
      pg.psql(`CREATE TABLE transactions (${TRANSACTION_TABLE.map(([c, t]) => `${c} ${PG_TYPES[t]}`).join(", ")});`);
      pg.copyCsv("transactions", typed);
      transactionsLoaded = true;
    }
    const script = segmentCli(["rfm", "--print-sql", "--dialect", "postgres", "--ties", ties]);
    // One psql session (the views are temporary); each query's rows go to its own CSV file.
    const outputs: string[] = [];
    const lines = sqlStatements(script).map((statement) => {
      if (!isQuery(statement)) return `${statement};`;
      const out = path.join(dir, `result-${ties}-${outputs.length}.csv`);
      outputs.push(out);
      return `\\o ${out}\n${statement};\n\\o`;
    });
    assert.equal(outputs.length, 2, "the script has two queries: the funnel and the RFM table");
    pg.psql(`\\pset format csv\n\\pset null '\u2400NULL'\n${lines.join("\n")}\n`);
    const [funnel, rfm] = outputs.map((file) => readCsv(fs.readFileSync(file, "utf8")));
    assert.deepEqual(Object.keys(rfm![0]!), [...RFM_COLUMNS]);
    assertSameRfm(
      "postgres",
      funnel!.map((r) => Object.values(r)),
      rfm!.map((r) => Object.values(r)),
      await rfmReference(retailSamplePath(), ties),
    );
  });
}
