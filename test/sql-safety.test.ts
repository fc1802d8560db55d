/**
 * `segment sql` is safe for any names and values: a model trained on hostile column names and category levels
 * (quotes, backticks, semicolons, newlines, `--`, `/*`, backslashes; test/corpus/sql/hostile-names.csv) gives, in
 * every dialect, ONE SELECT statement that sqlglot (an outside parser of each dialect's lexical rules) reads back
 * with exactly the model's names as identifiers and its levels and segment names as string literals; comments hold
 * no user text; DuckDB runs it, assigns as `segment score` does and drops nothing; the query grows linearly in k.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseCsv } from "../src/data/read-csv";
import { MAX_SQL_TERMS, modelToSql, SQL_DIALECTS, stringLiteral, quoteIdentifier } from "../src/model/model-sql";
import { MODEL_FORMAT, MODEL_VERSION, type SegmentModel } from "../src/model/segment-model";
import { parseModel } from "../src/model/validate-model";
import { assertCliCase } from "./helpers/cli-case";
import { venvPython } from "./helpers/retail";
import { ROOT, runSegment } from "./helpers/run-segment";

const CORPUS = path.join(ROOT, "test", "corpus", "sql", "hostile-names.csv");
const ID = 'id"; DROP TABLE customers; --';
const FEATURES = ["spend `x` (k$)", "visits' /* note */ \\ -- per\nmonth"];
const CATEGORY = "gen`der\"'";
const LEVELS = ["*/ DROP TABLE customers; /*", "=1+2", "a\\'b", "plain", "x'\n); DROP TABLE customers; --"];
const hasPython = fs.existsSync(venvPython);

let dir: string;
let modelFile: string;
let model: SegmentModel;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-sql-safety-"));
  modelFile = path.join(dir, "out", "model.json");
  const r = runSegment([
    "run",
    CORPUS,
    "--id",
    ID,
    "--features",
    FEATURES.join(","),
    "--categorical",
    CATEGORY,
    "--k",
    "3",
    "--out",
    path.join(dir, "out"),
    "--quiet",
  ]);
  assert.equal(r.code, 0, r.stderr);
  model = parseModel(fs.readFileSync(modelFile, "utf8"), modelFile);
  assert.deepEqual(model.categorical[0]!.levels, LEVELS);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** sqlglot's reading of a query in a dialect (test/fixtures/sql_parse.py). */
function sqlglotParse(
  sql: string,
  dialect: string,
): { error?: string; statements: number; kinds: string[]; literals: string[]; identifiers: string[] } {
  const out = execFileSync(venvPython, [path.join(ROOT, "test", "fixtures", "sql_parse.py"), dialect], {
    input: sql,
    encoding: "utf8",
    maxBuffer: 256 << 20,
  });
  return JSON.parse(out);
}

for (const dialect of SQL_DIALECTS) {
  test(`${dialect}: hostile names and values parse (sqlglot) as one SELECT with exactly the model's literals and names`, {
    skip: !hasPython && "no .venv",
  }, () => {
    const r = runSegment(["sql", modelFile, "--dialect", dialect, "--table", "crm.customers; DROP TABLE x"]);
    assert.equal(r.code, 0, r.stderr);
    const parsed = sqlglotParse(r.stdout, dialect);
    assert.equal(parsed.error, undefined, parsed.error);
    assert.equal(parsed.statements, 1);
    assert.deepEqual(parsed.kinds, ["Select"]);
    // Every string literal is a level or a segment name, character for character (the escaping round-trips).
    const expected = [...LEVELS, ...model.segments.map((s) => s.name)].sort();
    assert.deepEqual(parsed.literals, [...new Set(expected)].sort());
    for (const name of [ID, ...FEATURES, CATEGORY, "crm", "customers; DROP TABLE x"])
      assert.ok(parsed.identifiers.includes(name), `${dialect}: identifier ${JSON.stringify(name)}`);
    // Comments carry no user text: no comment line holds any name or level.
    const comments = r.stdout.split("\n").filter((l) => l.startsWith("--"));
    for (const text of [ID, ...FEATURES, CATEGORY, ...LEVELS, "DROP", "spend"])
      assert.ok(!comments.some((c) => c.includes(text)), `${dialect}: a comment holds ${JSON.stringify(text)}`);
  });
}

test("string literals and identifiers round-trip through sqlglot for every dialect, control characters included", {
  skip: !hasPython && "no .venv",
}, () => {
  const values = [
    "it's",
    "back\\slash",
    "new\nline",
    "tab\there",
    "cr\rhere",
    "`tick`",
    '"dq"',
    "\u0001ctl",
    "-- not a comment",
    "/* nor this */",
    "é ü 中文 😀",
  ];
  for (const dialect of SQL_DIALECTS) {
    const sql = `SELECT ${values.map((v, i) => `${stringLiteral(v, dialect)} AS ${quoteIdentifier(`c${i} ${v}`, dialect)}`).join(", ")}`;
    const parsed = sqlglotParse(sql, dialect);
    assert.equal(parsed.error, undefined, `${dialect}: ${parsed.error}`);
    assert.deepEqual(parsed.literals, [...values].sort(), dialect);
    for (const [i, v] of values.entries())
      assert.ok(parsed.identifiers.includes(`c${i} ${v}`), `${dialect}: identifier c${i} ${JSON.stringify(v)}`);
  }
});

