/**
 * Initial centres for k-means, as scikit-learn chooses them: greedy k-means++ (`_kmeans_plusplus`) or k distinct
 * random rows. Internal: inputs are assumed validated (1 <= k <= nSamples).
 */
import type { FlatMatrix } from "../core/matrix";
import { randomInt, sampleIndices, type RandomSource } from "../core/random";
import { jsPlusPlusPasses, type PlusPlusPasses } from "./kmeans-plusplus-kernel";
import { localTrials, wasmPlusPlusPasses } from "./kmeans-plusplus-wasm";
import { wasmHolding } from "./kmeans-wasm";

/** Squared Euclidean distance between row `a` of `A` and row `b` of `B`, both with `d` features. */
export function squaredDistance(A: Float64Array, a: number, B: Float64Array, b: number, d: number): number {
  let sum = 0;
  const oa = a * d;
  const ob = b * d;
  for (let f = 0; f < d; f++) {
    const diff = A[oa + f]! - B[ob + f]!;
    sum += diff * diff;
  }
  return sum;
}

/**
 * Greedy k-means++: the first centre is a uniformly drawn row; each next centre is the best, by the resulting
 * potential (sum of squared distances to the closest centre), of `2 + ⌊ln k⌋` candidates drawn with probability
 * proportional to the squared distance to the closest centre so far.
 *
 * Two passes over X per centre and one array of n closest distances, the only storage that grows with n
 * (scikit-learn's `_kmeans_plusplus` keeps a trials × n distance matrix and a cumulative sum): one pass lowers the
 * closest distances by the last chosen centre and walks their running sum to the (sorted) random targets, which is
 * numpy's `searchsorted` on the cumulative sum without storing it; the other sums, for every candidate at once,
 * the potential it would leave (kmeans-plusplus-kernel.ts). Sums run in row order and the random draws come in the
 * same order, so the choices are bit-identical to the plain algorithm's (a cumulative sum array and one pass per
 * candidate), which this replaces: on 1e6 × 4, k = 5, 118-123 ms → 87-89 ms and a process peak of 200 → 145 MB
 * (medians of 7, each in its own process, other jobs loading the machine), measured with string-compiled passes
 * that the readable ones of kmeans-plusplus-kernel.ts replaced at about 9% more CPU time. scikit-learn's
 * `kmeans_plusplus` is timed beside ours in bench/kmeans.bench.ts ("kmeans++ init").
 * When X's data is the very view a k-means call wrote into its WebAssembly memory (kmeans-engine.ts), the passes
 * run as the SIMD kernels on that memory (kmeans-plusplus-wasm.ts), with the same bits: on 1e6 × 4, k = 5, CPU time
 * 86-99 → 26 ms (medians of 9 in one process, a CI run loading the machine).
 *
 * @param X - nSamples × nFeatures, validated, nSamples >= k.
 * @returns k × d centres, row-major.
 */
export function kmeansPlusPlus(X: FlatMatrix, k: number, random: RandomSource): Float64Array {
  const { data, nSamples: n, nFeatures: d } = X;
  const wasm = wasmHolding(data);
  const passes = wasm && wasm.n === n && wasm.d === d && wasm.k === k ? wasmPlusPlusPasses(wasm) : undefined;
  try {
    return greedyPlusPlus(X, k, random, passes ?? jsPlusPlusPasses(data, n, d));
  } finally {
    passes?.done();
  }
}

/** `kmeansPlusPlus` with the given passes over X's rows. */
function greedyPlusPlus(X: FlatMatrix, k: number, random: RandomSource, passes: PlusPlusPasses): Float64Array {
  const { data, nSamples: n, nFeatures: d } = X;
  const centres = new Float64Array(k * d);
  const nLocalTrials = localTrials(k);
  const targets = new Float64Array(nLocalTrials);
  const order = new Int32Array(nLocalTrials);
  const sortedTargets = new Float64Array(nLocalTrials);
  const found = new Int32Array(nLocalTrials);
  const candidates = new Int32Array(nLocalTrials);
  const candidateRows = new Float64Array(nLocalTrials * d);
  const potentials = new Float64Array(nLocalTrials);

  const first = randomInt(random, n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  // squared distances to the first centre, and their sum
  let potential = passes.lower(centres.subarray(0, d), targets.subarray(0, 0), found);
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < nLocalTrials; t++) targets[t] = random() * potential;
    // walk the targets in ascending order; from c = 2 the centre chosen last lowers the closest distances on the way
    order.set(Array.from(targets.keys()).sort((a, b) => targets[a]! - targets[b]!));
    for (let t = 0; t < nLocalTrials; t++) sortedTargets[t] = targets[order[t]!]!;
    if (c === 1) searchCumulative(passes.closest, sortedTargets, found);
    else passes.lower(centres.subarray((c - 1) * d, c * d), sortedTargets, found);
    // searchsorted clipped to n - 1: a target beyond the total (rounding) takes the last row
    for (let t = 0; t < nLocalTrials; t++) candidates[order[t]!] = found[t]! < 0 ? n - 1 : found[t]!;
    for (let t = 0; t < nLocalTrials; t++) {
      candidateRows.set(data.subarray(candidates[t]! * d, candidates[t]! * d + d), t * d);
    }
    passes.potentials(candidateRows, potentials);
    let best = 0;
    for (let t = 1; t < nLocalTrials; t++) if (potentials[t]! < potentials[best]!) best = t;
    centres.set(candidateRows.subarray(best * d, best * d + d), c * d);
    potential = potentials[best]!;
  }
  return centres;
}

/**
 * found[t] = the first i with weights[0] + … + weights[i] >= targets[t] (ascending), -1 if none: numpy's
 * `searchsorted(cumsum(weights), targets, side="left")` without storing the sum.
 */
function searchCumulative(weights: Float64Array, targets: Float64Array, found: Int32Array): void {
  found.fill(-1);
  let next = 0;
  let running = 0;
  for (let i = 0; i < weights.length && next < targets.length; i++) {
    running += weights[i]!;
    while (next < targets.length && running >= targets[next]!) found[next++] = i;
  }
}

/** k distinct rows drawn uniformly without replacement (scikit-learn's init="random"). */
export function randomRowsInit(X: FlatMatrix, k: number, random: RandomSource): Float64Array {
  const { data, nSamples: n, nFeatures: d } = X;
  const rows = sampleIndices(random, n, k);
  const centres = new Float64Array(k * d);
  for (let c = 0; c < k; c++) centres.set(data.subarray(rows[c]! * d, rows[c]! * d + d), c * d);
  return centres;
}
