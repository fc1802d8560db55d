/**
 * Validation of the candidate numbers of clusters shared by the k-selection functions.
 */
import { ArgumentError } from "../core/errors";

/** The default candidates: k = 2..10. */
export const DEFAULT_K_RANGE: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * Check that `kRange` is a non-empty, strictly increasing list of integers in [minK, maxK].
 * @returns a copy of kRange.
 * @throws {ArgumentError} naming the function and the offending value.
 */
export function checkKRange(kRange: readonly number[], minK: number, maxK: number, fn: string): number[] {
  if (!Array.isArray(kRange) || kRange.length === 0) throw new ArgumentError(`${fn}: kRange is empty`);
  kRange.forEach((k, i) => {
    if (!Number.isInteger(k) || k < minK || k > maxK) {
      throw new ArgumentError(`${fn}: kRange[${i}]=${k} must be an integer in ${minK}..${maxK}`);
    }
    if (i > 0 && k <= kRange[i - 1]!)
      throw new ArgumentError(`${fn}: kRange must be strictly increasing, got ${kRange.join(", ")}`);
  });
  return kRange.slice();
}

/** Check an integer option >= min. */
export function checkInteger(value: number, min: number, name: string, fn: string): void {
  if (!Number.isInteger(value) || value < min)
    throw new ArgumentError(`${fn}: ${name}=${value} must be an integer >= ${min}`);
}
