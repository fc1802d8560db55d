import { ArgumentError } from "../core/errors";
import { checkLabels, checkMatrix, type Labels, type Matrix } from "../core/matrix";
import { quantileSorted } from "../core/quantile";
import { bootstrapIndices, seededRandom } from "../core/random";

/** Options of {@link bootstrapSegments}. */
export interface BootstrapSegmentsOptions {
  /** Number of bootstrap resamples. @default 1000 */
  resamples?: number;
  /** Coverage of the percentile intervals, in (0, 1). @default 0.95 */
  confidence?: number;
  /** Seed of the resampling. @default 0 */
  seed?: number;
}

/** A point estimate with its bootstrap percentile interval. */
export interface BootstrapInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/** One segment's share of the customers and the mean of each feature, each with its interval. */
export interface SegmentIntervals {
  segment: number;
  /** Share of the customers in this segment (0..1). */
  share: BootstrapInterval;
  /** Mean of each feature, in column order. */
  means: BootstrapInterval[];
}

const defaults: Required<BootstrapSegmentsOptions> = { resamples: 1000, confidence: 0.95, seed: 0 };

/**
 * Bootstrap percentile intervals for each segment's share and feature means: how much would the profile
 * move on another sample of customers from the same population? Each resample draws nSamples customers
 * with replacement (keeping each customer's segment), recomputes the shares and means, and the interval
 * is the central `confidence` part of the resampled values (numpy's linear quantiles). A 0/1 column gives
 * the share of a category within each segment (e.g. the share of men). The segments are taken as fixed;
 * the uncertainty of the clustering itself is what `stability` measures.
 * Written here because no maintained JavaScript library offers a seeded bootstrap of grouped means.
 *
 * @param X - nSamples × nFeatures, in original units.
 * @param labels - nSamples segment numbers (>= 0).
 * @param options - `resamples` (1000), `confidence` (0.95), `seed` (0).
 * @returns one {@link SegmentIntervals} per segment, by segment number; a segment absent from a resample
 *   counts as share 0 and adds no mean for that resample.
 * @throws {ArgumentError} on a bad X or labels, a negative label, resamples < 1 or confidence outside (0, 1).
 * @example
 * const [s0] = bootstrapSegments([[1], [2], [3], [10]], [0, 0, 0, 1], { seed: 1 });
 * s0.share.estimate; // => 0.75
 * s0.means[0].estimate; // => 2
 */
export function bootstrapSegments(
  X: Matrix,
  labels: Labels,
  options: BootstrapSegmentsOptions = {},
): SegmentIntervals[] {
  const fn = "bootstrapSegments";
  const opts = { ...defaults, ...options };
  const { nSamples } = checkMatrix(X, fn);
  checkLabels(labels, nSamples, fn);
  for (let i = 0; i < nSamples; i++) {
    if (labels[i]! < 0)
      throw new ArgumentError(`${fn}: labels[${i}]=${labels[i]} must be >= 0 (drop noise rows first)`);
  }
  if (!Number.isInteger(opts.resamples) || opts.resamples < 1) {
    throw new ArgumentError(`${fn}: resamples=${opts.resamples} must be a positive integer`);
  }
  if (!(opts.confidence > 0 && opts.confidence < 1))
    throw new ArgumentError(`${fn}: confidence=${opts.confidence} must be in (0, 1)`);
  return bootstrapValidated(X, labels, opts);
}

/** Shares and means of each segment over the rows `rows` (all rows when omitted); NaN means for an empty segment. */
function shareAndMeans(
  X: Matrix,
  labels: Labels,
  k: number,
  rows: ArrayLike<number>,
): { share: number[]; means: number[][] } {
  const nFeatures = X[0]!.length;
  const count = new Array<number>(k).fill(0);
  const sums = Array.from({ length: k }, () => new Array<number>(nFeatures).fill(0));
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const s = labels[i]!;
    count[s]! += 1;
    for (let j = 0; j < nFeatures; j++) sums[s]![j]! += X[i]![j]!;
  }
  return { share: count.map((c) => c / rows.length), means: sums.map((row, s) => row.map((v) => v / count[s]!)) };
}

/** {@link bootstrapSegments} on validated input. */
function bootstrapValidated(X: Matrix, labels: Labels, opts: Required<BootstrapSegmentsOptions>): SegmentIntervals[] {
  const n = X.length;
  const nFeatures = X[0]!.length;
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, labels[i]! + 1);
  const all = Array.from({ length: n }, (_, i) => i);
  const observed = shareAndMeans(X, labels, k, all);
  const random = seededRandom(opts.seed);
  const shares = Array.from({ length: k }, () => [] as number[]);
  const means = Array.from({ length: k }, () => Array.from({ length: nFeatures }, () => [] as number[]));
  for (let b = 0; b < opts.resamples; b++) {
    const draw = shareAndMeans(X, labels, k, bootstrapIndices(random, n));
    for (let s = 0; s < k; s++) {
      shares[s]!.push(draw.share[s]!);
      if (draw.share[s]! > 0) draw.means[s]!.forEach((v, j) => means[s]![j]!.push(v));
    }
  }
  const tail = (1 - opts.confidence) / 2;
  const interval = (estimate: number, values: number[]): BootstrapInterval => {
    const sorted = values.sort((a, b) => a - b);
    if (sorted.length === 0) return { estimate, lower: NaN, upper: NaN };
    return { estimate, lower: quantileSorted(sorted, tail), upper: quantileSorted(sorted, 1 - tail) };
  };
  return Array.from({ length: k }, (_, s) => ({
    segment: s,
    share: interval(observed.share[s]!, shares[s]!),
    means: observed.means[s]!.map((m, j) => interval(m, means[s]![j]!)),
  }));
}
