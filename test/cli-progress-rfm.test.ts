/** Progress reporting on stderr, and the `segment rfm` subcommand as a user runs it. */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { Progress } from "../src/cli/progress";
import { ROOT, runSegment } from "./helpers/run-segment";

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = { isTTY, write: (c: string) => chunks.push(c) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join("") };
}

test("Progress: reports steps past the threshold with their time, draws a bar on a terminal, silent when disabled", () => {
  const tty = fakeStream(true);
  const p = new Progress({ stream: tty.stream, thresholdMs: 0 });
  const result = p.step("fit", (tick) => {
    tick(1, 4);
    tick(4, 4);
    return 42;
  });
  assert.equal(result, 42);
  assert.match(tty.text(), /\rsegment: fit \[######------------------\] 1\/4/);
  assert.match(tty.text(), /segment: fit \(0\.0 s\)\n$/);
  const pipe = fakeStream(false);
  new Progress({ stream: pipe.stream, thresholdMs: 0 }).step("read", (tick) => tick(1, 2));
  assert.equal(pipe.text(), "segment: read (0.0 s)\n"); // no bar when stderr is not a terminal
  const slowOnly = fakeStream(false);
  new Progress({ stream: slowOnly.stream, thresholdMs: 60_000 }).step("quick", () => 0);
  assert.equal(slowOnly.text(), "");
  const quiet = fakeStream(true);
  const q = new Progress({ enabled: false, stream: quiet.stream, thresholdMs: 0 });
  q.step("x", (tick) => tick(1, 1));
  q.note("hello");
  assert.equal(quiet.text(), "");
});

test("segment rfm writes rfm.csv from the transactions sample; a missing file exits 2 with one line", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-rfm-"));
  try {
    const input = path.join(ROOT, "data", "online_retail_sample.csv");
    const r = runSegment(["rfm", input, "--out", path.join(dir, "rfm"), "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.ok(summary.customers > 0);
    assert.match(
      fs.readFileSync(path.join(dir, "rfm", "rfm.csv"), "utf8"),
      /^CustomerID,recency_days,frequency,monetary/,
    );
    const missing = runSegment(["rfm", path.join(dir, "nope.csv"), "--out", path.join(dir, "rfm2")]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr.trimEnd().split("\n").length, 1);
    assert.match(missing.stderr, /nope\.csv: file not found/);
    assert.ok(!fs.existsSync(path.join(dir, "rfm2")));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
