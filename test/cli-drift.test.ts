/**
 * `segment drift` as a user runs it on the Mall data: a model from `segment run`, the same table as reference and
 * current (stable), a shifted copy (refit, --fail-on exit 3), --json, and bad input (exit 2, one line, nothing written).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parseCsv } from "../src/data/read-csv";
import { populationStabilityIndex } from "../src/track/psi";
import { retailSamplePath } from "./helpers/retail";
import { MALL_CSV, runSegment } from "./helpers/run-segment";

let dir: string;
let model: string;
let shifted: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-drift-"));
  const r = runSegment(["run", MALL_CSV, "--k", "5", "--out", path.join(dir, "seg"), "--quiet"]);
  assert.equal(r.code, 0, r.stderr);
  model = path.join(dir, "seg", "model.json");
  // A later snapshot: the first 150 customers, their spending score +25 (capped at 100), and 40 new customers.
  const lines = fs.readFileSync(MALL_CSV, "utf8").trim().split(/\r?\n/);
  const header = lines[0]!;
  const rows = lines.slice(1, 151).map((line) => {
    const cells = line.split(",");
    cells[4] = String(Math.min(100, Number(cells[4]) + 25));
    return cells.join(",");
  });
  const added = Array.from({ length: 40 }, (_, i) => `${1000 + i},Female,${20 + i},${15 + 3 * i},${90 - i}`);
  shifted = path.join(dir, "shifted.csv");
  fs.writeFileSync(shifted, [header, ...rows, ...added].join("\n") + "\n");
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("segment drift", () => {
  test("the training table against itself: PSI 0 everywhere, everybody stays, verdict stable, exit 0", () => {
    const out = path.join(dir, "same");
    const r = runSegment(["drift", model, MALL_CSV, MALL_CSV, "--out", out, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(s).slice(0, 4), ["features", "segments", "migration", "verdict"]);
    assert.deepEqual(s.features, {
      "Annual Income (k$)": { psi: 0, band: "stable" },
      "Spending Score (1-100)": { psi: 0, band: "stable" },
    });
    assert.equal(s.segments.psi, 0);
    assert.equal(s.verdict, "stable");
    assert.equal(s.migration.matched, 200);
    assert.equal(s.migration.stayed, 200);
    assert.deepEqual(fs.readdirSync(out).sort(), [".mall-segments-output", "drift.html", "drift.json"]);
    const json = JSON.parse(fs.readFileSync(path.join(out, "drift.json"), "utf8"));
    assert.equal(json.format, "mall-segments/drift");
    assert.equal(json.verdict, "stable");
  });

  test("a shifted snapshot: the PSIs equal populationStabilityIndex on the columns, migration counts add up, --fail-on refit exits 3", () => {
    const out = path.join(dir, "shifted-out");
    const r = runSegment(["drift", model, MALL_CSV, shifted, "--out", out, "--json", "--fail-on", "refit"]);
    const s = JSON.parse(r.stdout);
    const column = (file: string, name: string) => {
      const t = parseCsv(fs.readFileSync(file, "utf8"), file);
      const j = t.header.indexOf(name);
      return t.rows.map((row) => Number(row[j]));
    };
    for (const name of ["Annual Income (k$)", "Spending Score (1-100)"]) {
      assert.equal(
        s.features[name].psi,
        populationStabilityIndex(column(MALL_CSV, name), column(shifted, name)).psi,
        name,
      );
    }
    assert.equal(s.features["Spending Score (1-100)"].band, "refit");
    assert.equal(s.verdict, "refit");
    assert.equal(r.code, 3, r.stderr);
    assert.equal(s.migration.matched, 150);
    assert.equal(s.migration.left, 50);
    assert.equal(s.migration.entered, 40);
    assert.equal(
      s.migration.counts.flat().reduce((a: number, b: number) => a + b, 0),
      150,
    );
    assert.equal(
      Object.values(s.segments.current as Record<string, { count: number }>).reduce((a, c) => a + c.count, 0),
      190,
    );
    assert.ok(fs.existsSync(path.join(out, "drift.html")), "outputs are written before exit 3");
  });

  test("the summary on stderr names each feature, the migration and the verdict; --fail-on watch also trips on refit", () => {
    const r = runSegment(["drift", model, MALL_CSV, shifted, "--out", path.join(dir, "text"), "--fail-on", "watch"]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /Spending Score \(1-100\)\s+\d\.\d{4}\s+refit/);
    assert.match(r.stderr, /migration: 150 customers in both/);
    assert.match(r.stderr, /verdict refit\. Refit: /);
    assert.match(r.stderr, /reaches --fail-on watch \(exit 3\)/);
  });

  test("bad input: exit 2, one line naming the file and column, nothing written", () => {
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "CustomerID,Gender,Age,Annual Income (k$)\n1,Male,19,15\n");
    const out = path.join(dir, "never");
    const r = runSegment(["drift", model, MALL_CSV, bad, "--out", out]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /^segment: error: .*bad\.csv, row 1: column "Spending Score \(1-100\)" not found/);
    assert.equal(fs.existsSync(out), false);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.startsWith(".never")),
      [],
      "no temporary folder left",
    );
  });

  test("bad arguments: exit 2 with one line", () => {
    for (const args of [
      ["drift", model, MALL_CSV, "--out", path.join(dir, "x")],
      ["drift", model, MALL_CSV, MALL_CSV],
      ["drift", model, MALL_CSV, MALL_CSV, "--out", path.join(dir, "x"), "--fail-on", "stable"],
      ["drift", model, MALL_CSV, MALL_CSV, "--out", path.join(dir, "x"), "--bins", "1"],
      ["drift", path.join(dir, "missing.json"), MALL_CSV, MALL_CSV, "--out", path.join(dir, "x")],
    ]) {
      const r = runSegment(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    assert.equal(fs.existsSync(path.join(dir, "x")), false);
  });

  test("segment rfm --as-of: the RFM table as of a past day (the reference of npm start's drift run); a bad day exits 2", () => {
    const out = path.join(dir, "rfm-june");
    const r = runSegment(["rfm", retailSamplePath(), "--as-of", "2011-07-01", "--out", out, "--quiet"]);
    assert.equal(r.code, 0, r.stderr);
    const table = parseCsv(fs.readFileSync(path.join(out, "rfm.csv"), "utf8"), "rfm.csv");
    assert.equal(table.rows.length, 1848);
    const bad = runSegment(["rfm", retailSamplePath(), "--as-of", "2011-13-01", "--out", path.join(dir, "rfm-bad")]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^segment: error: rfmFeatures: asOf="2011-13-01" must be a date YYYY-MM-DD\n$/);
  });
});
