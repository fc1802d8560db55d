/**
 * The k-means row passes besides the assignment (kmeans-assign.ts), for any d: cluster sums in row order, the moves
 * of rows between cluster sums, the inertia and the mean column variance. Each adds in the order a plain loop from 0
 * does, so the results do not depend on which path or thread ran the assignment, nor on whether a kernel generated
 * for d (kernels/) runs instead. Internal: inputs are assumed validated.
 */
import type { AssignState } from "./kmeans-assign";

/** Add rows [start, end) to the `sums` (k × d) and `counts` (k) of their labels, in row order. */
export type SumKernel = (
  state: AssignState,
  start: number,
  end: number,
  sums: Float64Array,
  counts: Float64Array,
) => void;

/** Apply `count` moves recorded by the assignment from state.moves[2 · from] on (see `moveRows`). */
export type MoveKernel = (
  state: AssignState,
  from: number,
  count: number,
  sums: Float64Array,
  counts: Float64Array,
) => void;

/** Add rows [start, end) to the `sums` (k × d) and `counts` (k) of their labels, in row order. */
export function sumRows(
  state: AssignState,
  start: number,
  end: number,
  sums: Float64Array,
  counts: Float64Array,
): void {
  const { data, d, labels } = state;
  for (let i = start; i < end; i++) {
    const a = labels[i];
    counts[a]++;
    for (let f = 0, o = i * d, p = a * d; f < d; f++) sums[p + f] += data[o + f];
  }
}

/**
 * Apply `count` moves recorded by the assignment kernel from state.moves[2 · from] on, in order: each row leaves
 * the sum and count of its old label for those of its new one (its label now).
 */
export function moveRows(
  state: AssignState,
  from: number,
  count: number,
  sums: Float64Array,
  counts: Float64Array,
): void {
  const { data, d, labels, moves } = state;
  for (let m = 2 * from; m < 2 * (from + count); m += 2) {
    const i = moves[m];
    const old = moves[m + 1];
    const now = labels[i];
    counts[old]--;
    counts[now]++;
    for (let f = 0, o = i * d, p = old * d, q = now * d; f < d; f++) {
      const x = data[o + f];
      sums[p + f] -= x;
      sums[q + f] += x;
    }
  }
}

/** Sum over n rows of d features, in row order, of the squared distance from each row to its label's centre. */
export type InertiaKernel = (data: Float64Array, centres: Float64Array, labels: ArrayLike<number>, n: number) => number;

/** Mean over the d columns of n rows of their population variance, both passes in row order. */
export type VarianceKernel = (data: Float64Array, n: number) => number;

/** Sum over rows, in row order, of the squared distance from each of the n rows (d features) to its label's centre. */
export function inertiaOfRows(
  data: Float64Array,
  d: number,
  centres: Float64Array,
  labels: ArrayLike<number>,
  n: number,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let f = 0, o = i * d, c = labels[i] * d; f < d; f++) {
      const e = data[o + f] - centres[c + f];
      s += e * e;
    }
    total += s;
  }
  return total;
}

/** Mean over the d columns of n rows of their population variance, both passes in row order. */
export function meanColumnVariance(data: Float64Array, d: number, n: number): number {
  const mean = new Float64Array(d);
  for (let o = 0; o < n * d; o += d) for (let f = 0; f < d; f++) mean[f] += data[o + f];
  for (let f = 0; f < d; f++) mean[f] /= n;
  let total = 0;
  for (let o = 0; o < n * d; o += d) {
    for (let f = 0; f < d; f++) {
      const e = data[o + f] - mean[f];
      total += e * e;
    }
  }
  return total / n / d;
}
