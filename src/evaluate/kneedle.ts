/**
 * Kneedle (Satopää, Albrecht, Irwin & Raghavan 2011, "Finding a 'Kneedle' in a Haystack"), offline version
 * without smoothing, for a decreasing convex curve such as inertia against k.
 */
import { ArgumentError } from "../core/errors";

export interface KneedleOptions {
  /** Sensitivity S: how far the difference curve must drop below a local maximum (in mean x steps). @default 1 */
  sensitivity?: number;
}

export interface KneedleResult {
  /** The x of the first knee, or null if none is detected (e.g. fewer than 3 points, or a straight line). */
  knee: number | null;
  /** The difference curve d_i = (1 − ŷ_i) − x̂_i on the unit square, aligned with x (for plotting). */
  differences: number[];
}

/**
 * Find the knee of a decreasing convex curve.
 *
 * Steps of the paper: normalise x and y to [0, 1]; flip y (1 − ŷ makes the curve increasing concave); take the
 * difference curve d = (1 − ŷ) − x̂; at each local maximum of d set the threshold T = d_max − S·mean(Δx̂); the local
 * maximum is a knee if d falls below T before the next local maximum. The first knee is returned.
 *
 * @param x - m strictly increasing positions (e.g. k).
 * @param y - m values (e.g. inertia), decreasing and convex.
 * @param options - `sensitivity` S (default 1).
 * @returns `{ knee, differences }`.
 * @throws {ArgumentError} on different lengths, non-finite values, x not strictly increasing, S < 0.
 * @example
 * kneedle([1, 2, 3, 4, 5, 6, 7, 8], [100, 40, 20, 16, 13, 11, 10, 9]).knee; // => 3
 */
export function kneedle(x: readonly number[], y: readonly number[], options: KneedleOptions = {}): KneedleResult {
  const fn = "kneedle";
  const sensitivity = options.sensitivity ?? 1;
  if (x.length !== y.length) throw new ArgumentError(`${fn}: x has ${x.length} values, y has ${y.length}`);
  if (!(sensitivity >= 0) || !Number.isFinite(sensitivity))
    throw new ArgumentError(`${fn}: sensitivity=${sensitivity} must be >= 0`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]))
      throw new ArgumentError(`${fn}: point ${i} (${x[i]}, ${y[i]}) is not finite`);
    if (i > 0 && x[i]! <= x[i - 1]!) throw new ArgumentError(`${fn}: x must be strictly increasing (x[${i}]=${x[i]})`);
  }
  return kneedleUnchecked(x, y, sensitivity);
}

/** Assumes validated input. */
function kneedleUnchecked(x: readonly number[], y: readonly number[], sensitivity: number): KneedleResult {
  const m = x.length;
  if (m === 0) return { knee: null, differences: [] };
  const xHat = normalise(x);
  const yHat = normalise(y);
  const differences = xHat.map((xi, i) => 1 - yHat[i]! - xi);
  if (m < 3 || yHat.every((v) => v === yHat[0])) return { knee: null, differences };
  // x̂ spans [0, 1], so the mean step of x̂ is 1 / (m − 1)
  const meanStep = 1 / (m - 1);
  let threshold = -Infinity;
  let candidate = -1;
  for (let i = 1; i < m; i++) {
    const isLocalMax = i < m - 1 && differences[i]! > differences[i - 1]! && differences[i]! >= differences[i + 1]!;
    if (isLocalMax) {
      candidate = i;
      threshold = differences[i]! - sensitivity * meanStep;
      continue;
    }
    if (candidate >= 0 && differences[i]! < threshold) return { knee: x[candidate]!, differences };
  }
  return { knee: null, differences };
}

/** (v − min) / (max − min); all zeros for a constant series. */
function normalise(values: readonly number[]): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return values.map((v) => (max > min ? (v - min) / (max - min) : 0));
}
