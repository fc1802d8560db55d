/**
 * SQL scoring: the query printed by `segment sql` assigns the same segment as `segment score` — proved by running
 * it inside DuckDB on the Mall data — and quotes identifiers per dialect.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseCsv } from "../src/data/read-csv";
import { modelToSql, quoteIdentifier } from "../src/model/model-sql";
import { parseModel } from "../src/model/validate-model";
import { MALL_CSV, runSegment } from "./helpers/run-segment";

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-sql-"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Run a SQL query in DuckDB over the Mall data loaded as table `customers`; returns id → segment. */
async function scoreInDuckDb(sql: string, csvFile: string): Promise<Map<string, number | null>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE TABLE customers AS SELECT * FROM read_csv('${csvFile.replace(/'/g, "''")}', header = true)`,
    );
    const reader = await connection.runAndReadAll(sql);
    const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
    return new Map(rows.map((r) => [String(r.CustomerID), r.segment === null ? null : Number(r.segment)]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function scoredCsv(file: string): Map<string, number> {
  const t = parseCsv(fs.readFileSync(file, "utf8"), file);
  return new Map(t.rows.map((r) => [r[0]!, Number(r[1])]));
}

for (const [label, args] of [
  ["kmeans, standard scaling, k = 5", ["--k", "5"]],
  [
    "kmeans, three features + one-hot Gender, robust scaling, k = 6",
    [
      "--k",
      "6",
      "--scale",
      "robust",
      "--features",
      "Age,Annual Income (k$),Spending Score (1-100)",
      "--categorical",
      "Gender",
    ],
  ],
  ["agglomerative, minmax scaling, k = 4", ["--k", "4", "--algorithm", "agglomerative", "--scale", "minmax"]],
] as const) {
  test(`segment sql in DuckDB equals segment score on the Mall data: ${label}`, async () => {
    const out = path.join(dir, label.replace(/\W+/g, "-"));
    const run = runSegment(["run", MALL_CSV, "--out", out, "--quiet", ...args]);
    assert.equal(run.code, 0, run.stderr);
    const model = path.join(out, "model.json");
    const scoredFile = path.join(dir, `${path.basename(out)}-scored.csv`);
    const score = runSegment(["score", model, MALL_CSV, "--out", scoredFile, "--keep-ids", "--quiet"]);
    assert.equal(score.code, 0, score.stderr);
    const sql = runSegment(["sql", model, "--dialect", "duckdb", "--table", "customers"]);
    assert.equal(sql.code, 0, sql.stderr);
    const inSql = await scoreInDuckDb(sql.stdout, MALL_CSV);
    const inJs = scoredCsv(scoredFile);
    assert.equal(inSql.size, 200);
    assert.deepEqual([...inSql].sort(), [...inJs].sort());
    // And `score` on the training data reproduces the run's own segments (kmeans: nearest centroid = its label).
    const segments = parseCsv(fs.readFileSync(path.join(out, "segments.csv"), "utf8"), "segments.csv").rows.map((r) =>
      Number(r[1]),
    );
    const scoredInOrder = parseCsv(fs.readFileSync(scoredFile, "utf8"), "scored").rows.map((r) => Number(r[1]));
    if ((args as readonly string[]).includes("agglomerative")) {
      const agree = segments.filter((s, i) => s === scoredInOrder[i]).length;
      assert.ok(agree >= 180, `agglomerative: nearest centroid agrees with the tree on ${agree}/200`);
    } else assert.deepEqual(scoredInOrder, segments);
  });
}

test("a NULL feature gives a NULL segment in SQL", async () => {
  const out = path.join(dir, "nulls");
  assert.equal(runSegment(["run", MALL_CSV, "--k", "5", "--out", out, "--quiet"]).code, 0);
  const file = path.join(dir, "with-null.csv");
  fs.writeFileSync(file, "CustomerID,Annual Income (k$),Spending Score (1-100)\n1,,50\n2,90,90\n");
  const sql = modelToSql(parseModel(fs.readFileSync(path.join(out, "model.json"), "utf8"), "model.json"));
  const scored = await scoreInDuckDb(sql, file);
  assert.equal(scored.get("1"), null);
  assert.equal(typeof scored.get("2"), "number");
});

test("identifiers are quoted per dialect; gmm SQL says it uses the nearest mean", () => {
  assert.equal(quoteIdentifier('Annual "Income" (k$)', "duckdb"), '"Annual ""Income"" (k$)"');
  assert.equal(quoteIdentifier("Annual Income (k$)", "postgres"), '"Annual Income (k$)"');
  assert.equal(quoteIdentifier("a`b", "spark"), "`a``b`");
  assert.equal(quoteIdentifier("a`b", "bigquery"), "`a\\`b`");
  const out = path.join(dir, "gmm");
  assert.equal(runSegment(["run", MALL_CSV, "--k", "5", "--algorithm", "gmm", "--out", out, "--quiet"]).code, 0);
  const model = parseModel(fs.readFileSync(path.join(out, "model.json"), "utf8"), "model.json");
  const bq = modelToSql(model, { dialect: "bigquery", table: "crm.customers" });
  assert.match(bq, /FROM `crm`\.`customers`/);
  assert.match(bq, /CAST\(`Annual Income \(k\$\)` AS FLOAT64\)/);
  assert.match(bq, /NOTE: this gmm model is scored by the NEAREST MEAN/);
  const pg = modelToSql(model, { dialect: "postgres" });
  assert.match(pg, /DOUBLE PRECISION/);
  const cli = runSegment(["sql", path.join(out, "model.json"), "--dialect", "spark"]);
  assert.equal(cli.code, 0);
  assert.match(cli.stderr, /warning: SQL scores this gmm model by the nearest mean/);
  assert.match(cli.stdout, /FROM `customers`/);
  const bad = runSegment(["sql", path.join(out, "model.json"), "--dialect", "oracle"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--dialect oracle: must be one of duckdb, postgres, bigquery, spark/);
});
