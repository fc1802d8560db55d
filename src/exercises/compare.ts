import { quantileSorted } from "../core/quantile";

/**
 * Comparisons the checks share. Answers are typed by hand from printed results, so numbers are compared with a
 * tolerance relative to the expected value (a learner rounding 0.4794 to 0.48 is right).
 */

/** Whether `answer` equals `expected` within `relative` of its size, or `absolute`, whichever is larger. */
export function close(answer: number, expected: number, relative = 0.01, absolute = 1e-9): boolean {
  return Math.abs(answer - expected) <= Math.max(relative * Math.abs(expected), absolute);
}

/** Whether two lists hold the same numbers, in any order. */
export function sameSet(answer: readonly number[], expected: readonly number[]): boolean {
  const a = [...new Set(answer)].sort((x, y) => x - y);
  const b = [...new Set(expected)].sort((x, y) => x - y);
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The sum of a list. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** The median of a list (numpy's linear quantile at 0.5). */
export function median(values: readonly number[]): number {
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** The mean of a list. */
export function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}
