/**
 * One implementation's k-means timings in its own process (so its peak memory is its own):
 *   node --import tsx bench/kmeans-child.ts <ours|ml-kmeans> <data.bin> <init.bin> <d> <maxIter> <repeats>
 *   node --import tsx bench/kmeans-child.ts <ours-e2e|ours-e2e-typed|ours-init> <data.bin> <k> <d> <seed> <repeats>
 * The first form runs Lloyd from the given centres with tol = 0; `ours-e2e` runs the public `kmeans` on number[][]
 * rows from k-means++ (one start, default tolerance), as a user calls it, and `ours-e2e-typed` the same on a typed
 * matrix (an ordinary Float64Array, as numpy hands scikit-learn); `ours-init` times k-means++ alone as a k-means
 * call runs it: on the Float64Array written into the call's WebAssembly memory (`prepareFlat`, untimed, as the call
 * does before its first start), so its passes are the WebAssembly ones. `ours-js`, `ours-e2e-typed-js` and
 * `ours-init-js` are `ours`, `ours-e2e-typed` and `ours-init` with the JavaScript kernels instead of the default
 * WebAssembly ones (`ours-e2e-typed-js` through `kmeansFlat`, as `kmeans` calls it, without the typed matrix's
 * finiteness check; `ours-init-js` on the Float64Array itself). Prints one JSON line: { times, peakMb, iterations, inertia }.
 */
import { kmeans as mlKmeans } from "ml-kmeans";
import { checkKMeansOptions, kmeans, kmeansFlat } from "../src/cluster/kmeans";
import { prepareFlat } from "../src/cluster/kmeans-engine";
import { kmeansPlusPlus } from "../src/cluster/kmeans-init";
import { fromFlat, matrix } from "../src/core/matrix";
import { seededRandom } from "../src/core/random";
import { readFloat64 } from "./core-data";

const [implArg, dataFile, aux, dArg, fifth, repeatsArg] = process.argv.slice(2);
const kernel = implArg!.endsWith("-js") ? "js" : "wasm";
const impl = implArg!.replace(/-js$/, "");
const d = Number(dArg);
const repeats = Number(repeatsArg);
const data = readFloat64(dataFile!);
const n = data.length / d;

const times: number[] = [];
let iterations = 0;
let inertia = 0;
if (impl === "ours-e2e" || impl === "ours-e2e-typed") {
  // built outside the timing, as the user holds them
  const X = impl === "ours-e2e" ? fromFlat({ data, nSamples: n, nFeatures: d }) : matrix(data, [n, d]);
  const [k, firstSeed] = [Number(aux), Number(fifth)];
  const perSeed: number[] = [];
  // one fit per seed: the two libraries draw different starts, so one seed's luck would decide the comparison
  for (let r = 0; r < repeats; r++) {
    const seed = firstSeed + r;
    const t0 = performance.now();
    const result =
      kernel === "js" && "data" in X
        ? kmeansFlat(X, checkKMeansOptions({ k, seed, nInit: 1 }, n, d), { kernel })
        : kmeans(X, { k, seed, nInit: 1 });
    times.push(performance.now() - t0);
    perSeed.push(result.iterations);
    if (r === 0) inertia = result.inertia;
  }
  iterations = perSeed.sort((a, b) => a - b)[Math.floor(repeats / 2)]!;
} else if (impl === "ours-init") {
  const [k, seed] = [Number(aux), Number(fifth)];
  const { X, team } = prepareFlat(matrix(data, [n, d]), k, 1, kernel);
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    kmeansPlusPlus(X, k, seededRandom(seed));
    times.push(performance.now() - t0);
  }
  team?.close();
} else {
  const maxIter = Number(fifth);
  const initData = readFloat64(aux!);
  const init = fromFlat({ data: initData, nSamples: initData.length / d, nFeatures: d });
  const k = init.length;
  if (impl === "ours") {
    const X = { data, nSamples: n, nFeatures: d };
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      const settings = { k, init, nInit: 1, maxIter, tol: 0, seed: 0, onIteration: undefined };
      const result = kmeansFlat(X, settings, { kernel });
      times.push(performance.now() - t0);
      ({ iterations, inertia } = result);
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
}
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ times, peakMb, iterations, inertia }));
