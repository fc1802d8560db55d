/**
 * The k-means kernels for d features: generated for d = 1 … 8 (kernels/, written by
 * scripts/generate-kmeans-kernels.mjs: the row and the column means in locals, the feature loops unrolled, which V8
 * does not do), the generic loops of kmeans-assign.ts and kmeans-rows.ts for wider data. A generated kernel sums in
 * the generic one's order, so results are bit-identical whichever runs. The single-threaded assignment
 * (kmeans-bounds.ts) and every worker thread (kmeans-worker.ts) call the kernel `assignKernel(d)` returns, with the
 * same `AssignState`. Internal: inputs are assumed validated.
 */
import { SPECIALISED } from "./kernels";
import { assignRows, type AssignKernel } from "./kmeans-assign";
import {
  inertiaOfRows,
  meanColumnVariance,
  moveRows,
  sumRows,
  type InertiaKernel,
  type MoveKernel,
  type SumKernel,
  type VarianceKernel,
} from "./kmeans-rows";

export { MARGIN, assignRows, type AssignKernel, type AssignState } from "./kmeans-assign";
export type { InertiaKernel, MoveKernel, SumKernel, VarianceKernel } from "./kmeans-rows";

/** The assignment kernel for d features (see `AssignKernel`). */
export function assignKernel(d: number): AssignKernel {
  return SPECIALISED[d]?.assign ?? assignRows;
}

/** The row-order cluster sums for d features (see `SumKernel`). */
export function sumKernel(d: number): SumKernel {
  return SPECIALISED[d]?.sum ?? sumRows;
}

/** The moves of rows between cluster sums for d features (see `MoveKernel`). */
export function moveKernel(d: number): MoveKernel {
  return SPECIALISED[d]?.move ?? moveRows;
}

/** The inertia pass for d features (see `InertiaKernel`). */
export function inertiaKernel(d: number): InertiaKernel {
  return SPECIALISED[d]?.inertia ?? ((data, centres, labels, n) => inertiaOfRows(data, d, centres, labels, n));
}

/** The mean column variance pass for d features (see `VarianceKernel`). */
export function varianceKernel(d: number): VarianceKernel {
  return SPECIALISED[d]?.variance ?? ((data, n) => meanColumnVariance(data, d, n));
}
