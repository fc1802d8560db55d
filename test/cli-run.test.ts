/**
 * `segment run` / `segment score` as a user runs them on the Mall data: the canonical analysis by default,
 * the outputs and their contents, pseudonymised IDs, --json, imputation counts, and re-scoring with model.json.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { parseCsv } from "../src/data/read-csv";
import { MALL_CSV, runSegment } from "./helpers/run-segment";

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-run-"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const readCsvFile = (file: string) => parseCsv(fs.readFileSync(file, "utf8"), file);

test("defaults do the canonical analysis: income × spending, k auto → 5, kmeans, standard scaling; --json on stdout", () => {
  const out = path.join(dir, "canonical");
  const r = runSegment(["run", MALL_CSV, "--out", out, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.k, 5);
  assert.deepEqual(summary.features, ["Annual Income (k$)", "Spending Score (1-100)"]);
  assert.equal(summary.algorithm, "kmeans");
  assert.equal(summary.scale, "standard");
  assert.equal(summary.rowsUsed, 200);
  assert.equal(summary.kSelection.votes.length, 7);
  assert.equal(summary.kSelection.votes.filter((v: { k: number }) => v.k === 5).length, 4); // elbow, silhouette, DB, stability
  assert.deepEqual(summary.kSelection.ks, [2, 3, 4, 5, 6, 7, 8, 9, 10]);
  // The well-known five groups: sizes 81, 39, 35, 23, 22 and a silhouette of about 0.55.
  assert.deepEqual(
    summary.segments.map((s: { size: number }) => s.size).sort((a: number, b: number) => b - a),
    [81, 39, 35, 23, 22],
  );
  assert.ok(Math.abs(summary.silhouette.score - 0.5539) < 0.005, `silhouette ${summary.silhouette.score}`);
  assert.equal(summary.silhouette.sampleSize, 200);
  const names = summary.segments.map((s: { name: string }) => s.name).sort();
  assert.deepEqual(names, [
    "High annual income × high spending score",
    "High annual income × low spending score",
    "Low annual income × high spending score",
    "Low annual income × low spending score",
    "Mid annual income × mid spending score",
  ]);
  assert.deepEqual(fs.readdirSync(out).sort(), [
    ".mall-segments-output",
    "model.json",
    "profiles.csv",
    "report.html",
    "rules.json",
    "segments.csv",
  ]);
});

test("segments.csv: pseudonymised IDs by HMAC-SHA256 under mall-segments:<seed>, deterministic given the seed; --keep-ids keeps them", () => {
  const a = path.join(dir, "ids-a");
  const b = path.join(dir, "ids-b");
  const c = path.join(dir, "ids-c");
  assert.equal(runSegment(["run", MALL_CSV, "--k", "5", "--seed", "7", "--out", a, "--quiet"]).code, 0);
  assert.equal(runSegment(["run", MALL_CSV, "--k", "5", "--seed", "7", "--out", b, "--quiet"]).code, 0);
  assert.equal(runSegment(["run", MALL_CSV, "--k", "5", "--seed", "7", "--keep-ids", "--out", c, "--quiet"]).code, 0);
  const ta = readCsvFile(path.join(a, "segments.csv"));
  assert.deepEqual(ta.header, ["CustomerID (pseudonym)", "segment", "segment_name"]);
  assert.equal(ta.rows[0]![0], "c_" + createHmac("sha256", "mall-segments:7").update("1").digest("hex").slice(0, 16));
  assert.equal(
    fs.readFileSync(path.join(a, "segments.csv"), "utf8"),
    fs.readFileSync(path.join(b, "segments.csv"), "utf8"),
  );
  const tc = readCsvFile(path.join(c, "segments.csv"));
  assert.deepEqual(tc.header, ["CustomerID", "segment", "segment_name"]);
  assert.deepEqual(
    tc.rows.map((r) => r[0]),
    Array.from({ length: 200 }, (_, i) => String(i + 1)),
  );
  assert.deepEqual(
    tc.rows.map((r) => r[1]),
    ta.rows.map((r) => r[1]),
  );
  // A secret key from the environment changes every pseudonym.
  const d = path.join(dir, "ids-d");
  assert.equal(
    runSegment(["run", MALL_CSV, "--k", "5", "--seed", "7", "--out", d, "--quiet"], { SEGMENT_ID_KEY: "s3cret" }).code,
    0,
  );
  assert.equal(
    readCsvFile(path.join(d, "segments.csv")).rows[0]![0],
    "c_" + createHmac("sha256", "s3cret").update("1").digest("hex").slice(0, 16),
  );
});

test("profiles.csv and model.json hold what a reader and a re-scorer need", () => {
  const out = path.join(dir, "model");
  assert.equal(runSegment(["run", MALL_CSV, "--k", "5", "--categorical", "Gender", "--out", out, "--quiet"]).code, 0);
  const profiles = readCsvFile(path.join(out, "profiles.csv"));
  assert.equal(profiles.rows.length, 5);
  assert.ok(profiles.header.includes("Annual Income (k$) mean"));
  assert.ok(profiles.header.includes("Gender=Female share"));
  assert.equal(profiles.header[profiles.header.length - 1], "recommendation");
  const sizes = profiles.rows.map((r) => Number(r[2]));
  assert.equal(
    sizes.reduce((s, x) => s + x, 0),
    200,
  );
  const model = JSON.parse(fs.readFileSync(path.join(out, "model.json"), "utf8"));
  assert.equal(model.format, "mall-segments/segment-model");
  assert.equal(model.version, 1);
  assert.deepEqual(model.features, ["Annual Income (k$)", "Spending Score (1-100)"]);
  assert.deepEqual(model.categorical, [{ column: "Gender", levels: ["Female", "Male"] }]);
  assert.deepEqual(model.encodedFeatures, [
    "Annual Income (k$)",
    "Spending Score (1-100)",
    "Gender=Female",
    "Gender=Male",
  ]);
  assert.equal(model.scaler.method, "standard");
  assert.ok(Math.abs(model.scaler.center[0] - 60.56) < 1e-9);
  assert.equal(model.centroids.length, 5);
  assert.equal(model.centroids[0].length, 4);
  assert.equal(model.segments.length, 5);
});

test("report.html is one offline page: plotly.js embedded once, the sections, the names, no external loads", () => {
  const out = path.join(dir, "canonical");
  const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
  const plotly = fs.readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8");
  const marker = plotly.slice(0, 200);
  assert.equal(html.split(marker).length - 1, 1, "plotly.js must appear exactly once");
  for (const heading of ["Data", "Choosing k", "Segments", "Profiles", "Segments and recommendations"])
    assert.match(html, new RegExp(`<h2>${heading}</h2>`));
  assert.match(html, /High annual income × low spending score/);
  assert.ok(!/<script[^>]+src=/i.test(html), "no external script");
  assert.ok(!/<link[^>]+href=/i.test(html), "no external stylesheet");
  assert.ok((html.match(/class="mall-segments-plot"/g) ?? []).length >= 6, "k-selection, scatter and profile charts");
});

test("--impute median and --impute drop proceed and count what they changed", () => {
  const file = path.join(dir, "missing.csv");
  const lines = fs.readFileSync(MALL_CSV, "utf8").trimEnd().split(/\r?\n/);
  lines[3] = lines[3]!.replace(/,\d+$/, ","); // row 4: spending missing
  lines[10] = lines[10]!.replace(/,(\d+),(\d+)$/, ",NA,$2"); // row 11: income missing
  lines[20] = lines[20]!.replace(/,(\d+),(\d+)$/, ",,"); // row 21: both missing
  fs.writeFileSync(file, lines.join("\n") + "\n");
  const median = runSegment([
    "run",
    file,
    "--k",
    "5",
    "--impute",
    "median",
    "--json",
    "--out",
    path.join(dir, "imp-median"),
  ]);
  assert.equal(median.code, 0, median.stderr);
  const m = JSON.parse(median.stdout);
  assert.deepEqual(m.missing, { "Spending Score (1-100)": 2, "Annual Income (k$)": 2 });
  assert.deepEqual(m.imputed, { "Spending Score (1-100)": 2, "Annual Income (k$)": 2 });
  assert.equal(m.rowsUsed, 200);
  const drop = runSegment(["run", file, "--k", "5", "--impute", "drop", "--json", "--out", path.join(dir, "imp-drop")]);
  assert.equal(drop.code, 0, drop.stderr);
  const d = JSON.parse(drop.stdout);
  assert.equal(d.dropped, 3);
  assert.equal(d.rowsUsed, 197);
  assert.equal(readCsvFile(path.join(dir, "imp-drop", "segments.csv")).rows.length, 197);
  // Without --quiet or --json, the human summary on stderr names what was done.
  const human = runSegment(["run", file, "--k", "5", "--impute", "drop", "--out", path.join(dir, "imp-human")]);
  assert.match(human.stderr, /dropped 3 rows with missing values/);
});

test("segment score re-assigns the training customers to their own segments (kmeans and gmm) and scores new ones", () => {
  for (const algorithm of ["kmeans", "gmm"]) {
    const out = path.join(dir, `score-${algorithm}`);
    assert.equal(runSegment(["run", MALL_CSV, "--k", "5", "--algorithm", algorithm, "--out", out, "--quiet"]).code, 0);
    const scored = path.join(dir, `scored-${algorithm}.csv`);
    const r = runSegment(["score", path.join(out, "model.json"), MALL_CSV, "--out", scored, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).rowsScored, 200);
    assert.equal(fs.readFileSync(scored, "utf8"), fs.readFileSync(path.join(out, "segments.csv"), "utf8"), algorithm);
  }
  const fresh = path.join(dir, "new.csv");
  fs.writeFileSync(fresh, "CustomerID,Annual Income (k$),Spending Score (1-100)\n901,120,90\n902,20,10\n903,,50\n");
  const model = path.join(dir, "score-kmeans", "model.json");
  const refused = runSegment(["score", model, fresh, "--out", path.join(dir, "new-scored.csv")]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /new\.csv: 1 missing value in feature columns/);
  assert.ok(!fs.existsSync(path.join(dir, "new-scored.csv")));
  const ok = runSegment([
    "score",
    model,
    fresh,
    "--impute",
    "median",
    "--keep-ids",
    "--out",
    path.join(dir, "new-scored.csv"),
    "--quiet",
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  const rows = readCsvFile(path.join(dir, "new-scored.csv")).rows;
  assert.equal(rows[0]![2], "High annual income × high spending score");
  assert.equal(rows[1]![2], "Low annual income × low spending score");
  assert.equal(rows.length, 3);
});

test("agglomerative and other scalers run; --help shows examples", () => {
  const r = runSegment([
    "run",
    MALL_CSV,
    "--k",
    "5",
    "--algorithm",
    "agglomerative",
    "--scale",
    "minmax",
    "--json",
    "--out",
    path.join(dir, "agg"),
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).segments.length, 5);
  const help = runSegment(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Examples:/);
  assert.match(help.stdout, /segment run data\/Mall_Customers\.csv --out out\//);
});

test("a categorical level named like an Object.prototype member ('constructor') is profiled, not a crash", () => {
  // rows 1-3 are "constructor": segments without them must show a 0 share of it, not Object.prototype.constructor
  const lines = fs.readFileSync(MALL_CSV, "utf8").trimEnd().split(/\r?\n/);
  const edited = lines.map((line, i) =>
    i >= 1 && i <= 3 ? line.replace(/^(\d+),(Male|Female),/, "$1,constructor,") : line,
  );
  const file = path.join(dir, "proto.csv");
  fs.writeFileSync(file, edited.join("\n") + "\n");
  const out = path.join(dir, "proto");
  const r = runSegment(["run", file, "--categorical", "Gender", "--k", "5", "--quiet", "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  const profiles = readCsvFile(path.join(out, "profiles.csv"));
  const column = profiles.header.indexOf("Gender=constructor share");
  assert.ok(column >= 0, profiles.header.join(", "));
  const shares = profiles.rows.map((row) => Number(row[column]));
  const sizes = profiles.rows.map((row) => Number(row[profiles.header.indexOf("size")]));
  // 3 "constructor" customers in all: the size-weighted shares (rounded to 4 digits) add up to 3
  assertCloseTo(
    shares.reduce((sum, s, i) => sum + s * sizes[i]!, 0),
    3,
  );
  assert.ok(shares.some((s) => s === 0));
});

function assertCloseTo(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 0.02, `${actual} ≈ ${expected}`);
}
