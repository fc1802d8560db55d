/**
 * Rules in the CLI: `segment run` writes rules.json and puts the rules into profiles.csv and report.html;
 * `segment sql --rules` prints a CASE WHEN query per dialect that, run in DuckDB, assigns exactly as
 * `predictRules` does — also with one-hot columns and with column names that need quoting.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseCsv } from "../src/data/read-csv";
import { predictRules, type RulesFile } from "../src/rules";
import { MALL_CSV, runSegment } from "./helpers/run-segment";

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-rules-"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Run SQL in DuckDB over a CSV loaded as table `customers`; returns id → segment, read from the id column `idColumn`. */
async function runInDuckDb(sql: string, csvFile: string, idColumn: string): Promise<Map<string, number | null>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE TABLE customers AS SELECT * FROM read_csv('${csvFile.replace(/'/g, "''")}', header = true)`,
    );
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    return new Map(rows.map((r) => [String(r[idColumn]), r.segment === null ? null : Number(r.segment)]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The rows of a CSV as the rules see them: the given numeric columns, then one 0/1 column per one-hot level. */
function rulesRows(
  csvFile: string,
  numeric: string[],
  oneHot: { column: string; levels: string[] }[],
): { ids: string[]; X: number[][] } {
  const t = parseCsv(fs.readFileSync(csvFile, "utf8"), csvFile);
  const at = (name: string): number => t.header.indexOf(name);
  return {
    ids: t.rows.map((r) => r[0]!),
    X: t.rows.map((r) => [
      ...numeric.map((c) => Number(r[at(c)])),
      ...oneHot.flatMap(({ column, levels }) => levels.map((l) => (r[at(column)] === l ? 1 : 0))),
    ]),
  };
}

test("segment run writes rules.json (IMM, fidelity >= 0.9 on the Mall data) and the rules into profiles.csv and report.html", () => {
  const out = path.join(dir, "mall");
  const run = runSegment(["run", MALL_CSV, "--k", "5", "--out", out, "--json"]);
  assert.equal(run.code, 0, run.stderr);
  const summary = JSON.parse(run.stdout);
  const rules = JSON.parse(fs.readFileSync(path.join(out, "rules.json"), "utf8")) as RulesFile;
  assert.equal(rules.format, "mall-segments/segment-rules");
  assert.equal(rules.rules.length, 5);
  assert.ok(rules.fidelity >= 0.9, `fidelity ${rules.fidelity}`);
  assert.equal(rules.fidelity, 0.985); // measured: 3 of 200 customers misplaced
  assert.deepEqual(summary.rules, { fidelity: rules.fidelity, mistakes: 3, leaves: 5 });
  assert.deepEqual(
    rules.cart.map((c) => c.leaves),
    [5, 10],
  );
  // The stored tree reproduces the stored fidelity on the data: predictRules against segments.csv.
  const segments = parseCsv(fs.readFileSync(path.join(out, "segments.csv"), "utf8"), "segments.csv").rows.map((r) =>
    Number(r[1]),
  );
  const { X } = rulesRows(MALL_CSV, ["Annual Income (k$)", "Spending Score (1-100)"], []);
  const predicted = predictRules(rules.tree, X);
  assert.equal(predicted.filter((s, i) => s === segments[i]).length, 197);
  // profiles.csv: a rule column before the recommendation, one rule per segment.
  const profiles = parseCsv(fs.readFileSync(path.join(out, "profiles.csv"), "utf8"), "profiles.csv");
  const ruleColumn = profiles.header.indexOf("rule");
  assert.equal(ruleColumn, profiles.header.length - 2);
  for (const row of profiles.rows)
    assert.equal(row[ruleColumn], rules.rules.find((r) => r.segment === Number(row[0]))!.text);
  // report.html: the section, the fidelity, each rule (escaped) and the tree diagram.
  const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
  assert.match(html, /<h2>Segments as rules<\/h2>/);
  assert.match(html, /put <b>98\.5%<\/b> of the 200 customers in their own segment/);
  for (const r of rules.rules)
    assert.ok(
      html.includes(`Rule: <code>${r.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</code>`),
      r.text,
    );
  assert.match(html, /The rules as a decision tree/);
});

test("segment sql --rules in DuckDB assigns as predictRules (Mall, and three features with one-hot Gender)", async () => {
  for (const [label, args, numeric, categorical] of [
    ["income × spending, k = 5", ["--k", "5"], ["Annual Income (k$)", "Spending Score (1-100)"], []],
    [
      "three features + Gender, k = 6",
      ["--k", "6", "--features", "Age,Annual Income (k$),Spending Score (1-100)", "--categorical", "Gender"],
      ["Age", "Annual Income (k$)", "Spending Score (1-100)"],
      ["Gender"],
    ],
  ] as const) {
    const out = path.join(dir, label.replace(/\W+/g, "-"));
    assert.equal(runSegment(["run", MALL_CSV, "--out", out, "--quiet", ...args]).code, 0, label);
    const rules = JSON.parse(fs.readFileSync(path.join(out, "rules.json"), "utf8")) as RulesFile;
    const model = JSON.parse(fs.readFileSync(path.join(out, "model.json"), "utf8"));
    const sql = runSegment(["sql", path.join(out, "model.json"), "--rules"]);
    assert.equal(sql.code, 0, sql.stderr);
    assert.match(sql.stdout, /CASE\n\s+WHEN f0 IS NULL/);
    const inSql = await runInDuckDb(sql.stdout, MALL_CSV, "CustomerID");
    const { ids, X } = rulesRows(MALL_CSV, [...numeric], categorical.length ? model.categorical : []);
    assert.equal(rules.features.length, X[0]!.length);
    const predicted = predictRules(rules.tree, X);
    assert.equal(inSql.size, 200);
    assert.deepEqual(
      ids.map((id) => inSql.get(id)),
      predicted,
      label,
    );
  }
});

test("segment sql --rules quotes column names and segment names per dialect, as the centroid query does", async () => {
  const file = path.join(dir, "odd-names.csv");
  const lines = ['id,"in""come",spend\\x'];
  for (let i = 0; i < 60; i++) lines.push(`${i},${(i % 3) * 40 + (i % 7)},${(i % 2) * 50 + (i % 5)}`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  const out = path.join(dir, "odd");
  assert.equal(
    runSegment([
      "run",
      file,
      "--id",
      "id",
      "--features",
      'in"come,spend\\x',
      "--k",
      "3",
      "--keep-ids",
      "--out",
      out,
      "--quiet",
    ]).code,
    0,
  );
  const rules = JSON.parse(fs.readFileSync(path.join(out, "rules.json"), "utf8")) as RulesFile;
  const duck = runSegment(["sql", path.join(out, "model.json"), "--rules", "--dialect", "duckdb"]);
  assert.equal(duck.code, 0, duck.stderr);
  assert.ok(duck.stdout.includes(`CAST("in""come" AS DOUBLE) AS f0`));
  const inSql = await runInDuckDb(duck.stdout, file, "id");
  const { ids, X } = rulesRows(file, ['in"come', "spend\\x"], []);
  assert.deepEqual(
    ids.map((id) => inSql.get(id)),
    predictRules(rules.tree, X),
  );
  const expected: Record<string, string> = {
    postgres: `CAST("in""come" AS DOUBLE PRECISION) AS f0`,
    bigquery: "CAST(`spend\\\\x` AS FLOAT64) AS f1",
    spark: "CAST(`spend\\x` AS DOUBLE) AS f1",
  };
  for (const [dialect, text] of Object.entries(expected)) {
    const r = runSegment([
      "sql",
      path.join(out, "model.json"),
      "--rules",
      "--dialect",
      dialect,
      "--table",
      "crm.customers",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes(text), `${dialect}: ${text}\n${r.stdout}`);
    assert.match(r.stdout, /END AS segment\n/);
  }
});

test("segment sql --rules without a rules.json: exit 2 and one line naming the file", () => {
  const out = path.join(dir, "no-rules");
  assert.equal(runSegment(["run", MALL_CSV, "--k", "4", "--out", out, "--quiet"]).code, 0);
  fs.rmSync(path.join(out, "rules.json"));
  const r = runSegment(["sql", path.join(out, "model.json"), "--rules"]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /rules\.json: no rules file here/);
});
