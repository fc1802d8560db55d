// Every notebook's code cells, in order, type-check as one module under the project's strict options
// (scripts/typecheck-notebooks.mjs), whatever kernel runs them; a type error is reported with its
// notebook, code cell and line. One run of the checker covers the real notebooks and a sample with errors.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";

const ROOT = path.resolve(__dirname, "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const notebookFiles = fs
  .readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

const codeCell = (source: string) => ({
  cell_type: "code",
  execution_count: null,
  metadata: {},
  outputs: [],
  source: [source],
});
const sample = {
  cells: [
    codeCell('import { kmeans } from "mall-segments";\nconst k = 3;'),
    { cell_type: "markdown", metadata: {}, source: ["Prose between cells is not code."] },
    codeCell(
      "const fit = kmeans([[1, 2], [3, 4]], { k });\nconst size: number = fit.labels;\nawait Promise.resolve(fit.inertia);",
    ),
    codeCell("const again = { k };\nagain.k.toUpperCase();"),
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
};

describe("notebooks type-check (scripts/typecheck-notebooks.mjs)", () => {
  let stderr = "";
  let status: number | null = null;
  let sampleFile = "";
  before(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "typecheck-"));
    sampleFile = path.join(dir, "90-sample.ipynb");
    fs.writeFileSync(sampleFile, JSON.stringify(sample));
    const files = [...notebookFiles.map((f) => path.join(NOTEBOOKS, f)), sampleFile];
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "typecheck-notebooks.mjs"), ...files], {
      encoding: "utf8",
      timeout: 300_000,
    });
    ({ stderr, status } = run);
    fs.rmSync(dir, { recursive: true });
  });

  for (const file of notebookFiles) {
    it(`${file}: no type error in any code cell`, () => {
      const errors = stderr.split("\n").filter((line) => line.startsWith(`notebooks/${file}`));
      assert.deepEqual(errors, []);
    });
  }

  it("reports a type error with its notebook, code cell and line, and fails", () => {
    assert.equal(status, 1);
    assert.match(
      stderr,
      /90-sample\.ipynb, code cell 2, line 2: TS2322 Type 'number\[\]' is not assignable to type 'number'\./,
    );
    assert.match(
      stderr,
      /90-sample\.ipynb, code cell 3, line 2: TS2339 Property 'toUpperCase' does not exist on type 'number'\./,
    );
    assert.match(stderr, /typecheck-notebooks: 2 type error\(s\)/);
  });
});
