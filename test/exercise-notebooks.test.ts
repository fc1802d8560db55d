// The exercises in the notebooks: every checkable exercise has a check cell in its chapter and a worked solution in
// notebooks/solutions/, the solutions follow the chapters' notebook rules (no outputs, tslab, lines <= 100, no
// non-null assertions, idiomatic, type-checked), and the solutions run fails on a check that does not pass.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { EXERCISE_IDS } from "../src";

const ROOT = path.resolve(__dirname, "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const SOLUTIONS = path.join(NOTEBOOKS, "solutions");
const python = path.join(ROOT, ".venv", "bin", "python");

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}
interface Notebook {
  metadata: { kernelspec?: { name?: string } };
  cells: Cell[];
}
const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
const text = (cell: Cell) => [cell.source].flat().join("");
const code = (nb: Notebook) =>
  nb.cells
    .filter((c) => c.cell_type === "code")
    .map(text)
    .join("\n");
const checked = (nb: Notebook) => [...code(nb).matchAll(/exercise\("(\d\d\.\d+)"\)\.check\(/g)].map((m) => m[1]);
const chapters = fs
  .readdirSync(NOTEBOOKS)
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .sort();
const solutions = fs
  .readdirSync(SOLUTIONS)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

describe("exercises in the notebooks", () => {
  it("one solutions notebook per chapter, named after it", () => {
    assert.deepEqual(
      solutions,
      chapters.map((f) => f.replace(/\.ipynb$/, "-solutions.ipynb")),
    );
  });

  for (const file of chapters) {
    const number = file.slice(0, 2);
    const ids = EXERCISE_IDS.filter((id) => id.startsWith(`${number}.`));
    it(`${file}: a check cell for each of its exercises (${ids.join(", ")}), and its solutions check them all`, () => {
      assert.deepEqual(checked(read(path.join(NOTEBOOKS, file))), ids);
      const solved = read(path.join(SOLUTIONS, file.replace(/\.ipynb$/, "-solutions.ipynb")));
      assert.deepEqual(checked(solved), ids);
    });
  }

  for (const file of solutions) {
    const nb = read(path.join(SOLUTIONS, file));
    it(`solutions/${file}: committed clean, on tslab, importing the package, with lines a learner can copy`, () => {
      assert.equal(nb.metadata.kernelspec?.name, "tslab");
      assert.match(code(nb), /from "mall-segments"/);
      for (const [i, cell] of nb.cells.entries()) {
        if (cell.cell_type === "markdown") {
          assert.doesNotMatch(text(cell).replaceAll("<span>\\$</span>", ""), /\$/, `cell ${i + 1}: a bare dollar`);
          continue;
        }
        assert.deepEqual([cell.outputs, cell.execution_count], [[], null], `cell ${i + 1} has outputs`);
        for (const line of text(cell).split("\n")) {
          assert.ok(line.length <= 100, `cell ${i + 1}: ${line.length} characters`);
          assert.doesNotMatch(line, /[\w\])]!(?!=)/, `cell ${i + 1}: non-null assertion in ${line.trim()}`);
        }
      }
    });
  }

  it("the solutions type-check and are idiomatic (typecheck-notebooks.mjs, idiomatic-cells.py --check)", () => {
    const files = solutions.map((f) => path.join(SOLUTIONS, f));
    const typecheck = spawnSync(process.execPath, [path.join(ROOT, "scripts", "typecheck-notebooks.mjs"), ...files], {
      encoding: "utf8",
      timeout: 300_000,
    });
    assert.equal(typecheck.status, 0, typecheck.stderr);
    const idioms = spawnSync(
      "python3",
      [path.join(ROOT, "scripts", "codemods", "idiomatic-cells.py"), "--check", ...files],
      {
        encoding: "utf8",
      },
    );
    assert.equal(idioms.status, 0, idioms.stdout + idioms.stderr);
  });

  it("run_notebooks.py --solutions fails on a check that does not pass, with the check's hint", {
    skip: !fs.existsSync(python) && "no .venv",
  }, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "solutions-"));
    const run = spawnSync(
      python,
      [
        path.join(ROOT, "scripts", "run_notebooks.py"),
        "--solutions",
        "--no-html",
        "--out",
        out,
        path.join(ROOT, "test", "notebooks", "wrong-answer.ipynb"),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    fs.rmSync(out, { recursive: true, force: true });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /FAILED test\/notebooks\/wrong-answer\.ipynb: cell 3 \(code cell 2\)/);
    assert.match(run.stderr, /ExerciseError: ✗ Exercise 01\.1: that is the median/);
    assert.doesNotMatch(run.stdout, /never reached/);
  });
});
