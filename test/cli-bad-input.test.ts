/**
 * The `segment` CLI on bad input: every case ends with exit code 2 and ONE line naming the problem (file, row,
 * column), no stack trace, and the output folder is neither created nor changed. Valid variants (BOM, CRLF,
 * quoted fields, `;` and tab delimiters) are accepted with the same result as the plain file.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { MALL_CSV, runSegment } from "./helpers/run-segment";

const HEADER = "CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)";
const good = (n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) => `${i + 1},${i % 2 ? "Male" : "Female"},${20 + i},${15 + 7 * i},${((37 * i) % 100) + 1}`,
  );
const csv = (lines: string[]): string => lines.join("\n") + "\n";

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-bad-"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

interface BadCase {
  name: string;
  /** File content (omitted: the file does not exist). */
  content?: string | Buffer;
  /** Extra arguments. */
  args?: string[];
  /** The one-line message must match. */
  message: RegExp;
}

const rows = good(12);
const corpus: BadCase[] = [
  { name: "missing-file", message: /missing-file\.csv: file not found/ },
  { name: "empty", content: "", message: /empty\.csv: file is empty/ },
  { name: "blank-lines-only", content: "\n\n  \n", message: /blank-lines-only\.csv: file is empty/ },
  { name: "header-only", content: csv([HEADER]), message: /header-only\.csv, row 2: header only/ },
  {
    name: "binary",
    content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]),
    message: /binary\.csv: not a text CSV file/,
  },
  {
    name: "unknown-feature",
    content: csv([HEADER, ...rows]),
    args: ["--features", "Income,Age"],
    message: /unknown-feature\.csv, row 1: column "Income" not found/,
  },
  {
    name: "unknown-id",
    content: csv([HEADER, ...rows]),
    args: ["--id", "customer_id"],
    message: /column "customer_id" not found/,
  },
  {
    name: "non-numeric",
    content: csv([HEADER, ...rows.slice(0, 4), "5,Male,30,abc,40", ...rows.slice(5)]),
    message: /non-numeric\.csv, row 6, column "Annual Income \(k\$\)": not a number: "abc"/,
  },
  {
    name: "infinity",
    content: csv([HEADER, ...rows.slice(0, 2), "3,Male,30,40,Infinity", ...rows.slice(3)]),
    message: /infinity\.csv, row 4, column "Spending Score \(1-100\)": not a finite number: "Infinity"/,
  },
  {
    name: "overflow",
    content: csv([HEADER, "1,Male,30,1e999,40", ...rows.slice(1)]),
    message: /overflow\.csv, row 2, column "Annual Income \(k\$\)": not a finite number/,
  },
  {
    name: "hex-number",
    content: csv([HEADER, ...rows.slice(0, 3), "4,Male,30,0x1F,40", ...rows.slice(4)]),
    message: /row 5, column "Annual Income \(k\$\)": not a number: "0x1F"/,
  },
  {
    name: "nan-missing",
    content: csv([HEADER, "1,Male,30,NaN,40", ...rows.slice(1)]),
    message:
      /nan-missing\.csv: 1 missing value in feature columns \("Annual Income \(k\$\)": 1 \(first at row 2\)\); rerun with --impute/,
  },
  {
    name: "missing-values",
    content: csv([HEADER, "1,Male,30,,40", "2,Male,30,50,", "3,Male,30,NA,7", ...rows.slice(3)]),
    message:
      /3 missing values in feature columns \("Annual Income \(k\$\)": 2 \(first at row 2\), "Spending Score \(1-100\)": 1 \(first at row 3\)\)/,
  },
  {
    name: "ragged",
    content: csv([HEADER, ...rows.slice(0, 6), "7,Male,30,40", ...rows.slice(7)]),
    message: /ragged\.csv, row 8: row has 4 fields, the header has 5 \(ragged row\)/,
  },
  {
    name: "broken-quoting",
    content: csv([HEADER, ...rows.slice(0, 3), '4,"Male,30,40,50', ...rows.slice(4)]),
    message: /broken-quoting\.csv, row \d+: .*broken quoting/,
  },
  {
    name: "fewer-rows-than-k",
    content: csv([HEADER, ...rows.slice(0, 3)]),
    args: ["--k", "5"],
    message: /fewer-rows-than-k\.csv: 3 rows, fewer than k=5 segments/,
  },
  {
    name: "constant-feature",
    content: csv([HEADER, ...rows.map((r) => r.replace(/,[^,]*$/, ",50"))]),
    message: /constant-feature\.csv, column "Spending Score \(1-100\)": constant feature: every value is 50/,
  },
  {
    name: "duplicate-ids",
    content: csv([HEADER, ...rows.slice(0, 5), rows[2]!, ...rows.slice(6)]),
    message: /duplicate-ids\.csv, row 7, column "CustomerID": duplicate ID "3" \(first at row 4\)/,
  },
  {
    name: "missing-id",
    content: csv([HEADER, ...rows.slice(0, 2), ",Male,30,40,50", ...rows.slice(3)]),
    message: /missing-id\.csv, row 4, column "CustomerID": missing ID/,
  },
  {
    name: "duplicate-header",
    content: csv(["CustomerID,Age,Age,Annual Income (k$),Spending Score (1-100)", ...rows]),
    message: /the header names column "Age" twice/,
  },
  {
    name: "all-dropped",
    content: csv([HEADER, "1,Male,30,,40", "2,Male,31,,41"]),
    args: ["--impute", "drop"],
    message: /no rows left after dropping 2 rows with missing values/,
  },
  {
    name: "comma-decimal",
    content: csv([
      HEADER.replace(/,/g, ";"),
      ...rows.map((r) => r.replace(/,/g, ";")).slice(0, 3),
      "4;Male;30;40,5;50",
      ...rows.map((r) => r.replace(/,/g, ";")).slice(4),
    ]),
    message: /row 5, column "Annual Income \(k\$\)": not a number: "40,5"/,
  },
  {
    name: "unknown-option",
    content: csv([HEADER, ...rows]),
    args: ["--clusters", "4"],
    message: /run: Unknown option '--clusters'/,
  },
  {
    name: "bad-k",
    content: csv([HEADER, ...rows]),
    args: ["--k", "zero"],
    message: /--k zero: must be an integer >= 1 or auto/,
  },
  {
    name: "bad-algorithm",
    content: csv([HEADER, ...rows]),
    args: ["--algorithm", "dbscan"],
    message: /--algorithm dbscan: must be one of kmeans, gmm, agglomerative/,
  },
  {
    name: "id-among-features",
    content: csv([HEADER, ...rows]),
    args: ["--features", "CustomerID,Age"],
    message: /column "CustomerID" is named twice/,
  },
  {
    name: "bad-delimiter",
    content: csv([HEADER, ...rows]),
    args: ["--delimiter", "|"],
    message: /--delimiter "\|": must be one of/,
  },
];