test("DuckDB runs the hostile query: the same segments as `segment score`, and the table is still there", async () => {
  const scored = path.join(dir, "scored.csv");
  assert.equal(runSegment(["score", modelFile, CORPUS, "--out", scored, "--keep-ids", "--quiet"]).code, 0);
  const sql = runSegment(["sql", modelFile, "--dialect", "duckdb"]).stdout;
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE TABLE customers AS SELECT * FROM read_csv('${CORPUS.replace(/'/g, "''")}', header = true, all_varchar = true)`,
    );
    await connection.run(`ALTER TABLE customers ALTER ${quoteIdentifier(FEATURES[0]!, "duckdb")} TYPE DOUBLE`);
    await connection.run(`ALTER TABLE customers ALTER ${quoteIdentifier(FEATURES[1]!, "duckdb")} TYPE DOUBLE`);
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    const inSql = new Map(rows.map((r) => [String(r[ID]), Number(r["segment"])]));
    // The scored CSV neutralises formula-like IDs with a leading "'"; compare on the real IDs.
    const inJs = new Map(
      parseCsv(fs.readFileSync(scored, "utf8"), "scored").rows.map((r) => [
        r[0]!.replace(/^'(?=[=+\-@])/, ""),
        Number(r[1]),
      ]),
    );
    assert.equal(inSql.size, 60);
    assert.deepEqual([...inSql].sort(), [...inJs].sort());
    const count = (await connection.runAndReadAll("SELECT COUNT(*) AS n FROM customers")).getRowObjectsJS()[0]!;
    assert.equal(Number(count["n"]), 60);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});

/** A k-means model of k spread centres on d features (valid for `parseModel`). */
function bigModel(k: number, d = 2): SegmentModel {
  const features = d === 2 ? ["a", "b"] : Array.from({ length: d }, (_, j) => `x${j}`);
  const centroids = Array.from({ length: k }, (_, c) =>
    features.map((_, j) => (j === 0 ? Math.sin(c) : Math.cos(c * 1.3 + j))),
  );
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdBy: "test",
    algorithm: "kmeans",
    k,
    seed: 1,
    idColumn: "id",
    features,
    categorical: [],
    encodedFeatures: features,
    scaler: { method: "standard", center: features.map(() => 0), scale: features.map(() => 1) },
    imputeValues: Object.fromEntries(features.map((f) => [f, 0])),
    centroids,
    centroidsOriginal: centroids,
    assignment: "nearest-centroid",
    segments: Array.from({ length: k }, (_, c) => ({ segment: c, name: `s${c}`, size: 1 })),
  };
}

test("the query grows linearly in k (k = 3,000 is about 1,000 times k = 3) and DuckDB still picks the nearest centre", async () => {
  const small = modelToSql(bigModel(3)).length;
  const large = modelToSql(bigModel(3000)).length;
  assert.ok(large < small * 1500, `k=3000: ${large} characters vs k=3: ${small}`);
  const sql = modelToSql(bigModel(300));
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(
      "CREATE TABLE customers AS SELECT range AS id, sin(range * 0.7) * 1.2 AS a, cos(range * 0.3) AS b FROM range(50)",
    );
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    const m = bigModel(300);
    for (const r of rows) {
      const x = [Math.sin(Number(r["id"]) * 0.7) * 1.2, Math.cos(Number(r["id"]) * 0.3)];
      const d = m.centroids.map((c) => (x[0]! - c[0]!) ** 2 + (x[1]! - c[1]!) ** 2);
      assert.equal(Number(r["segment"]), d.indexOf(Math.min(...d)));
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});

test("a model beyond the SQL size bound is refused with exit 2 and one line; the model file is untouched", () => {
  const k = 2000;
  const d = Math.ceil(MAX_SQL_TERMS / k) + 1;
  const file = path.join(dir, "huge-k.json");
  fs.writeFileSync(file, JSON.stringify(bigModel(k, d)));
  const r = assertCliCase({
    args: ["sql", file],
    line: new RegExp(
      `sql: the model has k=${k} centres of ${d} columns, ${k * d} distance terms, more than the ${MAX_SQL_TERMS}`,
    ),
    unchanged: [file],
  });
  assert.equal(r.stdout, "");
});

test("a --table with an empty part is refused with exit 2", () => {
  assertCliCase({
    args: ["sql", modelFile, "--table", "crm..customers"],
    line: /sql: --table must be a name or dotted names/,
    unchanged: [path.dirname(modelFile)],
  });
});
