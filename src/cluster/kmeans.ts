/**
 * k-means, hand-written rather than wrapping ml-kmeans: ml-kmeans 6 has no nInit (best of several starts) and no
 * inertia, its k-means++ is not scikit-learn's greedy variant, and it is 4-12× slower per iteration on 1e6 × 4
 * (bench/kmeans.bench.ts). This one follows scikit-learn's `KMeans(algorithm="lloyd")` step for step (greedy
 * k-means++, relative tol, empty-cluster relocation, final re-assignment) so results can be checked against it:
 * against a plain Lloyd, the same labels and iterations, centres and inertia within ~1e-15 relative (the cluster
 * sums are updated incrementally, kmeans-lloyd.ts).
 *
 * Speed: flat Float64Array storage; Hamerly's bounds skip most distance computations (kmeans-bounds.ts), stored
 * relative to the centres' total travel so that skipped rows are only read; the assignment pass is a WebAssembly
 * SIMD kernel (kmeans-wasm.ts; the JavaScript kernels generated per d, kmeans-kernel.ts, where WebAssembly is
 * missing) run on worker threads over one shared memory that holds the data, labels and bounds of every start of
 * the call (kmeans-engine.ts, kmeans-threads.ts); only the rows whose label changed move between the cluster sums
 * (recomputed from all rows every 10 iterations), in row order on one thread, so results do not depend on the
 * thread count or the kernel.
 * `npm run bench -- kmeans.bench` on the idle 2-core machine (medians), ours and scikit-learn (OpenMP, 2 threads) in
 * the same run, WebAssembly kernels / JavaScript kernels:
 *   per iteration, 1e6 × 4, k = 5, same start, tol 0: uniform 4.3 / 11.4 ms, scikit-learn 6.7 ms;
 *                                                     blobs 13.6 / 24.0 ms, scikit-learn 23.6 ms
 *   end to end from k-means++, 1e6 × 4, typed, median over seeds 0-4: uniform 159 / 391 ms, scikit-learn 296 ms;
 *                                                     blobs 65 / 154 ms, scikit-learn 196 ms
 *   peak memory: per iteration 229 MB vs scikit-learn 247 MB; end to end typed 237 MB, rows 334 MB, scikit-learn
 *   296 MB (before the WebAssembly kernels, under load: 312, 326 and 439 MB).
 * Float32 would be faster but breaks parity.
 * A typed matrix (`matrix(data, [n, d])`, like a numpy array) skips the number[][] → Float64Array copy.
 */
import { ArgumentError } from "../core/errors";
import {
  checkFlatMatrix,
  checkMatrix,
  fromFlat,
  isFlatMatrix,
  toFlat,
  type FlatMatrix,
  type Matrix,
  type MatrixInput,
} from "../core/matrix";
import { seededRandom } from "../core/random";
import { kmeansPlusPlus, randomRowsInit } from "./kmeans-init";
import { varianceKernel } from "./kmeans-kernel";
import { lloyd, type LloydResult } from "./kmeans-lloyd";
import { prepareFlat, prepareRows, type KMeansEngine, type PreparedData } from "./kmeans-engine";
import { assignThreads } from "./kmeans-threads";

/** How the initial centres are chosen. */
export type KMeansInit = "k-means++" | "random";

/** One Lloyd iteration, reported to `onIteration` (for teaching: animate how centres move). */
export interface KMeansIteration {
  /** 0-based index of the run among the nInit runs. */
  run: number;
  /** 1-based iteration within the run. */
  iteration: number;
  /** Labels assigned in this iteration, to `previousCentroids`. */
  labels: number[];
  /** Centres after this iteration's update (the means of `labels`' clusters). */
  centroids: Matrix;
  /** Centres the points were assigned to in this iteration (the initial centres for iteration 1). */
  previousCentroids: Matrix;
}

/** One finished run, reported to `onRun` (for progress: run + 1 of nRuns done). */
export interface KMeansRun {
  /** 0-based index of the run. */
  run: number;
  /** Runs in all: nInit, or 1 with explicit initial centres. */
  nRuns: number;
  /** Inertia of this run. */
  inertia: number;
}

