// Notebook cells are plain, kernel-agnostic TypeScript: no `{ x: x }` workaround spellings, no
// tslab-only API, displays awaited (Deno drops displays still pending when a cell ends). The rules live once, in scripts/codemods/idiomatic-cells.py (which also rewrites);
// these tests run it in --check mode on every notebook, and check the codemod itself on a sample.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

const ROOT = path.resolve(__dirname, "..");
const CODEMOD = path.join(ROOT, "scripts", "codemods", "idiomatic-cells.py");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const notebookFiles = fs
  .readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

function codemod(args: string[]) {
  return spawnSync("python3", [CODEMOD, ...args], { encoding: "utf8", timeout: 60_000 });
}

const codeOf = (file: string): string[] =>
  (JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] }).cells
    .filter((c) => c.cell_type === "code")
    .map((c) => [c.source].flat().join(""));

describe("notebook cells are idiomatic TypeScript", () => {
  for (const file of notebookFiles) {
    it(`${file}: no { x: x } workarounds, no tslab-only calls, displays awaited (idiomatic-cells.py --check)`, () => {
      const run = codemod(["--check", path.join(NOTEBOOKS, file)]);
      assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
    });
    it(`${file}: imports nothing from "tslab"`, () => {
      for (const [i, code] of codeOf(path.join(NOTEBOOKS, file)).entries()) {
        assert.doesNotMatch(code, /from\s+"tslab"|require\("tslab"\)/, `code cell ${i + 1}`);
      }
    });
  }
});

describe("the idiomatic-cells codemod", () => {
  const sample = {
    cells: [
      { cell_type: "markdown", metadata: {}, source: ["Keep { k: k } in prose."] },
      {
        cell_type: "code",
        execution_count: null,
        metadata: {},
        outputs: [],
        source: [
          'import * as tslab from "tslab";\n',
          "import {\n",
          "  kmeans, htmlTable, show,\n",
          '} from "mall-segments";',
        ],
      },
      {
        cell_type: "code",
        execution_count: null,
        metadata: {},
        outputs: [],
        source: [
          "const fit = kmeans(Z, { k: k, init: init,\n",
          "  seed: seed });\n",
          "const other = { a: b, c: c.d, e: e(), f: f[0], g: g };\n",
          "tslab.display.html(htmlTable(rows));\n",
          'tslab.display.markdown("- one");\n',
          "show(fig);\n",
          "const p = show(fig);",
        ],
      },
    ],
    metadata: { kernelspec: { name: "tslab" } },
    nbformat: 4,
    nbformat_minor: 5,
  };

  function rewritten(): { file: string; dir: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "codemod-"));
    const file = path.join(dir, "90-sample.ipynb");
    fs.writeFileSync(file, JSON.stringify(sample, null, 1) + "\n");
    return { file, dir };
  }

  it("--check lists the changes, exits 1 and changes nothing", () => {
    const { file, dir } = rewritten();
    const before = fs.readFileSync(file, "utf8");
    const run = codemod(["--check", file]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /code cell 2: \{ k: k \} → \{ k \}/);
    assert.match(run.stdout, /code cell 2: tslab\.display\.html\( → displayHtml\(/);
    assert.match(run.stdout, /code cell 2: show\( → await show\(/);
    assert.equal(fs.readFileSync(file, "utf8"), before);
    fs.rmSync(dir, { recursive: true });
  });

  it("rewrites shorthand and display calls, imports the helpers, and only that", () => {
    const { file, dir } = rewritten();
    assert.equal(codemod([file]).status, 0);
    const [imports, cell] = codeOf(file);
    assert.equal(
      imports,
      'import {\n  kmeans, htmlTable, show, displayHtml, displayMarkdown,\n} from "mall-segments";',
    );
    assert.equal(
      cell,
      "const fit = kmeans(Z, { k, init,\n  seed });\n" +
        "const other = { a: b, c: c.d, e: e(), f: f[0], g };\n" +
        'await displayHtml(htmlTable(rows));\nawait displayMarkdown("- one");\nawait show(fig);\nconst p = show(fig);',
    );
    const nb = JSON.parse(fs.readFileSync(file, "utf8")) as typeof sample;
    assert.deepEqual(nb.cells[0], sample.cells[0], "markdown cells are left alone");
    assert.equal(codemod(["--check", file]).status, 0, "a second run has nothing to do");
    fs.rmSync(dir, { recursive: true });
  });

  it("refuses a tslab call it has no helper for, and leaves the notebook as it was", () => {
    const { file, dir } = rewritten();
    const withPng = JSON.parse(fs.readFileSync(file, "utf8")) as typeof sample;
    withPng.cells[2]!.source.push("\ntslab.display.png(bytes);");
    fs.writeFileSync(file, JSON.stringify(withPng, null, 1) + "\n");
    const before = fs.readFileSync(file, "utf8");
    const run = codemod([file]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /uses of tslab with no package helper yet: code cell 2: tslab\.display\.png/);
    assert.equal(fs.readFileSync(file, "utf8"), before);
    fs.rmSync(dir, { recursive: true });
  });
});
