/**
 * Exact silhouette speed: ours vs sklearn.metrics.silhouette_score at 20,000 × 4, k = 5 (labels from our k-means),
 * on the same seeded blob data, each in its own process. Last stdout line: JSON rows.
 *   node --import tsx bench/silhouette.bench.ts
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { kmeansFlat } from "../src/cluster/kmeans";
import { benchData, median, readFloat64 } from "./core-data";
import { runReference, type ReferenceOutput } from "./reference";

const ROOT = join(__dirname, "..");
const N = 20_000;
const D = 4;
const REPEATS = 3;

const dataFile = benchData("blobs", N, D, 1);
const X = { data: readFloat64(dataFile), nSamples: N, nFeatures: D };
const { labels } = kmeansFlat(X, {
  k: 5,
  init: "k-means++",
  nInit: 1,
  maxIter: 300,
  tol: 1e-4,
  seed: 0,
  onIteration: undefined,
});
const labelsFile = dataFile.replace(/\.bin$/, ".labels-k5.bin");
writeFileSync(labelsFile, Buffer.from(Int32Array.from(labels).buffer));

function runChild(cmd: string, args: string[]): { times: number[]; peakMb: number; score: number; blas?: string } {
  const out = execFileSync(cmd, args, { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!);
}
const bench = `silhouette ${N}x${D} k=5`;
const results = {
  ours: runChild("node", [
    "--import",
    "tsx",
    "bench/silhouette-child.ts",
    dataFile,
    labelsFile,
    String(D),
    String(REPEATS),
  ]),
  sklearn: runReference<{ times: number[]; peakMb: number; score: number } & ReferenceOutput>("sklearn_core.py", [
    "silhouette",
    dataFile,
    labelsFile,
    String(D),
    String(REPEATS),
  ]),
};
const rows = Object.entries(results).map(([impl, r]) => {
  const note = `score ${r.score.toPrecision(12)}${impl === "sklearn" ? ", BLAS/OpenMP on 2 cores" : ", 1 thread, each pair once"}`;
  console.error(
    `${bench.padEnd(28)} ${impl.padEnd(8)} ${median(r.times).toFixed(1).padStart(9)} ms ${r.peakMb.toFixed(0).padStart(6)} MB  ${note}`,
  );
  return { bench, impl, medianMs: median(r.times), peakMb: r.peakMb, note, blas: r.blas };
});
console.log(JSON.stringify(rows));
