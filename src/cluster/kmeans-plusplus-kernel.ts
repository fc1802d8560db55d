/**
 * The two passes of k-means++ (kmeans-init.ts) over the rows: lower the closest distances by a new centre while
 * walking their running sum to the random targets, and sum for each candidate the potential it would leave.
 * These are the generic loops; src/cluster/kernels/ holds them generated per d = 1 … 8 with the row in locals and
 * the feature loop unrolled (scripts/generate-kmeans-kernels.mjs), which kmeans-init.ts takes when there is one.
 *
 * Every squared distance is summed in feature order and every potential in row order, as a plain loop from 0 does,
 * so the generated and generic kernels give bit-identical results. Kernels compiled at run time from strings for each
 * (d, number of candidates), with the candidates and their potentials in locals, were faster: CPU time of k-means++
 * on 1e6 × 4, k = 5, 82 ms against 90 ms here (d = 9, generic loops: 177 against 235 ms). k-means++ is about a
 * tenth of a k-means run, so code that tsc checks and a debugger steps into was preferred. Internal: inputs are
 * assumed validated.
 */
import { SPECIALISED } from "./kernels";

/**
 * closest[i] = min(closest[i], |row i − centre|²) for every row of `data` (n × d, n = closest.length), and
 * meanwhile the running sum of closest walked to the targets (ascending): found[t] is the first row whose cumulative
 * sum is >= targets[t], -1 if none. Returns the sum of the new closest distances (the potential).
 */
export type ClosestKernel = (
  data: Float64Array,
  closest: Float64Array,
  centre: Float64Array,
  targets: Float64Array,
  found: Int32Array,
) => number;

/**
 * potentials[t] = Σᵢ min(closest[i], |row i − candidate t|²), candidate t being row t of `candidates`
 * (potentials.length × d).
 */
export type PotentialKernel = (
  data: Float64Array,
  closest: Float64Array,
  candidates: Float64Array,
  potentials: Float64Array,
) => void;

/** The closest-distance pass for d features: generated for d <= 8, else the generic loop. */
export function closestKernel(d: number): ClosestKernel {
  return SPECIALISED[d]?.closest ?? closestRows(d);
}

/** The candidates' potential pass for d features: generated for d <= 8, else the generic loop. */
export function potentialKernel(d: number): PotentialKernel {
  return SPECIALISED[d]?.potentials ?? potentialRows(d);
}

/** The generic `ClosestKernel` for d features. */
export function closestRows(d: number): ClosestKernel {
  return (data, closest, centre, targets, found) => {
    const n = closest.length;
    found.fill(-1);
    let next = 0;
    let running = 0;
    for (let i = 0, o = 0; i < n; i++, o += d) {
      let s = 0;
      for (let f = 0; f < d; f++) {
        const e = data[o + f]! - centre[f]!;
        s += e * e;
      }
      // biome-ignore lint/complexity/useMathMinMax: Math.min is slower in this loop, and neither value is NaN
      const own = s < closest[i]! ? s : closest[i]!;
      closest[i] = own;
      running += own;
      while (next < targets.length && running >= targets[next]!) found[next++] = i;
    }
    return running;
  };
}

/** The generic `PotentialKernel` for d features. */
export function potentialRows(d: number): PotentialKernel {
  return (data, closest, candidates, potentials) => {
    const n = closest.length;
    const trials = potentials.length;
    potentials.fill(0);
    for (let i = 0, o = 0; i < n; i++, o += d) {
      const own = closest[i]!;
      for (let t = 0, p = 0; t < trials; t++, p += d) {
        let s = 0;
        for (let f = 0; f < d; f++) {
          const e = data[o + f]! - candidates[p + f]!;
          s += e * e;
        }
        // biome-ignore lint/complexity/useMathMinMax: as above
        potentials[t]! += s < own ? s : own;
      }
    }
  };
}

/**
 * Both passes over the n × d rows of one data set and the n closest distances they keep (Infinity before the first
 * centre): the JavaScript kernels above (`jsPlusPlusPasses`) or the WebAssembly ones on a k-means call's memory
 * (kmeans-plusplus-wasm.ts), which give the same bits.
 */
export interface PlusPlusPasses {
  /** closest[i]: the squared distance from row i to its closest centre so far. */
  readonly closest: Float64Array;
  /** `ClosestKernel` on these rows and `closest`, with at most `2 + ⌊ln k⌋` targets. */
  lower(centre: Float64Array, targets: Float64Array, found: Int32Array): number;
  /** `PotentialKernel` on these rows and `closest`. */
  potentials(candidates: Float64Array, potentials: Float64Array): void;
  /** Called once the centres are chosen: nothing uses the passes afterwards. */
  done(): void;
}

/** The JavaScript passes over `data` (n × d). */
export function jsPlusPlusPasses(data: Float64Array, n: number, d: number): PlusPlusPasses {
  const lowerAndSearch = closestKernel(d);
  const sumPotentials = potentialKernel(d);
  const closest = new Float64Array(n).fill(Infinity);
  return {
    closest,
    lower: (centre, targets, found) => lowerAndSearch(data, closest, centre, targets, found),
    potentials: (candidates, potentials) => sumPotentials(data, closest, candidates, potentials),
    done: () => {},
  };
}
