/**
 * Initial centres for k-means, as scikit-learn chooses them: greedy k-means++ (`_kmeans_plusplus`) or k distinct
 * random rows. Internal: inputs are assumed validated (1 <= k <= nSamples).
 */
import type { FlatMatrix } from "../core/matrix";
import { randomInt, sampleIndices, type RandomSource } from "../core/random";

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
 * @returns k × d centres, row-major.
 */
export function kmeansPlusPlus(X: FlatMatrix, k: number, random: RandomSource): Float64Array {
  const { data, nSamples: n, nFeatures: d } = X;
  const centres = new Float64Array(k * d);
  const nLocalTrials = 2 + Math.floor(Math.log(k));

  const first = randomInt(random, n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  let closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = squaredDistance(data, i, centres, 0, d);
    potential += closest[i]!;
  }

  const cumulative = new Float64Array(n);
  let trial = new Float64Array(n);
  let bestTrial = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    // Cumulative sum of the squared distances, searched like numpy's searchsorted (side 'left').
    let running = 0;
    for (let i = 0; i < n; i++) cumulative[i] = running += closest[i]!;
    let bestPotential = Infinity;
    let bestId = -1;
    for (let t = 0; t < nLocalTrials; t++) {
      const candidate = Math.min(searchSortedLeft(cumulative, random() * potential), n - 1);
      // Potential if this candidate were added: sum of min(closest, distance to candidate).
      let candidatePotential = 0;
      for (let i = 0; i < n; i++) {
        const dist = squaredDistance(data, i, data, candidate, d);
        const m = dist < closest[i]! ? dist : closest[i]!;
        trial[i] = m;
        candidatePotential += m;
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestId = candidate;
        [bestTrial, trial] = [trial, bestTrial];
      }
    }
    centres.set(data.subarray(bestId * d, bestId * d + d), c * d);
    [closest, bestTrial] = [bestTrial, closest];
    potential = bestPotential;
  }
  return centres;
}

/** k distinct rows drawn uniformly without replacement (scikit-learn's init="random"). */
export function randomRowsInit(X: FlatMatrix, k: number, random: RandomSource): Float64Array {
  const { data, nSamples: n, nFeatures: d } = X;
  const rows = sampleIndices(random, n, k);
  const centres = new Float64Array(k * d);
  for (let c = 0; c < k; c++) centres.set(data.subarray(rows[c]! * d, rows[c]! * d + d), c * d);
  return centres;
}

/** First index i with sorted[i] >= value (sorted.length if none). */
function searchSortedLeft(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
