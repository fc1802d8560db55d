/**
 * The generated SQL in every dialect, without a server:
 * - sqlglot parses `segment sql` in duckdb, postgres, bigquery (which cannot run here) and spark, and reads
 *   back every hostile column name and category value intact;
 * - sqlglot parses the RFM script of each dialect; the postgres and spark scripts are current (transpiling
 *   the DuckDB SQL again gives the same files);
 * - the DuckDB RFM script, run in DuckDB, equals the DuckDB path (rfmFeatures → rfmScores → rfmSegment).
 * PostgreSQL and Spark themselves run in engine-postgres.test.ts and engine-spark.test.ts.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { loadTransactions } from "../src/rfm/transactions";
import {
  assertSameRfm,
  HOSTILE,
  HOSTILE_LEVELS,
  isQuery,
  prepareMallCase,
  rfmReference,
  segmentCli,
  sqlStatements,
} from "./helpers/engine-cases";
import { retailSamplePath, venvPython } from "./helpers/retail";
import { ROOT } from "./helpers/run-segment";

interface Parsed {
  statements?: number;
  columns?: string[];
  strings?: string[];
  error?: string;
}

/** Parse each SQL text with sqlglot in its dialect (test/helpers/sqlglot_parse.py). */
function sqlglotParse(items: { dialect: string; sql: string }[]): Parsed[] {
  const r = spawnSync(venvPython, [path.join(__dirname, "helpers", "sqlglot_parse.py")], {
    input: JSON.stringify(items),
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Parsed[];
}

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sql-dialects-"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test("segment sql parses in sqlglot in all four dialects, hostile column names and category values intact", () => {
  const mall = prepareMallCase(dir);
  const model = JSON.parse(fs.readFileSync(mall.model, "utf8")) as { segments: { name: string }[] };
  const dialects = ["duckdb", "postgres", "bigquery", "spark"];
  const queries = dialects.map((dialect) => ({
    dialect,
    sql: segmentCli(["sql", mall.model, "--dialect", dialect, "--table", "crm.customers"]),
  }));
  // A negative control: the same query cut short must not parse.
  const broken = queries.map(({ dialect, sql }) => ({
    dialect,
    sql: sql.slice(0, sql.lastIndexOf("END AS segment_name")),
  }));
  const parsed = sqlglotParse([...queries, ...broken]);
  dialects.forEach((dialect, i) => {
    const p = parsed[i]!;
    assert.equal(p.error, undefined, `${dialect}: ${p.error}`);
    assert.equal(p.statements, 1, dialect);
    for (const column of Object.values(HOSTILE))
      assert.ok(
        p.columns!.includes(column),
        `${dialect}: column ${JSON.stringify(column)} not read back: ${JSON.stringify(p.columns)}`,
      );
    for (const value of [HOSTILE_LEVELS[0], HOSTILE_LEVELS[1], ...model.segments.map((s) => s.name)]) {
      assert.ok(
        p.strings!.includes(value),
        `${dialect}: string ${JSON.stringify(value)} not read back: ${JSON.stringify(p.strings)}`,
      );
    }
    assert.match(parsed[dialects.length + i]!.error ?? "", /Error/, `${dialect}: a truncated query parsed`);
  });
});

test("segment rfm --print-sql parses in sqlglot in its dialect: three views and two queries", () => {
  const dialects = ["duckdb", "postgres", "spark"];
  const parsed = sqlglotParse(
    dialects.map((dialect) => ({ dialect, sql: segmentCli(["rfm", "--print-sql", "--dialect", dialect]) })),
  );
  dialects.forEach((dialect, i) => {
    assert.equal(parsed[i]!.error, undefined, `${dialect}: ${parsed[i]!.error}`);
    assert.equal(parsed[i]!.statements, 5, dialect);
    assert.ok(parsed[i]!.strings!.includes("Can't Lose Them"), dialect);
  });
});

test("the postgres and spark RFM scripts are current: transpiled again from the DuckDB SQL, they are unchanged", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "rfm-sql-dialects.mjs"), "--check"], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
});

for (const ties of ["first", "min"] as const) {
  test(`the DuckDB RFM script equals the DuckDB path customer by customer (ties "${ties}")`, async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      // The project's loader gives the typed `transactions` table; the script creates its own views.
      await loadTransactions(connection, retailSamplePath());
      await connection.run("DROP VIEW clean_transactions; DROP VIEW transaction_rules;");
      const results: unknown[][][] = [];
      for (const statement of sqlStatements(
        segmentCli(["rfm", "--print-sql", "--dialect", "duckdb", "--ties", ties]),
      )) {
        const reader = await connection.runAndReadAll(statement);
        if (isQuery(statement)) results.push(reader.getRowsJS() as unknown[][]);
      }
      assert.equal(results.length, 2);
      assertSameRfm("duckdb script", results[0]!, results[1]!, await rfmReference(retailSamplePath(), ties));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
}
