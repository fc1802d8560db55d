/**
 * The `--out` rule of every subcommand (src/io/output-place.ts): a folder is written only when new, empty or marked
 * as this tool's; a file only when new or written by the same command; never an input, the root, a path below a
 * file, a dangling link or an unwritable place. Each refused case: exit 2, one line, every path as it was, no
 * temporary left. Signals during a run leave the previous output intact.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { assertCliCase, assertNoTemp, pathState } from "./helpers/cli-case";
import { retailSamplePath } from "./helpers/retail";
import { MALL_CSV, ROOT, runSegment } from "./helpers/run-segment";

const MARKER = ".mall-segments-output";
let dir: string;
let input: string;
let model: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-out-"));
  // The user's folder: their customers file, notes and a sub-folder.
  fs.mkdirSync(path.join(dir, "home", "sub"), { recursive: true });
  input = path.join(dir, "home", "customers.csv");
  fs.copyFileSync(MALL_CSV, input);
  fs.writeFileSync(path.join(dir, "home", "notes.txt"), "my notes\n");
  fs.writeFileSync(path.join(dir, "home", "sub", "keep.txt"), "keep\n");
  const first = runSegment(["run", input, "--k", "5", "--out", path.join(dir, "model-out"), "--quiet"]);
  assert.equal(first.code, 0, first.stderr);
  model = path.join(dir, "model-out", "model.json");
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const home = () => path.join(dir, "home");

test("run --out . in the user's folder is refused: the CSV, notes and sub-folders stay", () => {
  const before = pathState(home());
  const loader = path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");
  const r = spawnSync(
    process.execPath,
    ["--import", loader, path.join(ROOT, "src", "cli", "segment.ts"), "run", "customers.csv", "--out", ".", "--quiet"],
    { cwd: home(), encoding: "utf8" },
  );
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.trimEnd().split("\n").length, 1);
  assert.match(
    r.stderr,
    /^segment: error: \.: the output folder is not empty and was not written by segment \(no \.mall-segments-output marker\)/,
  );
  assert.deepEqual(pathState(home()), before);
});

test("run --out naming the input's own folder is refused, nothing renamed or deleted", () => {
  assertCliCase({
    args: ["run", input, "--out", home(), "--quiet"],
    line: /home: the output folder is not empty and was not written by segment/,
    unchanged: [home()],
  });
});

test("run --out / is refused and writes nothing into /", () => {
  const rootBefore = fs.readdirSync("/").sort();
  assertCliCase({
    args: ["run", input, "--out", "/", "--quiet"],
    line: /error: \/: the output folder is the root folder/,
    unchanged: [home()],
  });
  assert.deepEqual(fs.readdirSync("/").sort(), rootBefore);
});

test("run --out below a regular file is refused", () => {
  assertCliCase({
    args: ["run", input, "--out", path.join(input, "out"), "--quiet"],
    line: /customers\.csv\/out: the output path is below .*customers\.csv, which is not a folder/,
    unchanged: [home()],
  });
});

test("run --out a dangling symbolic link is refused; the link stays", () => {
  const link = path.join(dir, "dangling");
  fs.symlinkSync(path.join(dir, "nowhere"), link);
  assertCliCase({
    args: ["run", input, "--out", link, "--quiet"],
    line: /dangling: the output path is a dangling symbolic link/,
    unchanged: [link, path.join(dir, "nowhere"), home()],
  });
});

test("run --out inside a place that cannot be written is exit 2 with nothing created", () => {
  // As root, permissions do not stop a write: use sysfs, where nothing can be created; otherwise a 0555 folder.
  let parent = "/sys/fs";
  if (process.getuid?.() !== 0) {
    parent = path.join(dir, "read-only");
    fs.mkdirSync(parent, { mode: 0o555 });
  }
  const out = path.join(parent, "segment-out");
  assertCliCase({
    args: ["run", input, "--k", "5", "--out", out, "--quiet"],
    line: /segment-out: cannot write/,
    unchanged: [out, home()],
    noTemp: [parent],
  });
});

test("run --out a folder of someone else's files is refused before any work", () => {
  const foreign = path.join(dir, "foreign");
  fs.mkdirSync(foreign);
  fs.writeFileSync(path.join(foreign, "segments.csv"), "not ours\n");
  assertCliCase({
    args: ["run", input, "--out", foreign, "--quiet"],
    line: /foreign: the output folder is not empty and was not written by segment/,
    unchanged: [foreign],
  });
});

test("run --out a marked output folder that holds the input is refused", () => {
  const marked = path.join(dir, "marked-with-input");
  fs.mkdirSync(marked);
  fs.writeFileSync(path.join(marked, MARKER), "{}\n");
  fs.copyFileSync(MALL_CSV, path.join(marked, "customers.csv"));
  assertCliCase({
    args: ["run", path.join(marked, "customers.csv"), "--out", marked, "--quiet"],
    line: /marked-with-input: the output folder holds the input .*customers\.csv/,
    unchanged: [marked],
  });
});

test("score --out the input CSV is refused", () => {
  assertCliCase({
    args: ["score", model, input, "--out", input, "--quiet"],
    line: /customers\.csv: the output is the input .*customers\.csv/,
    unchanged: [home(), model],
  });
});

test("score --out the model file is refused", () => {
  assertCliCase({
    args: ["score", model, input, "--out", model, "--quiet"],
    line: /model\.json: the output is the input .*model\.json/,
    unchanged: [path.dirname(model), home()],
  });
});

test("score --out a hard link of the input is refused", () => {
  const hard = path.join(dir, "hard-link.csv");
  fs.linkSync(input, hard);
  assertCliCase({
    args: ["score", model, input, "--out", hard, "--quiet"],
    line: /hard-link\.csv: the output is the input/,
    unchanged: [hard, home()],
  });
});

test("score --out an existing file it did not write is refused", () => {
  const notes = path.join(home(), "notes.txt");
  assertCliCase({
    args: ["score", model, input, "--out", notes, "--quiet"],
    line: /notes\.txt: the output file exists and was not written by this command/,
    unchanged: [home()],
  });
});

test("score --out a folder is refused", () => {
  assertCliCase({
    args: ["score", model, input, "--out", path.join(home(), "sub"), "--quiet"],
    line: /sub: the output path is a folder; name the CSV file to write/,
    unchanged: [home()],
  });
});

test("rfm --out the folder of its input is refused before DuckDB runs", () => {
  const txDir = path.join(dir, "tx");
  fs.mkdirSync(txDir);
  fs.copyFileSync(retailSamplePath(), path.join(txDir, "tx.csv"));
  assertCliCase({
    args: ["rfm", path.join(txDir, "tx.csv"), "--out", txDir, "--quiet"],
    line: /tx: the output folder is not empty and was not written by segment/,
    unchanged: [txDir],
  });
});

test("a symbolic link to an empty folder is written through and stays a link; a marked folder keeps the user's other files", () => {
  const target = path.join(dir, "link-target");
  fs.mkdirSync(target);
  const link = path.join(dir, "link-out");
  fs.symlinkSync(target, link);
  const r = runSegment(["run", input, "--k", "5", "--out", link, "--quiet"]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.deepEqual(fs.readdirSync(target).sort(), [
    MARKER,
    "model.json",
    "profiles.csv",
    "report.html",
    "rules.json",
    "segments.csv",
  ]);
  // The user adds a note; a second run replaces only the tool's files.
  fs.writeFileSync(path.join(target, "my-notes.txt"), "mine\n");
  fs.writeFileSync(path.join(target, "segments.csv"), "stale\n");
  const again = runSegment(["run", input, "--k", "4", "--out", link, "--quiet"]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(fs.readFileSync(path.join(target, "my-notes.txt"), "utf8"), "mine\n");
  assert.match(
    fs.readFileSync(path.join(target, "segments.csv"), "utf8"),
    /^CustomerID \(pseudonym\),segment,segment_name\n/,
  );
  assert.equal(JSON.parse(fs.readFileSync(path.join(target, "model.json"), "utf8")).k, 4);
  assertNoTemp(target);
  assertNoTemp(dir);
});

test("score may replace its own earlier output; missing parent folders are created", () => {
  const out = path.join(dir, "new", "nested", "scored.csv");
  assert.equal(runSegment(["score", model, input, "--out", out, "--quiet"]).code, 0);
  const first = fs.readFileSync(out, "utf8");
  const again = runSegment(["score", model, input, "--out", out, "--keep-ids", "--quiet"]);
  assert.equal(again.code, 0, again.stderr);
  assert.notEqual(fs.readFileSync(out, "utf8"), first);
  assert.match(fs.readFileSync(out, "utf8"), /^CustomerID,segment,segment_name\n1,/);
  assertNoTemp(path.dirname(out));
});

test("a run refused for bad input creates none of the missing parent folders of --out", () => {
  const bad = path.join(dir, "bad.csv");
  fs.writeFileSync(bad, "CustomerID,Annual Income (k$),Spending Score (1-100)\n1,abc,3\n2,4,5\n");
  assertCliCase({
    args: ["run", bad, "--out", path.join(dir, "never", "made"), "--quiet"],
    line: /bad\.csv, row 2, column "Annual Income \(k\$\)": not a number: "abc"/,
    unchanged: [path.join(dir, "never")],
  });
});

/** Start `segment` and send `signal` after `ms`; resolves with the exit code and stderr. */
function interrupt(
  args: string[],
  signal: NodeJS.Signals,
  ms: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "cli", "segment.ts"), ...args], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(signal), ms);
    child.on("exit", (code, sig) => {
      clearTimeout(timer);
      resolve({ code: code ?? (sig ? 128 + os.constants.signals[sig] : null), stderr });
    });
  });
}

