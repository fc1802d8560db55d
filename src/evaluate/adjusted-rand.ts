import { ArgumentError } from "../core/errors";
import type { Labels } from "../core/matrix";

/**
 * Adjusted Rand index between two labellings of the same samples, as scikit-learn's `adjusted_rand_score`
 * (from the pair confusion matrix). 1 for identical partitions (whatever the label numbers), about 0 for random
 * ones, possibly negative. Identical pair counts (no disagreeing pair) give exactly 1, including empty labellings.
 *
 * @param a - nSamples labels (any integers).
 * @param b - nSamples labels.
 * @returns a value <= 1.
 * @throws {ArgumentError} if the lengths differ or a label is not an integer.
 * @example
 * adjustedRandScore([0, 0, 1, 1], [1, 1, 0, 0]); // => 1
 * adjustedRandScore([0, 0, 1, 1], [0, 1, 0, 1]); // => -0.5
 */
export function adjustedRandScore(a: Labels, b: Labels): number {
  const fn = "adjustedRandScore";
  if (a.length !== b.length) throw new ArgumentError(`${fn}: a has length ${a.length}, b has length ${b.length}`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isInteger(a[i]) || !Number.isInteger(b[i])) {
      throw new ArgumentError(`${fn}: labels at ${i} (${a[i]}, ${b[i]}) must be integers`);
    }
  }
  const n = a.length;
  // Contingency table n_ij and its marginals.
  const cells = new Map<string, number>();
  const rowSums = new Map<number, number>();
  const colSums = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]},${b[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rowSums.set(a[i]!, (rowSums.get(a[i]!) ?? 0) + 1);
    colSums.set(b[i]!, (colSums.get(b[i]!) ?? 0) + 1);
  }
  // Pair confusion matrix (ordered pairs), with BigInt so the products below stay exact for any n.
  let sumSquares = 0n;
  let weightedByCol = 0n;
  let weightedByRow = 0n;
  for (const [key, count] of cells) {
    const [ra, cb] = key.split(",").map(Number) as [number, number];
    const nij = BigInt(count);
    sumSquares += nij * nij;
    weightedByCol += nij * BigInt(colSums.get(cb)!);
    weightedByRow += nij * BigInt(rowSums.get(ra)!);
  }
  const N = BigInt(n);
  const tp = sumSquares - N;
  const fp = weightedByCol - sumSquares;
  const fnPairs = weightedByRow - sumSquares;
  const tn = N * N - fp - fnPairs - sumSquares;
  if (fnPairs === 0n && fp === 0n) return 1;
  const numerator = 2n * (tp * tn - fnPairs * fp);
  const denominator = (tp + fnPairs) * (fnPairs + tn) + (tp + fp) * (fp + tn);
  return Number(numerator) / Number(denominator);
}