export interface KMeansOptions {
  /** Number of clusters, an integer in [1, nSamples]. Required. */
  k: number;
  /**
   * "k-means++", "random" (k distinct rows), or explicit k × nFeatures initial centres (then every run starts
   * from them, so one run is made, as scikit-learn does with an array init). @default "k-means++"
   */
  init?: KMeansInit | Matrix;
  /** Runs from different initial centres; the one with the lowest inertia is kept. @default 10 */
  nInit?: number;
  /** Iteration cap per run. @default 300 */
  maxIter?: number;
  /** Relative tolerance: a run stops when the summed squared centre shift <= tol · mean feature variance. @default 1e-4 */
  tol?: number;
  /** Seed of the random generator shared by all runs. @default 0 */
  seed?: number;
  /** Called after every iteration of every run (see `KMeansIteration.run`); copies are made only when it is set. */
  onIteration?: (state: KMeansIteration) => void;
  /** Called after each run with its index and inertia (progress of a long fit); does not change the result. */
  onRun?: (state: KMeansRun) => void;
  /**
   * Threads for the assignment step (worker threads on shared memory; the results do not depend on it). Small
   * problems (nSamples · k < 250,000) always use one. @default the number of cores, at most 8
   */
  threads?: number;
}

export interface KMeansResult {
  /** nSamples cluster numbers in [0, k). */
  labels: number[];
  /** k × nFeatures cluster centres. */
  centroids: Matrix;
  /** Sum of squared distances from each point to its centre. */
  inertia: number;
  /** Iterations of the kept run. */
  iterations: number;
  /** Whether the kept run stopped before maxIter (unchanged labels or shift within tolerance). */
  converged: boolean;
}

/**
 * Partition rows into k clusters by Lloyd's k-means, best of `nInit` runs by inertia (scikit-learn semantics).
 *
 * @param X - nSamples × nFeatures finite numbers: rows (`number[][]`), or a typed matrix
 *   `{ data: Float64Array, nSamples, nFeatures }` (row-major, see `matrix`), copied once into the assignment pass's
 *   WebAssembly memory (rows are written straight into it), or read in place where WebAssembly is missing and one
 *   thread runs. Both give the same result.
 * @param options - `k` (required), `init`, `nInit`, `maxIter`, `tol`, `seed`, `onIteration`, `onRun`, `threads`.
 * @returns `{ labels, centroids, inertia, iterations, converged }`.
 * @throws {ArgumentError} on bad X, or k not an integer in [1, nSamples], or nInit/maxIter < 1, or tol < 0.
 * @example
 * kmeans([[0], [1], [10], [11]], { k: 2 }).inertia; // => 1   (centres 0.5 and 10.5, four squared distances 0.25)
 */
export function kmeans(X: MatrixInput, options: KMeansOptions): KMeansResult {
  if (isFlatMatrix(X)) {
    const { nSamples, nFeatures } = checkFlatMatrix(X, "kmeans");
    return kmeansFlat(X, checkKMeansOptions(options, nSamples, nFeatures));
  }
  const shape = checkMatrix(X, "kmeans");
  const opts = checkKMeansOptions(options, shape.nSamples, shape.nFeatures);
  const threads = assignThreads(opts.threads, shape.nSamples, opts.k);
  return kmeansPrepared(prepareRows(X, shape.nFeatures, opts.k, threads, "wasm"), opts);
}

/** Options with every default filled in. */
export type KMeansSettings = Required<Omit<KMeansOptions, "onIteration" | "onRun" | "threads">> &
  Pick<KMeansOptions, "onIteration" | "onRun" | "threads">;

