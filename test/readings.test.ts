// scripts/check_readings.py: a number stated in a notebook's prose must be in that notebook's outputs, within the
// rounding it is stated with; a moved result fails, an allow-listed non-result passes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";

const ROOT = path.resolve(__dirname, "..");
const PYTHON = path.join(ROOT, ".venv", "bin", "python");

function notebook(markdown: string, outputs: object[]): object {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "code", metadata: {}, source: "x", execution_count: 1, outputs },
      { cell_type: "markdown", metadata: {}, source: markdown },
    ],
  };
}

function check(markdown: string, outputs: object[]): { status: number | null; stderr: string; stdout: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readings-"));
  const file = path.join(dir, "09-test.ipynb");
  fs.writeFileSync(file, JSON.stringify(notebook(markdown, outputs)));
  const run = spawnSync(PYTHON, [path.join(ROOT, "scripts", "check_readings.py"), file], { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

const figure = {
  output_type: "display_data",
  metadata: {},
  data: {
    "application/vnd.plotly.v1+json": {
      data: [{ type: "bar", x: ["a", "b"], y: [0.5549, 112], text: ["112 (56.0 %)"] }],
    },
  },
};
const text = { output_type: "stream", name: "stdout", text: "silhouette 0.5539\ncustomers 1234\n" };

test("numbers stated at their rounding are backed by text outputs and figure data", () => {
  const run = check(
    "The silhouette is 0.554 (0.55 rounded) for 1,234 customers; 112 of them (56.0 %), 55 % of 0.5549.",
    [text, figure],
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /7 stated numbers in 1 notebooks, 0 not backed/);
});

test("a result that moved without its Reading fails, naming the cell and the number", () => {
  const run = check("The silhouette is 0.562 for 1,234 customers.", [text]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /09-test\.ipynb cell 2: '0\.562' is not in the outputs/);
});

test("headings, code spans, math and names of notebooks or columns are not claims", () => {
  const run = check(
    "## 7. Step 3\nRun `kmeans(X, { k: 7 })` as in notebook 04 (`03-clustering`) on Spending Score (1-100), $x_9$.",
    [text],
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /0 stated numbers/);
});
