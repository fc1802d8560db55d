/**
 * k-means speed: ours vs scikit-learn KMeans(algorithm="lloyd") vs ml-kmeans 6, on the same seeded data
 * (bench/data/), each implementation in its own process so its peak RSS is its own. Two measurements:
 * - **per iteration**: every implementation starts from the same explicit k-means++ centres (ours, seed 0) with
 *   tol = 0 and the same iteration cap, so all run the same Lloyd iterations; the row is median time ÷ iterations
 *   (each timing includes the implementation's checks and final labels; ours gets an ordinary Float64Array, so the
 *   copy to shared memory for its worker threads is timed too);
 * - **end to end from k-means++**: a seeded k-means++ start then Lloyd with each library's defaults, one fit per
 *   seed 0 … repeats − 1 (the libraries draw different starts, and the iterations a start needs vary: the row is the
 *   median time, its note the median iterations and the first seed's inertia), the public
 *   `kmeans` on number[][] rows and, in the "typed" rows, on a typed matrix over an ordinary Float64Array (as numpy
 *   hands scikit-learn its array), against scikit-learn on a numpy array — what a user's call costs;
 * - **k-means++ init**: the seeded greedy k-means++ alone, ours on the Float64Array vs `kmeans_plusplus`.
 * "ours" runs the default WebAssembly assignment kernel, "ours-js" the JavaScript kernels (per iteration, typed).
 * Threads: scikit-learn OpenMP on all cores, ours worker threads on all cores, ml-kmeans one thread. scikit-learn runs
 * in a fair environment (bench/reference.ts). Last stdout line: JSON rows.
 *   node --import tsx bench/kmeans.bench.ts [--quick]
 */
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { kmeansPlusPlus } from "../src/cluster/kmeans-init";
import { seededRandom } from "../src/core/random";
import { benchData, median, readFloat64, writeFloat64, type Shape } from "./core-data";
import { runReference, type ReferenceOutput } from "./reference";

const ROOT = join(__dirname, "..");
const quick = process.argv.includes("--quick");
const K = 5;
const D = 4;
const MAX_ITER = 100;
const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const shapes: Shape[] = ["uniform", "blobs"];
const cores = availableParallelism();
const HOW: Record<string, string> = {
  sklearn: `OpenMP on ${cores} cores`,
  ours: `${cores} threads`,
  "ml-kmeans": "1 thread",
};

interface ChildResult {
  times: number[];
  peakMb: number;
  iterations: number;
  inertia: number;
  blas?: string;
}

function runOurs(args: string[]): ChildResult {
  const out = execFileSync("node", ["--import", "tsx", "bench/kmeans-child.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as ChildResult;
}

const label = (n: number): string => `1e${Math.round(Math.log10(n))}`;
const rows: { bench: string; impl: string; medianMs: number; peakMb: number; note?: string; blas?: string }[] = [];
function record(bench: string, impl: string, r: ChildResult, perIteration: boolean, how = HOW[impl]): void {
  const ms = median(r.times) / (perIteration ? Math.max(1, r.iterations) : 1);
  const note = r.iterations > 0 ? `${r.iterations} iterations, inertia ${r.inertia.toPrecision(10)}, ${how}` : how;
  rows.push({ bench, impl, medianMs: ms, peakMb: r.peakMb, note, blas: r.blas });
  console.error(
    `${bench.padEnd(40)} ${impl.padEnd(10)} ${ms.toFixed(2).padStart(9)} ms ${r.peakMb.toFixed(0).padStart(6)} MB  ${note}`,
  );
}

for (const n of sizes) {
  const repeats = n >= 1_000_000 ? 5 : 7;
  for (const shape of shapes) {
    const dataFile = benchData(shape, n, D);
    const X = { data: readFloat64(dataFile), nSamples: n, nFeatures: D };
    const initFile = dataFile.replace(/\.bin$/, `.init-k${K}.bin`);
    writeFloat64(initFile, kmeansPlusPlus(X, K, seededRandom(0)));
    const common = [dataFile, initFile, String(D), String(MAX_ITER), String(repeats)];
    const bench = `kmeans per iteration ${label(n)}x${D} k=${K} ${shape}`;
    record(bench, "ours", runOurs(["ours", ...common]), true, `${HOW.ours}, WebAssembly`);
    record(bench, "ours-js", runOurs(["ours-js", ...common]), true, `${HOW.ours}, JavaScript kernels`);
    record(
      bench,
      "sklearn",
      runReference<ChildResult & ReferenceOutput>("sklearn_core.py", ["kmeans", ...common]),
      true,
    );
    if (n <= 1_000_000) record(bench, "ml-kmeans", runOurs(["ml-kmeans", ...common]), true);
    if (n === sizes[sizes.length - 1]) {
      const e2e = [dataFile, String(K), String(D), "0", String(repeats)];
      const endToEnd = `kmeans end to end from k-means++ ${label(n)}x${D} k=${K} ${shape}`;
      const typed = `kmeans end to end from k-means++ typed ${label(n)}x${D} k=${K} ${shape}`;
      const sklearn = runReference<ChildResult & ReferenceOutput>("sklearn_core.py", ["kmeans-e2e", ...e2e]);
      record(endToEnd, "ours", runOurs(["ours-e2e", ...e2e]), false, `${HOW.ours}, number[][] in`);
      record(endToEnd, "sklearn", sklearn, false);
      record(typed, "ours", runOurs(["ours-e2e-typed", ...e2e]), false, `${HOW.ours}, Float64Array in`);
      record(typed, "ours-js", runOurs(["ours-e2e-typed-js", ...e2e]), false, `${HOW.ours}, JavaScript kernels`);
      record(typed, "sklearn", sklearn, false);
      if (shape === "uniform") {
        const init = `kmeans++ init ${label(n)}x${D} k=${K} ${shape}`;
        record(
          init,
          "ours",
          runOurs(["ours-init", ...e2e]),
          false,
          "1 thread, on the data in the call's WebAssembly memory",
        );
        const reference = runReference<ChildResult & ReferenceOutput>("sklearn_core.py", ["kmeans-init", ...e2e]);
        record(init, "sklearn", reference, false, "kmeans_plusplus, numpy BLAS");
      }
    }
  }
}
console.log(JSON.stringify(rows));