test(`bad-input corpus (${corpus.length} cases): exit 2, one line naming the problem, no stack, no output folder`, () => {
  assert.ok(corpus.length >= 20);
  for (const c of corpus) {
    const file = path.join(dir, `${c.name}.csv`);
    if (c.content !== undefined) fs.writeFileSync(file, c.content);
    const out = path.join(dir, `out-${c.name}`);
    const r = runSegment(["run", file, "--out", out, "--quiet", ...(c.args ?? [])]);
    assert.equal(r.code, 2, `${c.name}: exit code ${r.code}, stderr: ${r.stderr}`);
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, `${c.name}: expected one line, got:\n${r.stderr}`);
    assert.match(lines[0]!, /^segment: error: /, c.name);
    assert.match(lines[0]!, c.message, c.name);
    assert.ok(!r.stderr.includes("    at "), `${c.name}: stack trace printed`);
    assert.equal(r.stdout, "", `${c.name}: stdout not empty`);
    assert.ok(!fs.existsSync(out), `${c.name}: output folder was created`);
  }
  // No temporary folders are left beside the outputs either.
  assert.deepEqual(
    fs.readdirSync(dir).filter((f) => f.startsWith(".")),
    [],
  );
});

test("a failing run leaves an existing output folder unchanged, and an output path that is a file is refused", () => {
  const out = path.join(dir, "kept");
  const ok = runSegment(["run", MALL_CSV, "--k", "5", "--out", out, "--quiet"]);
  assert.equal(ok.code, 0, ok.stderr);
  const before = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), "utf8")]));
  const bad = path.join(dir, "kept-bad.csv");
  fs.writeFileSync(bad, csv([HEADER, "1,Male,30,abc,40", ...good(5).slice(1)]));
  const r = runSegment(["run", bad, "--out", out, "--quiet"]);
  assert.equal(r.code, 2);
  const afterFiles = Object.fromEntries(
    fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), "utf8")]),
  );
  assert.deepEqual(afterFiles, before);

  const fileOut = path.join(dir, "not-a-folder.txt");
  fs.writeFileSync(fileOut, "keep me");
  const r2 = runSegment(["run", MALL_CSV, "--out", fileOut, "--quiet"]);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /not-a-folder\.txt: the output path exists and is not a folder/);
  assert.equal(fs.readFileSync(fileOut, "utf8"), "keep me");
});

test("usage errors: no command, unknown command, missing --out", () => {
  assert.equal(runSegment([]).code, 2);
  const unknown = runSegment(["cluster", "x.csv"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "cluster"/);
  const noOut = runSegment(["run", MALL_CSV]);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /run: --out <dir> is required/);
});

test("valid variants are accepted with the same segments: BOM, CRLF, quoted fields, ; and tab delimiters", () => {
  const text = fs.readFileSync(MALL_CSV, "utf8").replace(/\r\n/g, "\n");
  const lines = text.trimEnd().split("\n");
  const quoteAll = (line: string): string =>
    line
      .split(",")
      .map((c) => `"${c}"`)
      .join(",");
  const variants: { name: string; content: string; args?: string[] }[] = [
    { name: "bom", content: "\uFEFF" + text },
    { name: "crlf", content: lines.join("\r\n") + "\r\n" },
    { name: "quoted", content: lines.map(quoteAll).join("\n") + "\n" },
    { name: "semicolon", content: lines.map((l) => l.replace(/,/g, ";")).join("\n") + "\n" },
    { name: "tab", content: lines.map((l) => l.replace(/,/g, "\t")).join("\n") + "\n" },
    {
      name: "tab-named",
      content: lines.map((l) => l.replace(/,/g, "\t")).join("\n") + "\n",
      args: ["--delimiter", "tab"],
    },
  ];
  const reference = path.join(dir, "variant-reference");
  assert.equal(runSegment(["run", MALL_CSV, "--k", "5", "--out", reference, "--quiet"]).code, 0);
  const expected = fs.readFileSync(path.join(reference, "segments.csv"), "utf8");
  for (const v of variants) {
    const file = path.join(dir, `variant-${v.name}.csv`);
    fs.writeFileSync(file, v.content);
    const out = path.join(dir, `variant-out-${v.name}`);
    const r = runSegment(["run", file, "--k", "5", "--out", out, "--quiet", ...(v.args ?? [])]);
    assert.equal(r.code, 0, `${v.name}: ${r.stderr}`);
    assert.equal(fs.readFileSync(path.join(out, "segments.csv"), "utf8"), expected, v.name);
  }
});
