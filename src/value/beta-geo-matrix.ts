/**
 * The frequency × recency matrix of a fitted BG/NBD model (as `lifetimes`' plot_frequency_recency_matrix
 * and plot_probability_alive_matrix): for a customer observed for T time units, the expected purchases in
 * the next t, or the probability of being alive, at each (frequency, recency).
 */
import { ArgumentError } from "../core/errors";
import { checkNonNegative, checkPositive } from "./check-inputs";
import type { BetaGeoParams } from "./beta-geo-likelihood";
import { expectedPurchases } from "./beta-geo-predict";

export type BetaGeoMatrixMetric = "expectedPurchases" | "probabilityAlive";

export interface BetaGeoMatrixOptions {
  /** What each cell holds. @default "expectedPurchases" */
  metric?: BetaGeoMatrixMetric;
  /** Largest frequency (columns 0…maxFrequency). @default 20 */
  maxFrequency?: number;
  /** Observation length T of every cell; recency runs 0…T. @default 365 */
  T?: number;
  /** Rows: recency 0, step, 2·step … up to T. @default T / 30 rounded up to an integer (about 30 rows) */
  recencyStep?: number;
  /** Horizon of the expected purchases. @default 30 */
  t?: number;
}

export interface BetaGeoMatrix {
  metric: BetaGeoMatrixMetric;
  /** Column values (maxFrequency + 1). */
  frequencies: number[];
  /** Row values, recency ascending. */
  recencies: number[];
  /** values[row][column]: recencies.length × frequencies.length. */
  values: number[][];
  T: number;
  t: number;
}

/**
 * Expected purchases in the next t, or P(alive), over a grid of frequency × recency at a fixed T.
 *
 * @param params - fitted BG/NBD parameters (alpha in the unit of T).
 * @param options - see {@link BetaGeoMatrixOptions}.
 * @returns the grid and its values (rows = recency, columns = frequency). At frequency 0 the model ignores
 *   recency: the column is constant.
 * @throws {ArgumentError} for bad parameters, maxFrequency not a non-negative integer, T <= 0 or a step <= 0.
 * @example
 * betaGeoMatrix(cdnowParams, { metric: "probabilityAlive", maxFrequency: 2, T: 39, recencyStep: 39 }).values;
 * // => [[1, 0.151…, 0.025…], [1, 0.754…, 0.812…]]  (recency 0 then 39)
 */
export function betaGeoMatrix(params: BetaGeoParams, options: BetaGeoMatrixOptions = {}): BetaGeoMatrix {
  const fn = "betaGeoMatrix";
  const { metric = "expectedPurchases", maxFrequency = 20, T = 365, t = 30 } = options;
  checkPositive(fn, { r: params.r, alpha: params.alpha, a: params.a, b: params.b, T });
  checkNonNegative(fn, "t", t);
  if (!Number.isInteger(maxFrequency) || maxFrequency < 0)
    throw new ArgumentError(`${fn}: maxFrequency=${maxFrequency} must be a non-negative integer`);
  const step = options.recencyStep ?? Math.max(1, Math.ceil(T / 30));
  checkPositive(fn, { recencyStep: step });
  const frequencies = Array.from({ length: maxFrequency + 1 }, (_, x) => x);
  const recencies: number[] = [];
  for (let tx = 0; tx < T; tx += step) recencies.push(tx);
  recencies.push(T);
  const { r, alpha, a, b } = params;
  const values = recencies.map((tx) =>
    frequencies.map((x) => {
      if (metric === "expectedPurchases") return expectedPurchases(params, t, x, tx, T);
      if (x === 0) return 1;
      return 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
    }),
  );
  return { metric, frequencies, recencies, values, T, t };
}
