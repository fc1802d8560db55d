/**
 * One implementation's k-means timings in its own process (so its peak memory is its own):
 *   node --import tsx bench/kmeans-child.ts <ours|ml-kmeans> <data.bin> <init.bin> <d> <maxIter> <repeats>
 * Prints one JSON line: { times, peakMb, iterations, inertia }.
 */
import { kmeans as mlKmeans } from "ml-kmeans";
import { kmeansFlat } from "../src/cluster/kmeans";
import { fromFlat } from "../src/core/matrix";
import { readFloat64 } from "./core-data";

const [impl, dataFile, initFile, dArg, maxIterArg, repeatsArg] = process.argv.slice(2);
const d = Number(dArg);
const maxIter = Number(maxIterArg);
const repeats = Number(repeatsArg);
const data = readFloat64(dataFile!);
const n = data.length / d;
const init = fromFlat({ data: readFloat64(initFile!), nSamples: readFloat64(initFile!).length / d, nFeatures: d });
const k = init.length;

const times: number[] = [];
let iterations = 0;
let inertia = 0;
if (impl === "ours") {
  const X = { data, nSamples: n, nFeatures: d };
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const result = kmeansFlat(X, { k, init, nInit: 1, maxIter, tol: 0, seed: 0, onIteration: undefined });
    times.push(performance.now() - t0);
    iterations = result.iterations;
    inertia = result.inertia;
  }
} else if (impl === "ml-kmeans") {
  const rows = fromFlat({ data, nSamples: n, nFeatures: d });
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const result = mlKmeans(rows, k, { initialization: init, maxIterations: maxIter, tolerance: 0 });
    times.push(performance.now() - t0);
    iterations = result.iterations;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      const c = result.centroids[result.clusters[i]!]!;
      for (let f = 0; f < d; f++) inertia += (rows[i]![f]! - c[f]!) ** 2;
    }
  }
} else {
  throw new Error(`unknown impl ${impl}`);
}
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ times, peakMb, iterations, inertia }));
