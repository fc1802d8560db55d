/**
 * Gaussian mixture speed: ours vs scikit-learn GaussianMixture for each covariance type (full, tied, diag,
 * spherical), both started from the same initial weights, means and precisions (our k-means start, seed 0) with
 * tol = 0 so both run exactly MAX_ITER EM iterations, on the same seeded blobs (bench/data/). Ours gets a typed
 * matrix over an ordinary Float64Array, as numpy hands scikit-learn its array ("ours"), and number[][] rows
 * ("ours-rows"). Each implementation runs in its own process (this script re-invoked with --child, or
 * bench/sklearn_gmm.py) so its peak RSS is its own. scikit-learn runs twice: with OpenBLAS's default threads and with
 * one thread (on a busy 2-core machine the threaded run can be the slower). Last stdout line: JSON rows.
 *   node --import tsx bench/gmm.bench.ts [--quick]
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gaussianMixture, type CovarianceType, type GaussianMixtureInit } from "../src/cluster/gmm";
import { kmeansStart } from "../src/cluster/gmm-init";
import { fromFlat, matrix } from "../src/core/matrix";
import { benchData, median, readFloat64 } from "./core-data";
import { runReference, type ReferenceOutput } from "./reference";

const ROOT = join(__dirname, "..");
const K = 5;
const D = 4;
const N = 100_000;
const MAX_ITER = 50;
const TYPES: CovarianceType[] = ["full", "tied", "diag", "spherical"];

interface ChildResult {
  times: number[];
  peakMb: number;
  iterations: number;
  score: number;
}

if (process.argv[2] === "--child") runOurs(process.argv.slice(3));
else main();

function main(): void {
  const quick = process.argv.includes("--quick");
  const repeats = quick ? 3 : 5;
  const dataFile = benchData("blobs", N, D);
  const oneThread = { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  const notes: Record<string, string> = {
    ours: "1 thread, Float64Array in",
    "ours-rows": "1 thread, number[][] in",
    sklearn: "OpenBLAS default threads",
    "sklearn-1-thread": "sklearn with OPENBLAS_NUM_THREADS=1",
  };
  const rows = TYPES.flatMap((type) => {
    const initFile = writeStart(dataFile, type);
    const common = [dataFile, initFile, String(D), String(MAX_ITER), String(repeats), type];
    const child = (input: string) =>
      runChild("node", ["--import", "tsx", "bench/gmm.bench.ts", "--child", ...common, input]);
    const results: Record<string, ChildResult> = {
      ours: child("typed"),
      "ours-rows": child("rows"),
      sklearn: runReference<ChildResult & ReferenceOutput>("sklearn_gmm.py", common),
      "sklearn-1-thread": runReference<ChildResult & ReferenceOutput>("sklearn_gmm.py", common, oneThread),
    };
    const bench = `gmm ${type} 1e5x${D} k=${K} ${MAX_ITER} iterations`;
    for (const ref of ["sklearn", "sklearn-1-thread"]) {
      console.error(
        `${type}: ours / ${ref} = ${(median(results.ours!.times) / median(results[ref]!.times)).toFixed(2)}`,
      );
    }
    return Object.entries(results).map(([impl, r]) => {
      const note = `${r.iterations} iterations, mean log-likelihood ${r.score.toPrecision(12)}, ${notes[impl]}`;
      console.error(
        `${bench.padEnd(40)} ${impl.padEnd(16)} ${median(r.times).toFixed(1).padStart(9)} ms ${r.peakMb.toFixed(0).padStart(6)} MB  ${note}`,
      );
      const blas = (r as Partial<ReferenceOutput>).blas;
      return { bench, impl, medianMs: median(r.times), peakMb: r.peakMb, note, blas };
    });
  });
  console.log(JSON.stringify(rows));
}

/**
 * The shared start for one covariance type, written next to the data: k-means labels (seed 0) → one M-step, as
 * GaussianMixture's default init, with the precisions in scikit-learn's shape for the type.
 */
function writeStart(dataFile: string, type: CovarianceType): string {
  const start = kmeansStart(matrix(readFloat64(dataFile), [N, D]), K, type, 1e-6, 0);
  const F = start.precisionsCholesky;
  // precisions from their Cholesky factors: F·Fᵀ per block (full, tied), F² (diag, spherical: F = 1/σ)
  const precisions =
    type === "full"
      ? Array.from({ length: K }, (_, c) => precisionOf(F.subarray(c * D * D, (c + 1) * D * D)))
      : type === "tied"
        ? precisionOf(F)
        : type === "diag"
          ? fromFlat({ data: F.map((f) => f * f), nSamples: K, nFeatures: D })
          : Array.from(F, (f) => f * f);
  const init: GaussianMixtureInit = {
    weights: Array.from(start.weights),
    means: fromFlat({ data: start.means, nSamples: K, nFeatures: D }),
    precisions,
  };
  const initFile = dataFile.replace(/\.bin$/, `.gmm-init-k${K}-${type}.json`);
  writeFileSync(initFile, JSON.stringify(init));
  return initFile;
}

/** P = F·Fᵀ from a precision Cholesky factor F (d×d row-major). */
function precisionOf(F: Float64Array): number[][] {
  return Array.from({ length: D }, (_, a) =>
    Array.from({ length: D }, (_, b) => {
      let s = 0;
      for (let m = 0; m < D; m++) s += F[a * D + m]! * F[b * D + m]!;
      return s;
    }),
  );
}

/** Our side, in its own process so its peak memory is its own. */
function runChild(cmd: string, args: string[]): ChildResult {
  const out = execFileSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop()!) as ChildResult;
}

/** Child: time our gaussianMixture from the shared start; prints { times, peakMb, iterations, score }. */
function runOurs([dataFile, initFile, dArg, maxIterArg, repeatsArg, type, input]: string[]): void {
  const d = Number(dArg);
  const data = readFloat64(dataFile!);
  const shape = [data.length / d, d] as const;
  // built outside the timing, as the user holds them
  const X = input === "rows" ? fromFlat(matrix(data, shape)) : matrix(data, shape);
  const init = JSON.parse(readFileSync(initFile!, "utf8")) as GaussianMixtureInit;
  const times: number[] = [];
  let iterations = 0;
  let score = 0;
  for (let r = 0; r < Number(repeatsArg); r++) {
    const t0 = performance.now();
    const model = gaussianMixture(X, {
      k: init.weights.length,
      covarianceType: type as CovarianceType,
      init,
      maxIter: Number(maxIterArg),
      tol: 0,
    });
    times.push(performance.now() - t0);
    iterations = model.iterations;
    score = model.logLikelihood;
  }
  console.log(JSON.stringify({ times, peakMb: process.resourceUsage().maxRSS / 1024, iterations, score }));
}
