/**
 * The reliability corpus of `segment` inputs (corpus files in test/corpus/; binary and huge inputs are made here):
 * damaged model files, inputs that are not text files, transactions for `rfm`, names that collide with JavaScript,
 * degenerate data and formula-like IDs. Every refused case: exit 2, ONE stderr line naming the problem, and every
 * path involved as it was (nothing written, nothing left behind).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { parseCsv } from "../src/data/read-csv";
import { MAX_CSV_BYTES } from "../src/io/read-input";
import { MAX_MODEL_BYTES } from "../src/model/validate-model";
import { assertCliCase, pathState } from "./helpers/cli-case";
import { ROOT, runSegment } from "./helpers/run-segment";

const CORPUS = path.join(ROOT, "test", "corpus");
const CUSTOMERS = path.join(CORPUS, "customers", "synthetic-60.csv");
const TRANSACTIONS = path.join(CORPUS, "transactions", "base.csv");

let dir: string;
let kmeansModel: Record<string, any>;
let gmmModel: Record<string, any>;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-inputs-"));
  for (const algorithm of ["kmeans", "gmm"]) {
    const r = runSegment([
      "run",
      CUSTOMERS,
      "--k",
      "3",
      "--algorithm",
      algorithm,
      "--categorical",
      "Gender",
      "--out",
      path.join(dir, algorithm),
      "--quiet",
    ]);
    assert.equal(r.code, 0, r.stderr);
  }
  kmeansModel = JSON.parse(fs.readFileSync(path.join(dir, "kmeans", "model.json"), "utf8"));
  gmmModel = JSON.parse(fs.readFileSync(path.join(dir, "gmm", "model.json"), "utf8"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Write a damaged copy of a model and check that `score` refuses it: exit 2, one line, nothing written. */
