/**
 * Spark, for real: pyspark's `local[2]` session (test/helpers/spark.ts, started once for this file) runs the
 * SQL the CLI prints.
 * - `segment sql --dialect spark` on the Mall data and on a seeded 100,000-row table, both with hostile
 *   column, view and category names, assigns every row as `segment score` does; a NULL feature gives a NULL
 *   segment.
 * - `segment rfm --print-sql --dialect spark` on the Online Retail sample gives the DuckDB path's funnel and
 *   RFM table customer by customer, for both tie rules.
 * A missing Java 17 or pyspark fails this file (`node scripts/setup.mjs --engines` installs them).
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
import { retailSamplePath } from "./helpers/retail";
import { startSpark, type Spark } from "./helpers/spark";

let spark: Spark;
let dir: string;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-spark-"));
  spark = await startSpark();
});
after(async () => {
  await spark?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("Spark 4 on Java 17 is the engine under test", () => {
  assert.match(spark.versions.spark, /^4\./);
  assert.match(spark.versions.java, /^17\./);
});

test("segment sql --dialect spark assigns every row as segment score (Mall and seeded 100,000 rows, hostile names)", async () => {
  const view = "customers `2024`";
  for (const scoring of prepareScoringCases(dir)) {
    assert.equal(await spark.loadCsv(view, scoring.csv, scoring.columns), scoring.expected.size);
    const { rows } = await spark.sql([scoring.sql("spark", view).replace(/;\s*$/, "")]);
    assertSameAssignments(assignments(rows), scoring.expected, `spark, ${scoring.label}`);
  }
});

let transactionsLoaded = false;

for (const ties of ["first", "min"] as const satisfies readonly QuintileTies[]) {
  test(`segment rfm --print-sql --dialect spark equals the DuckDB path customer by customer (ties "${ties}")`, async () => {
    if (!transactionsLoaded) {
      const typed = path.join(dir, "transactions.csv");
      await writeTypedTransactions(retailSamplePath(), typed);
      await spark.loadCsv("transactions", typed, TRANSACTION_TABLE);
      transactionsLoaded = true;
    }
    const statements = sqlStatements(segmentCli(["rfm", "--print-sql", "--dialect", "spark", "--ties", ties]));
    const firstQuery = statements.findIndex(isQuery);
    assert.deepEqual(
      statements.map(isQuery),
      [false, false, true, false, true],
      "views, the funnel, a view, the RFM table",
    );
    // The views and the funnel, then the RFM table (the temporary views live in the one session).
    const funnel = await spark.sql(statements.slice(0, firstQuery + 1));
    const rfm = await spark.sql(statements.slice(firstQuery + 1));
    assert.deepEqual(rfm.columns, [...RFM_COLUMNS]);
    assertSameRfm("spark", funnel.rows, rfm.rows, await rfmReference(retailSamplePath(), ties));
  });
}