test("SIGINT and SIGTERM during rfm and run leave the previous output (or the complete new one) and no temporary", async () => {
  const tmpBefore = fs
    .readdirSync(os.tmpdir())
    .filter((f) => f.startsWith("mall-segments-rfm-"))
    .sort();
  const cases = [
    { name: "rfm", args: (out: string, k: string) => ["rfm", retailSamplePath(), "--out", out, "--k", k, "--quiet"] },
    { name: "run", args: (out: string, k: string) => ["run", input, "--out", out, "--k", k, "--quiet"] },
  ];
  for (const c of cases) {
    const prev = path.join(dir, `${c.name}-prev`);
    const complete = path.join(dir, `${c.name}-complete`);
    assert.equal(runSegment(c.args(prev, "4")).code, 0);
    assert.equal(runSegment(c.args(complete, "3")).code, 0);
    const before = pathState(prev);
    const finished = pathState(complete);
    for (const [ms, signal] of [
      [700, "SIGINT"],
      [1500, "SIGTERM"],
      [2300, "SIGINT"],
    ] as const) {
      const r = await interrupt(c.args(prev, "3"), signal, ms);
      const state = pathState(prev);
      if (r.code === 0) assert.deepEqual(state, finished);
      else {
        assert.equal(
          r.code,
          128 + os.constants.signals[signal],
          `${c.name} after ${ms} ms: exit ${r.code} ${r.stderr}`,
        );
        assert.ok(
          isDeepEqual(state, before) || isDeepEqual(state, finished),
          `${c.name} after ${ms} ms (${signal}): the output is neither the previous nor a complete new one`,
        );
      }
      assertNoTemp(dir);
    }
  }
  assert.deepEqual(
    fs
      .readdirSync(os.tmpdir())
      .filter((f) => f.startsWith("mall-segments-rfm-"))
      .sort(),
    tmpBefore,
  );
});

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

test("an output folder written before the marker existed (only the tool's own files) is recognised; one foreign file makes it refused", () => {
  const legacy = path.join(dir, "legacy");
  assert.equal(runSegment(["run", input, "--k", "5", "--out", legacy, "--quiet"]).code, 0);
  fs.rmSync(path.join(legacy, MARKER));
  const r = runSegment(["run", input, "--k", "3", "--out", legacy, "--quiet"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(fs.readFileSync(path.join(legacy, "model.json"), "utf8")).k, 3);
  fs.rmSync(path.join(legacy, MARKER));
  fs.writeFileSync(path.join(legacy, "profiles.csv"), "my own table\n");
  assertCliCase({
    args: ["run", input, "--k", "4", "--out", legacy, "--quiet"],
    line: /legacy: the output folder is not empty and was not written by segment/,
    unchanged: [legacy],
  });
});
