/**
 * Whole k-means calls with the WebAssembly assignment kernel (the default) against the JavaScript kernels: the same
 * labels, iterations and inertia, centres bit for bit, on one thread and on two, over several starts (nInit) that
 * reuse one WebAssembly memory.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { checkKMeansOptions, kmeans, kmeansFlat, type KMeansOptions } from "../src/cluster/kmeans";
import type { KMeansKernel } from "../src/cluster/kmeans-engine";
import { tryWasmAssign } from "../src/cluster/kmeans-wasm";
import type { FlatMatrix } from "../src/core/matrix";
import { randomNormal, seededRandom } from "../src/core/random";

/** n × d seeded rows: uniform in [0, 1), or 5 overlapping blobs (noise sd 4) around centres in [-10, 10]^d. */
function makeData(shape: "uniform" | "blobs", n: number, d: number, seed: number): FlatMatrix {
  const random = seededRandom(seed);
  const blobs = Array.from({ length: 5 * d }, () => 20 * random() - 10);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(random() * 5);
    for (let f = 0; f < d; f++) {
      data[i * d + f] = shape === "uniform" ? random() : blobs[b * d + f]! + 4 * randomNormal(random);
    }
  }
  return { data, nSamples: n, nFeatures: d };
}

function fit(X: FlatMatrix, options: KMeansOptions, kernel: KMeansKernel) {
  return kmeansFlat(X, checkKMeansOptions(options, X.nSamples, X.nFeatures), { kernel });
}

/** Float64 bits of the centres, to compare them exactly (deepEqual would also pass -0 against 0). */
function bits(centroids: number[][]): string {
  return Buffer.from(Float64Array.from(centroids.flat()).buffer).toString("hex");
}

describe("k-means with the WebAssembly kernel gives the JavaScript kernels' bits", () => {
  it("WebAssembly is available here, so the default kernel is the WebAssembly one; past 4 GiB, the JavaScript one", () => {
    assert.ok(tryWasmAssign(10, 2, 2) !== undefined);
    // 2^27 rows × 4 features × 8 bytes = 4 GiB of data alone: no WasmAssign, so k-means runs the JavaScript kernels
    assert.equal(tryWasmAssign(2 ** 27, 4, 5), undefined);
  });

  // 60,000 rows × 5 centres: above the size that uses threads, so threads: 2 shares the passes out
  for (const shape of ["uniform", "blobs"] as const) {
    for (const d of [2, 4, 9]) {
      it(`${shape}, d=${d}: labels, centres, inertia, iterations; 1 and 2 threads, 2 starts`, () => {
        const X = makeData(shape, 60_000, d, 10 * d + (shape === "uniform" ? 1 : 2));
        const options = { k: 5, nInit: 2, maxIter: 60, seed: d, tol: 0 };
        const js = fit(X, { ...options, threads: 1 }, "js");
        assert.ok(js.iterations > 2, "long enough for the bounds to skip rows");
        for (const threads of [1, 2]) {
          const wasm = fit(X, { ...options, threads }, "wasm");
          const at = `${threads} thread(s)`;
          assert.deepEqual(wasm.labels, js.labels, `${at}: labels`);
          assert.equal(wasm.iterations, js.iterations, `${at}: iterations`);
          assert.equal(bits(wasm.centroids), bits(js.centroids), `${at}: centres`);
          assert.equal(wasm.inertia, js.inertia, `${at}: inertia`);
          assert.deepEqual(fit(X, { ...options, threads }, "js"), js, `${at}: the JavaScript kernel`);
        }
      });
    }
  }

  it("rows (number[][]) written straight into the WebAssembly memory give the typed result", () => {
    const X = makeData("blobs", 3000, 3, 5);
    const rows = Array.from({ length: X.nSamples }, (_, i) => Array.from(X.data.subarray(3 * i, 3 * i + 3)));
    const options = { k: 4, nInit: 3, seed: 1 };
    assert.deepEqual(kmeans(rows, options), fit(X, options, "js"));
  });

  it("does not change the caller's typed data", () => {
    const X = makeData("uniform", 2000, 2, 9);
    const before = X.data.slice();
    fit(X, { k: 3, nInit: 2 }, "wasm");
    assert.deepEqual(X.data, before);
  });
});

describe("k-means with the WebAssembly kernel in Deno (as the notebooks' Deno kernel runs it, from dist/)", () => {
  const ROOT = path.resolve(__dirname, "..");
  it("loads the kernel from dist/ and gives the JavaScript kernels' result", () => {
    // small data, one thread, as in the notebooks; the compiled modules are read as `npm run build` writes them
    const code = [
      'import { createRequire } from "node:module";',
      "const require = createRequire(import.meta.url);",
      `const dist = ${JSON.stringify(path.join(ROOT, "dist", "cluster"))};`,
      'const { checkKMeansOptions, kmeansFlat } = require(dist + "/kmeans.js");',
      'const { tryWasmAssign } = require(dist + "/kmeans-wasm.js");',
      "const rows = Array.from({ length: 2000 }, (_, i) => [Math.sin(i), Math.cos(1.3 * i), (i % 7) / 7]);",
      "const X = { data: Float64Array.from(rows.flat()), nSamples: 2000, nFeatures: 3 };",
      "const settings = checkKMeansOptions({ k: 4, seed: 1 }, 2000, 3);",
      "const [wasm, js] = [kmeansFlat(X, settings), kmeansFlat(X, settings, { kernel: 'js' })];",
      "console.log(JSON.stringify({ available: tryWasmAssign(10, 2, 2) !== undefined, same: JSON.stringify(wasm) === JSON.stringify(js), inertia: wasm.inertia }));",
    ].join("\n");
    const run = spawnSync(path.join(ROOT, "node_modules", ".bin", "deno"), ["eval", "--ext=ts", code], {
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
    });
    assert.equal(run.status, 0, run.stderr);
    const { available, same, inertia } = JSON.parse(run.stdout);
    assert.equal(available, true, "WebAssembly with shared memory in Deno");
    assert.equal(same, true);
    assert.ok(inertia > 0);
  });
});
