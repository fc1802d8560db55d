/**
 * k-means speed: ours vs ml-kmeans 6 vs scikit-learn KMeans(algorithm="lloyd", n_init=1), all started from the same
 * k-means++ centres (ours, seed 0) with the same iteration cap and tol = 0, on the same seeded data (bench/data/).
 * Like for like: every implementation gets the initial centres explicitly, so no timing includes an initialisation
 * (scikit-learn skips k-means++ for an array init, ml-kmeans for `initialization: centres`); each timing includes the
 * implementation's own checks, tolerance scale and final labels. Ours gets an ordinary (not shared) Float64Array, so
 * the copy to shared memory for its worker threads is timed too; ml-kmeans gets number[][] rows built outside the
 * timing. Threads: scikit-learn uses OpenMP on all cores, ours worker threads on all cores (pools started by the first
 * repeat, so the median is the warm time for both), ml-kmeans one thread. Each implementation runs in its own
 * process so its peak RSS is its own. Last stdout line: JSON rows.
 *   node --import tsx bench/kmeans.bench.ts [--quick]
 */
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { kmeansPlusPlus } from "../src/cluster/kmeans-init";
import { seededRandom } from "../src/core/random";
import { benchData, median, readFloat64, writeFloat64, type Shape } from "./core-data";

const ROOT = join(__dirname, "..");
const quick = process.argv.includes("--quick");
const K = 5;
const D = 4;
const MAX_ITER = 100;
const sizes = quick ? [100_000] : [100_000, 1_000_000];
const shapes: Shape[] = ["uniform", "blobs"];

interface ChildResult {
  times: number[];
  peakMb: number;
  iterations: number;
  inertia: number;
}

function runChild(cmd: string, args: string[]): ChildResult {
  const out = execFileSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop()!) as ChildResult;
}

const rows: { bench: string; impl: string; medianMs: number; peakMb: number; note?: string }[] = [];
for (const n of sizes) {
  const repeats = n >= 1_000_000 ? 3 : 5;
  for (const shape of shapes) {
    const dataFile = benchData(shape, n, D);
    const X = { data: readFloat64(dataFile), nSamples: n, nFeatures: D };
    const initFile = dataFile.replace(/\.bin$/, `.init-k${K}.bin`);
    writeFloat64(initFile, kmeansPlusPlus(X, K, seededRandom(0)));
    const bench = `kmeans ${n === 1_000_000 ? "1e6" : "1e5"}x${D} k=${K} ${shape}`;
    const common = [dataFile, initFile, String(D), String(MAX_ITER)];
    const results: Record<string, ChildResult> = {
      ours: runChild("node", ["--import", "tsx", "bench/kmeans-child.ts", "ours", ...common, String(repeats)]),
      sklearn: runChild(".venv/bin/python", ["bench/sklearn_core.py", "kmeans", ...common, String(repeats)]),
      "ml-kmeans": runChild("node", ["--import", "tsx", "bench/kmeans-child.ts", "ml-kmeans", ...common, String(repeats)]),
    };
    for (const [impl, r] of Object.entries(results)) {
      const cores = availableParallelism();
      const how = { sklearn: `OpenMP on ${cores} cores`, ours: `${cores} threads, flat input`, "ml-kmeans": "1 thread" }[impl];
      const note = `${r.iterations} iterations, inertia ${r.inertia.toPrecision(10)}, ${how}`;
      rows.push({ bench, impl, medianMs: median(r.times), peakMb: r.peakMb, note });
      console.error(`${bench.padEnd(28)} ${impl.padEnd(10)} ${median(r.times).toFixed(1).padStart(9)} ms ${r.peakMb.toFixed(0).padStart(6)} MB  ${note}`);
    }
  }
}
console.log(JSON.stringify(rows));
