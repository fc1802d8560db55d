/**
 * The public API is curated and recorded: src/index.ts lists its exports by name, api/mall-segments.api.md holds
 * their declarations, and this test fails when the two disagree (run `npm run api`, review, commit). The notebooks
 * import only public names.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";

const ROOT = path.resolve(__dirname, "..");
const REPORT = path.join(ROOT, "api", "mall-segments.api.md");

interface ApiReportModule {
  apiReport(): string;
  reportDifferences(committed: string, report: string): string[];
  reportNames(report: string): string[];
}
const load = () => import(path.join(ROOT, "scripts", "api-report.mjs")) as Promise<ApiReportModule>;

test("api/mall-segments.api.md matches the public surface of src/index.ts (else: npm run api)", async () => {
  const { apiReport, reportDifferences, reportNames } = await load();
  const committed = fs.readFileSync(REPORT, "utf8");
  const fresh = apiReport();
  const differences = reportDifferences(committed, fresh);
  assert.deepEqual(
    differences,
    [],
    `the public API changed: run \`npm run api\`, review and commit the report\n${differences.slice(0, 20).join("\n")}`,
  );
  // the comparison can fail: a report with one declaration changed, or one name less, differs
  assert.notDeepEqual(reportDifferences(committed.replace("k: number;", "k: string;"), fresh), []);
  assert.notDeepEqual(
    reportDifferences(committed.replace(/^## core\/random — .*$/m, "## core/random — seededRandom"), fresh),
    [],
  );
  // internals stay out
  const names = new Set(reportNames(fresh));
  for (const internal of [
    "kmeansFlat",
    "checkKMeansOptions",
    "distinctLabels",
    "reportPca",
    "runRfm",
    "shuffled",
    "toFlat",
  ]) {
    assert.ok(!names.has(internal), `${internal} is internal, not exported`);
  }
  assert.ok(names.has("kmeans") && names.has("gaussianMixture") && names.has("show"));
});

test("src/index.ts lists its exports by name (no export *)", () => {
  const index = fs.readFileSync(path.join(ROOT, "src", "index.ts"), "utf8");
  assert.doesNotMatch(index, /export \*/);
});

test("the notebooks import only public names", async () => {
  const { reportNames } = await load();
  const publicNames = new Set(reportNames(fs.readFileSync(REPORT, "utf8")));
  const dir = path.join(ROOT, "notebooks");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb"))) {
    const nb = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as {
      cells: { cell_type: string; source: string[] | string }[];
    };
    const code = nb.cells
      .filter((c) => c.cell_type === "code")
      .map((c) => [c.source].flat().join(""))
      .join("\n");
    for (const m of code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"mall-segments"/g)) {
      for (const raw of m[1]!.split(",")) {
        const name = raw
          .replace(/\btype\b/, "")
          .split(/\s+as\s+/)[0]!
          .trim();
        if (name) assert.ok(publicNames.has(name), `${file} imports ${name}, which src/index.ts does not export`);
      }
    }
  }
});