function refusedModel(
  name: string,
  base: () => Record<string, any>,
  damage: (m: Record<string, any>) => void,
  line: RegExp,
): void {
  test(`model.json with ${name}: score and sql refuse it, exit 2`, () => {
    const m = structuredClone(base());
    damage(m);
    const file = path.join(dir, `model-${name.replace(/\W+/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(m));
    const out = path.join(dir, `scored-${name.replace(/\W+/g, "-")}.csv`);
    assertCliCase({
      args: ["score", file, CUSTOMERS, "--out", out, "--quiet"],
      line,
      unchanged: [file, out, CUSTOMERS],
    });
    assertCliCase({ args: ["sql", file, "--quiet"], line, unchanged: [file] });
  });
}

// ── 3. A complete model.json check ─────────────────────────────────────────────────────────────────────────────
refusedModel(
  "no encodedFeatures",
  () => kmeansModel,
  (m) => delete m.encodedFeatures,
  /invalid model: encodedFeatures must list the 4 model columns/,
);
refusedModel(
  "empty segments",
  () => kmeansModel,
  (m) => (m.segments = []),
  /invalid model: segments must list 1 to k=3 segments/,
);
refusedModel(
  "all-zero GMM weights",
  () => gmmModel,
  (m) => (m.gmm.weights = [0, 0, 0]),
  /invalid model: gmm\.weights are all zero/,
);
refusedModel(
  "a negative GMM weight",
  () => gmmModel,
  (m) => (m.gmm.weights[1] = -0.2),
  /invalid model: gmm\.weights must be k=3 finite numbers >= 0/,
);
refusedModel(
  "a covariance that is not positive definite",
  () => gmmModel,
  (m) => (m.gmm.covariances[2] = m.gmm.covariances[2].map((row: number[]) => row.map(() => 1))),
  /invalid model: gmm\.covariances\[2\] is not positive definite/,
);
refusedModel(
  "an asymmetric covariance",
  () => gmmModel,
  (m) => (m.gmm.covariances[0][0][1] += 0.5),
  /invalid model: gmm\.covariances\[0\] is not symmetric/,
);
refusedModel(
  "a non-numeric impute value",
  () => kmeansModel,
  (m) => (m.imputeValues["Annual Income (k$)"] = "sixty"),
  /invalid model: imputeValues\["Annual Income \(k\$\)"\] must be a finite number/,
);
refusedModel(
  "a negative scale",
  () => kmeansModel,
  (m) => (m.scaler.scale[1] = -25.7),
  /invalid model: scaler\.scale must be 2 finite numbers > 0/,
);
refusedModel(
  "a null centroid value",
  () => kmeansModel,
  (m) => (m.centroids[0][1] = null),
  /invalid model: centroids must be k=3 rows of 4 finite numbers/,
);
refusedModel(
  "a segment number out of range",
  () => kmeansModel,
  (m) => (m.segments[2].segment = 7),
  /invalid model: segments\[2\] must be \{ segment: integer in \[0, 3\)/,
);
refusedModel(
  "a kmeans model scored by posterior",
  () => kmeansModel,
  (m) => (m.assignment = "gmm-posterior"),
  /invalid model: gmm is missing/,
);

test("a 2 GB sparse model.json is refused by its size, before it is read", () => {
  const file = path.join(dir, "sparse-model.json");
  fs.writeFileSync(file, "{");
  fs.truncateSync(file, 2 * 1024 ** 3);
  const t0 = Date.now();
  assertCliCase({
    args: ["sql", file],
    line: new RegExp(`sparse-model\\.json: file is 2147483648 bytes, more than the limit of ${MAX_MODEL_BYTES} bytes`),
    unchanged: [],
  });
  assert.ok(Date.now() - t0 < 20_000);
  fs.rmSync(file);
});

// ── 5. Inputs that are not text files ────────────────────────────────────────────────────────────────────────
for (const command of ["run", "score", "rfm"] as const) {
  test(`${command} refuses /dev/zero before reading it`, () => {
    const out = path.join(dir, `zero-${command}`);
    const args =
      command === "score"
        ? ["score", path.join(dir, "kmeans", "model.json"), "/dev/zero", "--out", `${out}.csv`]
        : [command, "/dev/zero", "--out", out];
    assertCliCase({
      args: [...args, "--quiet"],
      line: /\/dev\/zero: not a regular file \(a character device\); give a file on disk/,
      unchanged: [out, `${out}.csv`],
    });
  });
}

test("run refuses a FIFO without blocking on it", () => {
  const fifo = path.join(dir, "customers.fifo");
  execFileSync("mkfifo", [fifo]);
  assertCliCase({
    args: ["run", fifo, "--out", path.join(dir, "fifo-out"), "--quiet"],
    line: /customers\.fifo: not a regular file \(a FIFO\)/,
    unchanged: [fifo, path.join(dir, "fifo-out")],
  });
});

test("run refuses a folder given as the input CSV", () => {
  const folder = path.join(dir, "a-folder.csv");
  fs.mkdirSync(folder);
  assertCliCase({
    args: ["run", folder, "--out", path.join(dir, "folder-out"), "--quiet"],
    line: /a-folder\.csv: is a folder, not a file/,
    unchanged: [folder, path.join(dir, "folder-out")],
  });
});

test("sql refuses a device as model.json", () => {
  assertCliCase({
    args: ["sql", "/dev/null"],
    line: /\/dev\/null: not a regular file \(a character device\)/,
    unchanged: [],
  });
});

test("a CSV larger than the cap is refused by its size (a sparse file: nothing is read)", () => {
  const file = path.join(dir, "huge.csv");
  fs.writeFileSync(file, "CustomerID,Annual Income (k$),Spending Score (1-100)\n");
  fs.truncateSync(file, MAX_CSV_BYTES + 1);
  assertCliCase({
    args: ["run", file, "--out", path.join(dir, "huge-out"), "--quiet"],
    line: new RegExp(`huge\\.csv: file is ${MAX_CSV_BYTES + 1} bytes, more than the limit of ${MAX_CSV_BYTES} bytes`),
    unchanged: [path.join(dir, "huge-out")],
  });
  fs.rmSync(file);
});

/** The synthetic customers with Gender "Fémale" for "Female", in Latin-1 bytes. */
function latin1Customers(): string {
  const text = fs.readFileSync(CUSTOMERS, "utf8").replace(/Female/g, "Fémale");
  const file = path.join(dir, "latin1.csv");
  fs.writeFileSync(file, Buffer.from(text, "latin1"));
  return file;
}

test("a Latin-1 file is refused with the byte offset of its first invalid UTF-8 byte", () => {
  const file = latin1Customers();
  const offset = fs.readFileSync(file).indexOf(0xe9);
  assertCliCase({
    args: ["run", file, "--categorical", "Gender", "--out", path.join(dir, "latin1-out"), "--quiet"],
    line: new RegExp(
      `latin1\\.csv, row 3: not valid UTF-8 at byte ${offset} \\(0xe9\\); save the file as UTF-8 or give its encoding with --encoding`,
    ),
    unchanged: [file, path.join(dir, "latin1-out")],
  });
});

test("--encoding latin1 reads the same file as its UTF-8 twin: the same segments and levels", () => {
  const file = latin1Customers();
  const twin = path.join(dir, "utf8-twin.csv");
  fs.writeFileSync(twin, fs.readFileSync(file).toString("latin1"), "utf8");
  const a = runSegment([
    "run",
    file,
    "--encoding",
    "latin1",
    "--categorical",
    "Gender",
    "--k",
    "3",
    "--out",
    path.join(dir, "enc-a"),
    "--quiet",
  ]);
  const b = runSegment([
    "run",
    twin,
    "--categorical",
    "Gender",
    "--k",
    "3",
    "--out",
    path.join(dir, "enc-b"),
    "--quiet",
  ]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  const model = JSON.parse(fs.readFileSync(path.join(dir, "enc-a", "model.json"), "utf8"));
  assert.deepEqual(model.categorical[0].levels, ["Fémale", "Male"]);
  assert.equal(
    fs.readFileSync(path.join(dir, "enc-a", "segments.csv"), "utf8"),
    fs.readFileSync(path.join(dir, "enc-b", "segments.csv"), "utf8"),
  );
});

// ── 4. rfm with the same input discipline as run ─────────────────────────────────────────────────────────────
/** A copy of the transactions corpus with line `n` (1-based, header = 1) edited. */
function transactions(name: string, edit: (lines: string[]) => void): string {
  const lines = fs.readFileSync(TRANSACTIONS, "utf8").trimEnd().split("\n");
  edit(lines);
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}
const setField = (lines: string[], n: number, column: number, value: string) => {
  const cells = lines[n - 1]!.split(",");
  cells[column] = value;
  lines[n - 1] = cells.join(",");
};

for (const [label, column, index, value, line] of [
  ["a NaN price", "UnitPrice", 5, "NaN", /nan-price\.csv, row 4, column "UnitPrice": not a finite number: "NaN"/],
  [
    "an Infinity quantity",
    "Quantity",
    3,
    "Infinity",
    /infinity-quantity\.csv, row 4, column "Quantity": not a finite number: "Infinity"/,
  ],
  [
    "an overflowing price",
    "UnitPrice",
    5,
    "9e99",
    /overflowing-price\.csv, row 4, column "UnitPrice": number out of range \(\|value\| must be <= 1000000000000\): "9e99"/,
  ],
] as const) {
  test(`rfm refuses ${label} with its row and column (exit 2, not DuckDB's conversion error)`, () => {
    const file = transactions(`${label.replace(/^an? /, "").replace(/\W+/g, "-").toLowerCase()}.csv`, (lines) =>
      setField(lines, 4, index, value),
    );
    assert.equal(column.length > 0, true);
    assertCliCase({
      args: ["rfm", file, "--out", path.join(dir, "rfm-bad"), "--quiet"],
      line,
      unchanged: [file, path.join(dir, "rfm-bad")],
    });
  });
}

test("rfm refuses invoice dates after the run's clock with their count and first row", () => {
  const file = transactions("future.csv", (lines) => {
    setField(lines, 6, 4, "2099-01-01 10:00:00");
    setField(lines, 9, 4, "2100-05-05 10:00:00");
  });
  const today = new Date().toISOString().slice(0, 10);
  assertCliCase({
    args: ["rfm", file, "--out", path.join(dir, "rfm-future"), "--quiet"],
    line: new RegExp(
      `future\\.csv, row 6, column "InvoiceDate": 2 invoice dates after the run's clock \\(${today}\\) or before 1970; the first is "2099-01-01 10:00:00"`,
    ),
    unchanged: [file, path.join(dir, "rfm-future")],
  });
});

test("rfm reads NA, N/A, null, NULL, - and na as no customer, and 12340.0 as the customer 12340", () => {
  const base = fs.readFileSync(TRANSACTIONS, "utf8");
  const extra = ["NA", "N/A", "null", "NULL", "-", "na"].map(
    (id, i) => `6000${i},S1,x,1,2011-03-03 10:00:00,2.0,${id},UK`,
  );
  const file = path.join(dir, "missing-ids.csv");
  fs.writeFileSync(file, base + extra.join("\n") + "\n60009,S1,x,1,2011-09-09 10:00:00,2.0,12340.0,UK\n");
  const r = runSegment(["rfm", file, "--out", path.join(dir, "rfm-ids"), "--json", "--k", "2"]);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.funnel[1].step, "missing_customer");
  assert.equal(summary.funnel[1].removed, 6);
  const rows = parseCsv(fs.readFileSync(path.join(dir, "rfm-ids", "rfm.csv"), "utf8"), "rfm.csv").rows;
  assert.deepEqual(rows.map((row) => row[0]).sort(), [
    "12340",
    "12341",
    "12342",
    "12343",
    "12344",
    "12345",
    "12346",
    "12347",
  ]);
  // 12340 bought on invoices 50000, 50004, 50008, 50012, 50016 and 60009: 6 invoices.
  assert.equal(rows.find((row) => row[0] === "12340")![2], "6");
});

test("rfm reads a file name with ? * [ literally (no glob mixes in other files)", () => {
  const folder = path.join(dir, "glob");
  fs.mkdirSync(folder);
  const literal = path.join(folder, "tx?[1]*.csv");
  fs.copyFileSync(TRANSACTIONS, literal);
  fs.writeFileSync(
    path.join(folder, "txA1.csv"),
    fs.readFileSync(TRANSACTIONS, "utf8") + "70000,S1,x,1,2011-03-03 10:00:00,2.0,99999,UK\n",
  );
  const r = runSegment(["rfm", literal, "--out", path.join(dir, "rfm-glob"), "--k", "2", "--quiet"]);
  assert.equal(r.code, 0, r.stderr);
  const ids = parseCsv(fs.readFileSync(path.join(dir, "rfm-glob", "rfm.csv"), "utf8"), "rfm.csv").rows.map(
    (row) => row[0],
  );
  assert.equal(ids.length, 8);
  assert.ok(!ids.includes("99999"));
});

test("rfm refuses a Latin-1 transactions file with the byte offset, and reads it with --encoding latin1", () => {
  const text = fs.readFileSync(TRANSACTIONS, "utf8").replace(/,UK\n/g, ",Fränce\n");
  const file = path.join(dir, "tx-latin1.csv");
  fs.writeFileSync(file, Buffer.from(text, "latin1"));
  const offset = fs.readFileSync(file).indexOf(0xe4);
  assertCliCase({
    args: ["rfm", file, "--out", path.join(dir, "rfm-latin1"), "--quiet"],
    line: new RegExp(`tx-latin1\\.csv, row 2: not valid UTF-8 at byte ${offset} \\(0xe4\\)`),
    unchanged: [file, path.join(dir, "rfm-latin1")],
  });
  const r = runSegment([
    "rfm",
    file,
    "--encoding",
    "latin1",
    "--k",
    "2",
    "--out",
    path.join(dir, "rfm-latin1"),
    "--quiet",
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(parseCsv(fs.readFileSync(path.join(dir, "rfm-latin1", "rfm.csv"), "utf8"), "rfm.csv").rows.length, 8);
});

test("rfm --k auto is refused without offering auto", () => {
  assertCliCase({
    args: ["rfm", TRANSACTIONS, "--k", "auto", "--out", path.join(dir, "rfm-auto")],
    line: /^segment: error: --k auto: must be an integer >= 1$/,
    unchanged: [path.join(dir, "rfm-auto")],
  });
});

// ── 6. Names that collide with JavaScript ────────────────────────────────────────────────────────────────────
test("__proto__, constructor and toString are ordinary columns in features, categoricals, profiles, model and scoring", () => {
  const file = path.join(CORPUS, "customers", "js-names.csv");
  const out = path.join(dir, "js-names");
  const r = runSegment([
    "run",
    file,
    "--features",
    "__proto__,constructor,hasOwnProperty",
    "--categorical",
    "toString",
    "--k",
    "2",
    "--out",
    out,
    "--quiet",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const profiles = parseCsv(fs.readFileSync(path.join(out, "profiles.csv"), "utf8"), "profiles.csv");
  for (const column of [
    "__proto__ mean",
    "constructor z",
    "hasOwnProperty median",
    "toString=__proto__ share",
    "toString=constructor share",
    "toString=valueOf share",
  ]) {
    assert.ok(profiles.header.includes(column), column);
  }
  assert.ok(!fs.readFileSync(path.join(out, "profiles.csv"), "utf8").includes("[object Object]"));
  const model = JSON.parse(fs.readFileSync(path.join(out, "model.json"), "utf8"));
  assert.deepEqual(model.features, ["__proto__", "constructor", "hasOwnProperty"]);
  assert.deepEqual(Object.keys(model.imputeValues), ["__proto__", "constructor", "hasOwnProperty"]);
  // Shares of the three levels in each segment sum to 1 (no level lost to a prototype).
  const shareColumns = profiles.header.map((h, j) => (h.startsWith("toString=") ? j : -1)).filter((j) => j >= 0);
  for (const row of profiles.rows) assert.ok(Math.abs(shareColumns.reduce((s, j) => s + Number(row[j]), 0) - 1) < 1e-3);
  const scored = path.join(dir, "js-scored.csv");
  assert.equal(runSegment(["score", path.join(out, "model.json"), file, "--out", scored, "--quiet"]).code, 0);
  const segments = parseCsv(fs.readFileSync(path.join(out, "segments.csv"), "utf8"), "s").rows.map((row) => row[1]);
  assert.deepEqual(
    parseCsv(fs.readFileSync(scored, "utf8"), "s").rows.map((row) => row[1]),
    segments,
  );
});

// ── 7. Degenerate data told plainly ──────────────────────────────────────────────────────────────────────────
const degenerate = (name: string, rows: string[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ["CustomerID,Annual Income (k$),Spending Score (1-100)", ...rows].join("\n") + "\n");
  return file;
};

test("finite values whose squares overflow are exit 2 as overflow, not a model with null centres", () => {
  const file = degenerate(
    "overflow.csv",
    Array.from({ length: 12 }, (_, i) => `${i + 1},${i % 2 ? 1.7e308 : -1.7e308},${i * 3}`),
  );
  assertCliCase({
    args: ["run", file, "--k", "2", "--out", path.join(dir, "overflow-out"), "--quiet"],
    line: /overflow\.csv(, column "Annual Income \(k\$\)")?: values too large: .*overflow.* a double.*"?Annual Income \(k\$\)/,
    unchanged: [file, path.join(dir, "overflow-out")],
  });
});

test("fewer distinct points than k is refused, naming both counts", () => {
  const file = degenerate(
    "three-points.csv",
    Array.from({ length: 12 }, (_, i) => `${i + 1},${[10, 50, 90][i % 3]},${[20, 60, 30][i % 3]}`),
  );
  assertCliCase({
    args: ["run", file, "--k", "5", "--out", path.join(dir, "three-out"), "--quiet"],
    line: /three-points\.csv: only 3 distinct rows, fewer than k=5 segments; give --k 3 or fewer/,
    unchanged: [file, path.join(dir, "three-out")],
  });
});

test("--k auto on near-identical rows names the file and the cause", () => {
  const file = degenerate(
    "two-points.csv",
    Array.from({ length: 20 }, (_, i) => `${i + 1},${i % 2 ? 40 : 41},${i % 2 ? 50 : 51}`),
  );
  assertCliCase({
    args: ["run", file, "--out", path.join(dir, "two-out"), "--quiet"],
    line: /two-points\.csv: only 2 distinct rows \(after scaling\): --k auto needs at least 3/,
    unchanged: [file, path.join(dir, "two-out")],
  });
});

test("a 100 kB ID is cut in the error message like a bad value", () => {
  const long = "x".repeat(100_000);
  const file = degenerate("long-id.csv", [`${long},10,20`, `${long},30,40`, "3,50,60"]);
  const r = assertCliCase({
    args: ["run", file, "--k", "2", "--out", path.join(dir, "long-out"), "--quiet"],
    line: /long-id\.csv, row 3, column "CustomerID": duplicate ID "x{40}…" \(first at row 2\)/,
    unchanged: [file, path.join(dir, "long-out")],
  });
  assert.ok(r.stderr.length < 400, `message of ${r.stderr.length} characters`);
});

// ── 8. Formula-safe CSV ──────────────────────────────────────────────────────────────────────────────────────
test("IDs starting with = + - @ are neutralised in segments.csv and score output (--keep-ids)", () => {
  const file = path.join(CORPUS, "customers", "formula-ids.csv");
  const out = path.join(dir, "formula-out");
  assert.equal(runSegment(["run", file, "--k", "2", "--keep-ids", "--out", out, "--quiet"]).code, 0);
  const scored = path.join(dir, "formula-scored.csv");
  assert.equal(
    runSegment(["score", path.join(out, "model.json"), file, "--keep-ids", "--out", scored, "--quiet"]).code,
    0,
  );
  for (const written of [path.join(out, "segments.csv"), scored]) {
    const ids = parseCsv(fs.readFileSync(written, "utf8"), written).rows.map((row) => row[0]!);
    assert.deepEqual(ids.slice(0, 6), [
      "'=1+1",
      "'+SUM(A1:A2)",
      "'-2+3",
      "'@cmd",
      "TAB",
      '\'=HYPERLINK("http://example.invalid","x")',
    ]);
    assert.ok(
      ids.every((id) => !/^[=+\-@]/.test(id)),
      written,
    );
  }
  assert.deepEqual(pathState(file), pathState(file));
});

test("feature names starting with = are neutralised in profiles.csv headers and names", () => {
  const file = path.join(dir, "formula-names.csv");
  fs.writeFileSync(
    file,
    [
      "id,=cmd|' /C calc'!A0,@sum",
      ...Array.from({ length: 20 }, (_, i) => `${i},${[10, 90][i % 2] + i},${[5, 70][i % 2] + (i % 4)}`),
    ].join("\n") + "\n",
  );
  const out = path.join(dir, "formula-names-out");
  const r = runSegment([
    "run",
    file,
    "--id",
    "id",
    "--features",
    "=cmd|' /C calc'!A0,@sum",
    "--k",
    "2",
    "--out",
    out,
    "--quiet",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const profiles = parseCsv(fs.readFileSync(path.join(out, "profiles.csv"), "utf8"), "profiles.csv");
  assert.ok(profiles.header.includes("'=cmd|' /C calc'!A0 mean"));
  assert.ok(profiles.header.includes("'@sum z"));
  for (const cell of [...profiles.header, ...profiles.rows.flat()]) assert.ok(!/^[=+@]/.test(cell), cell);
});

test("a gmm model scores its training rows to the run's own segments (the engine's gmmPredictProba)", () => {
  const scored = path.join(dir, "gmm-scored.csv");
  assert.equal(
    runSegment(["score", path.join(dir, "gmm", "model.json"), CUSTOMERS, "--out", scored, "--quiet"]).code,
    0,
  );
  const segments = parseCsv(fs.readFileSync(path.join(dir, "gmm", "segments.csv"), "utf8"), "s").rows.map(
    (row) => row[1],
  );
  assert.deepEqual(
    parseCsv(fs.readFileSync(scored, "utf8"), "s").rows.map((row) => row[1]),
    segments,
  );
});