/** Validate k-means options against the shape of X and fill in defaults. */
export function checkKMeansOptions(options: KMeansOptions, nSamples: number, nFeatures: number): KMeansSettings {
  const {
    k,
    init = "k-means++",
    nInit = 10,
    maxIter = 300,
    tol = 1e-4,
    seed = 0,
    onIteration,
    onRun,
    threads,
  } = options ?? {};
  if (!Number.isInteger(k) || k < 1) throw new ArgumentError(`kmeans: k=${k} must be an integer >= 1`);
  if (k > nSamples) throw new ArgumentError(`kmeans: nSamples=${nSamples} must be >= k=${k}`);
  if (Array.isArray(init)) {
    const shape = checkMatrix(init, "kmeans (init)");
    if (shape.nSamples !== k || shape.nFeatures !== nFeatures) {
      throw new ArgumentError(
        `kmeans: init centres are ${shape.nSamples}×${shape.nFeatures}, need k×nFeatures = ${k}×${nFeatures}`,
      );
    }
  } else if (init !== "k-means++" && init !== "random") {
    throw new ArgumentError(`kmeans: init=${String(init)} must be "k-means++", "random" or a k×nFeatures matrix`);
  }
  if (!Number.isInteger(nInit) || nInit < 1) throw new ArgumentError(`kmeans: nInit=${nInit} must be an integer >= 1`);
  if (!Number.isInteger(maxIter) || maxIter < 1) {
    throw new ArgumentError(`kmeans: maxIter=${maxIter} must be an integer >= 1`);
  }
  if (!(tol >= 0) || !Number.isFinite(tol)) throw new ArgumentError(`kmeans: tol=${tol} must be a finite number >= 0`);
  if (!Number.isFinite(seed)) throw new ArgumentError(`kmeans: seed=${seed} must be a finite number`);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) {
    throw new ArgumentError(`kmeans: threads=${threads} must be an integer >= 1`);
  }
  return { k, init, nInit, maxIter, tol, seed, onIteration, onRun, threads };
}

/**
 * k-means on flat storage. X is copied once: into the WebAssembly memory of the assignment passes, or (JavaScript
 * kernel) into shared memory for the worker threads unless `X.data` spans a whole SharedArrayBuffer; the JavaScript
 * kernel on one thread reads it in place. Assumes validated X and settings (see `checkKMeansOptions`).
 * @param engine - internal: the assignment kernel (see `KMeansEngine`); the results do not depend on it.
 */
export function kmeansFlat(flat: FlatMatrix, settings: KMeansSettings, engine: KMeansEngine = {}): KMeansResult {
  const { kernel = "wasm" } = engine;
  const threads = assignThreads(settings.threads, flat.nSamples, settings.k);
  return kmeansPrepared(prepareFlat(flat, settings.k, threads, kernel), settings);
}

/** The runs of one k-means call on prepared data; closes the team. */
function kmeansPrepared({ X, team }: PreparedData, settings: KMeansSettings): KMeansResult {
  const { k, init, nInit, maxIter, tol, seed, onIteration, onRun } = settings;
  const random = seededRandom(seed);
  const tolerance = tol * meanColumnVariance(X);
  let best: LloydResult | undefined;
  const explicit = Array.isArray(init) ? toFlat(init).data : undefined;
  const runs = explicit ? 1 : nInit;
  try {
    for (let run = 0; run < runs; run++) {
      const initial = explicit ?? (init === "random" ? randomRowsInit(X, k, random) : kmeansPlusPlus(X, k, random));
      const observe = onIteration
        ? (iteration: number, labels: Int32Array, centres: Float64Array, previous: Float64Array) =>
            onIteration({
              run,
              iteration,
              labels: Array.from(labels),
              centroids: toRows(centres, k),
              previousCentroids: toRows(previous, k),
            })
        : undefined;
      const result = lloyd(X, initial, maxIter, tolerance, observe, team);
      if (best === undefined || result.inertia < best.inertia) best = result;
      onRun?.({ run, nRuns: runs, inertia: result.inertia });
    }
  } finally {
    team?.close();
  }
  return {
    labels: toNumbers(best!.labels),
    centroids: toRows(best!.centres, k),
    inertia: best!.inertia,
    iterations: best!.iterations,
    converged: best!.converged,
  };
}

/** Mean over columns of the population variance (scikit-learn's `_tolerance` scale). */
function meanColumnVariance({ data, nSamples: n, nFeatures: d }: FlatMatrix): number {
  return varianceKernel(d)(data, n);
}

/** A plain array copy (a filled array and a loop: several times faster than Array.from on a typed array). */
function toNumbers(values: Int32Array): number[] {
  const out = new Array<number>(values.length).fill(0);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}

function toRows(centres: Float64Array, k: number): Matrix {
  return fromFlat({ data: centres, nSamples: k, nFeatures: centres.length / k });
}
