// Notebooks are committed clean (no outputs), use the TypeScript kernel, import the package by name,
// and the runner reports a failing cell with its own error text.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

const ROOT = path.resolve(__dirname, "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");

interface Notebook {
  metadata: { kernelspec?: { name?: string } };
  cells: { cell_type: string; source: string | string[]; outputs?: unknown[]; execution_count?: number | null }[];
}
const read = (file: string): Notebook => JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
const notebookFiles = fs
  .readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

describe("committed notebooks", () => {
  it("are numbered by stage, starting with 01-eda", () => {
    assert.ok(notebookFiles.includes("01-eda.ipynb"));
    for (const f of notebookFiles) assert.match(f, /^\d\d-[a-z0-9-]+\.ipynb$/);
  });
  for (const file of notebookFiles) {
    const nb = read(path.join(NOTEBOOKS, file));
    it(`${file} has no outputs and no execution counts`, () => {
      for (const [i, cell] of nb.cells.entries()) {
        if (cell.cell_type !== "code") continue;
        assert.deepEqual(cell.outputs, [], `cell ${i + 1} has outputs`);
        assert.equal(cell.execution_count, null, `cell ${i + 1} has an execution count`);
      }
    });
    it(`${file} writes dollar signs as <span>\\$</span> in markdown (two would start LaTeX math in JupyterLab)`, () => {
      // JupyterLab renders `\$` as "$" and then MathJax pairs the dollars of a paragraph into math; an escaped
      // dollar alone in a <span> is neither found by JupyterLab's math scan nor paired by MathJax, and the
      // HTML export shows it as "$" too (test/browser checks what both draw).
      for (const [i, cell] of nb.cells.entries()) {
        if (cell.cell_type !== "markdown") continue;
        const bare = [cell.source].flat().join("").replaceAll("<span>\\$</span>", "");
        assert.doesNotMatch(bare, /\$/, `cell ${i + 1}: write k<span>\\$</span>`);
      }
    });
    it(`${file} has code a learner can copy: lines of at most 100 characters, no non-null assertions`, () => {
      for (const [i, cell] of nb.cells.entries()) {
        if (cell.cell_type !== "code") continue;
        for (const line of [cell.source].flat().join("").split("\n")) {
          assert.ok(line.length <= 100, `cell ${i + 1}: ${line.length} characters: ${line.slice(0, 60)}…`);
          // `x!` or `x[i]!` (but not `!==` / `!=`): a promise to the compiler the cell does not check
          assert.doesNotMatch(line, /[\w\])]!(?!=)/, `cell ${i + 1}: non-null assertion in ${line.trim()}`);
        }
      }
    });
    it(`${file} runs on the tslab kernel and imports the package by name`, () => {
      assert.equal(nb.metadata.kernelspec?.name, "tslab");
      const code = nb.cells
        .filter((c) => c.cell_type === "code")
        .map((c) => [c.source].flat().join(""))
        .join("\n");
      assert.match(code, /from "mall-segments"/);
      assert.doesNotMatch(code, /from "\.\.\/src/);
    });
  }
});

describe("the notebook runner", () => {
  it("fails on a failing cell and prints the notebook, cell number, source and the cell's own error", () => {
    const python = path.join(ROOT, ".venv", "bin", "python");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "runner-"));
    const run = spawnSync(
      python,
      [
        path.join(ROOT, "scripts", "run_notebooks.py"),
        "--no-html",
        "--out",
        out,
        path.join(ROOT, "test", "notebooks", "failing-cell.ipynb"),
      ],
      {
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /FAILED test\/notebooks\/failing-cell\.ipynb: cell 3 \(code cell 2\)/);
    assert.match(run.stderr, /function segmentCount\(\): number/);
    assert.match(run.stderr, /Error: deliberate failure: segment count unknown/);
    assert.doesNotMatch(run.stdout, /never reached/);
  });
});
