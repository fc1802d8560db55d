import { ArgumentError } from "../core/errors";

/**
 * How equal values at a bin edge are scored.
 * - `"min"` (the default): as `"first"`, then every run of equal values gets the LOWEST score of its run
 *   (the score of its first member in value order), so equal values always score the same and
 *   a customer's score never depends on its row order. Bins are then no longer of equal size: on the
 *   Online Retail sample the 1,431 one-time buyers all get F = 1 instead of filling F = 1, 2 and part of 3.
 * - `"first"`: SQL `NTILE(bins) OVER (ORDER BY value, position)`: bins of equal size (sizes differ by at
 *   most one, the larger first); equal values straddling an edge are split by their position in the input
 *   (for the RFM table: CustomerID order). The same as pandas `qcut(rank(method="first"), 5)` up to the
 *   placement of the larger bins. The common rule of RFM tutorials, kept for comparison: it gives equal
 *   customers different scores by their ID order alone.
 */
export type QuintileTies = "first" | "min";

export interface QuantileScoreOptions {
  /** Number of bins (5 for quintiles). @default 5 */
  bins?: number;
  /** Score 1 for the LARGEST values instead of the smallest (recency: fewer days since the last purchase scores higher). @default false */
  invert?: boolean;
  /** How equal values at a bin edge are scored; see {@link QuintileTies}. @default "min" */
  ties?: QuintileTies;
}

const defaults: Required<QuantileScoreOptions> = { bins: 5, invert: false, ties: "min" };

/**
 * Quantile scores 1..bins of `values` (quintiles by default): the smallest values score 1, the largest
 * `bins` (reversed when `invert`).
 *
 * @param values - n finite numbers.
 * @param options - `bins`, `invert`, `ties`; see {@link QuantileScoreOptions}.
 * @returns n integer scores in [1, bins], in input order.
 * @throws {ArgumentError} when bins is not a positive integer or a value is not finite.
 * @example
 * quantileScores([10, 20, 30, 40, 50, 60, 70]); // => [1, 1, 2, 2, 3, 4, 5]
 * // NTILE(5) of 7 rows: sizes 2, 2, 1, 1, 1
 * quantileScores([10, 20, 30, 40, 50, 60, 70], { invert: true }); // => [5, 4, 3, 2, 2, 1, 1]
 * quantileScores([1, 1, 1, 1, 2, 2, 3, 4, 5, 6]); // => [1, 1, 1, 1, 3, 3, 4, 4, 5, 5] (ties kept together)
 * quantileScores([1, 1, 1, 1, 2, 2, 3, 4, 5, 6], { ties: "first" }); // => [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
 */
export function quantileScores(values: readonly number[], options: QuantileScoreOptions = {}): number[] {
  const opts = { ...defaults, ...options };
  if (!Number.isInteger(opts.bins) || opts.bins < 1)
    throw new ArgumentError(`quantileScores: bins=${opts.bins} must be a positive integer`);
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new ArgumentError(`quantileScores: values[${i}]=${v} is not a finite number`);
  });
  return ntileScores(values, opts);
}

/** NTILE scores of validated input (see {@link quantileScores}). */
function ntileScores(values: readonly number[], opts: Required<QuantileScoreOptions>): number[] {
  const n = values.length;
  const direction = opts.invert ? -1 : 1;
  // Order by value (descending when inverted: the largest value scores 1), then by input position.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => direction * (values[a]! - values[b]!) || a - b);
  const scores = new Array<number>(n);
  order.forEach((row, position) => (scores[row] = ntileOf(position, n, opts.bins)));
  if (opts.ties === "min") {
    // Runs of equal values are contiguous in `order`; give each run the score of its first member.
    for (let p = 1; p < n; p++) {
      if (values[order[p]!] === values[order[p - 1]!]) scores[order[p]!] = scores[order[p - 1]!]!;
    }
  } else if (opts.ties !== "first") {
    const unreachable: never = opts.ties;
    throw new ArgumentError(`quantileScores: ties=${String(unreachable)} must be "first" or "min"`);
  }
  return scores;
}

/**
 * The 1-based NTILE bucket of the row at 0-based `position` among `n` rows and `bins` buckets: the first
 * `n mod bins` buckets hold `floor(n / bins) + 1` rows, the others `floor(n / bins)`.
 */
function ntileOf(position: number, n: number, bins: number): number {
  const small = Math.floor(n / bins);
  const nLarge = n % bins;
  const inLarge = nLarge * (small + 1);
  if (position < inLarge) return Math.floor(position / (small + 1)) + 1;
  return nLarge + Math.floor((position - inLarge) / small) + 1;
}

/** One customer's R, F and M scores, each 1..5 (5 = best: most recent, most frequent, most spent). */
export interface RfmScore {
  R: number;
  F: number;
  M: number;
}

/**
 * Classic RFM quintile scores: R from recency_days (inverted: fewer days = 5), F from frequency, M from
 * monetary, each by {@link quantileScores} with the same `ties` rule.
 *
 * @param customers - rows with recency_days, frequency, monetary (their order breaks ties with `"first"`).
 * @param options - `ties`: `"min"` (default: equal values score the same) or `"first"` (equal values at an
 *   edge split by row order). @default { ties: "min" }
 * @returns one {@link RfmScore} per customer, in input order.
 */
export function rfmScores(
  customers: readonly { recency_days: number; frequency: number; monetary: number }[],
  options: { ties?: QuintileTies } = {},
): RfmScore[] {
  const ties = options.ties ?? defaults.ties;
  const R = quantileScores(
    customers.map((c) => c.recency_days),
    { invert: true, ties },
  );
  const F = quantileScores(
    customers.map((c) => c.frequency),
    { ties },
  );
  const M = quantileScores(
    customers.map((c) => c.monetary),
    { ties },
  );
  return customers.map((_, i) => ({ R: R[i]!, F: F[i]!, M: M[i]! }));
}
