/**
 * k-means on worker threads gives the same bits whatever the number of threads, from the TypeScript sources (the
 * helpers load kmeans-worker.ts) and from a compiled CommonJS tree like dist/ (the helpers load kmeans-worker.js).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import ts from "typescript";
import { kmeans } from "../src/cluster";
import { seededRandom } from "../src/core/random";

const ROOT = path.resolve(__dirname, "..");

/** n rows of 4 uniform features from `seed` (as test/helpers/kmeans-dist-child.js draws them). */
function uniformRows(n: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => [random(), random(), random(), random()]);
}

/** src/ compiled to CommonJS .js files under `out`, with the compiler options `npm run build` uses. */
function compileSources(out: string): void {
  const { options } = ts.convertCompilerOptionsFromJson(
    { module: "commonjs", target: "ES2022", esModuleInterop: true },
    ROOT,
  );
  const src = path.join(ROOT, "src");
  for (const entry of fs.readdirSync(src, { recursive: true })) {
    const file = String(entry);
    if (!file.endsWith(".ts")) continue;
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(src, file), "utf8"), {
      compilerOptions: options,
      fileName: file,
    });
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, ".js")), outputText);
  }
}

describe("k-means on worker threads, bit for bit", () => {
  it("300,000 rows: 1, 2 and 3 threads give identical labels, centres, inertia and iterations", () => {
    const X = uniformRows(300_000, 21);
    const one = kmeans(X, { k: 5, nInit: 1, maxIter: 30, tol: 0, seed: 2, threads: 1 });
    assert.ok(one.iterations > 10);
    for (const threads of [2, 3]) {
      assert.deepEqual(kmeans(X, { k: 5, nInit: 1, maxIter: 30, tol: 0, seed: 2, threads }), one, `${threads} threads`);
    }
  });

  it("from compiled .js files (as dist/): the helpers load kmeans-worker.js and the result is the sources' one", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "mall-segments-kmeans-"));
    try {
      compileSources(out);
      assert.ok(fs.existsSync(path.join(out, "cluster", "kmeans-worker.js")));
      const n = 100_000; // 5 centres × 100,000 rows: above the size that uses threads
      // plain node, no TypeScript loader: only .js files can load
      const script = path.join(__dirname, "helpers", "kmeans-dist-child.js");
      const child = spawnSync(process.execPath, [script, out, String(n), "8"], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
      });
      assert.equal(child.status, 0, child.stderr);
      const { result, js, helpersTookBlocks } = JSON.parse(child.stdout);
      assert.equal(helpersTookBlocks, true);
      const expected = kmeans(uniformRows(n, 8), { k: 5, seed: 3, nInit: 1, maxIter: 50, tol: 0, threads: 1 });
      assert.deepEqual(result, expected, "WebAssembly kernel");
      assert.deepEqual(js, expected, "JavaScript kernel");
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
