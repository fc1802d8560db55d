/**
 * One run of Lloyd's algorithm from given centres, step for step as scikit-learn's `_kmeans_single_lloyd`:
 * assign, relocate empty clusters to far points, update means; stop on unchanged labels (strict convergence) or
 * when the summed squared centre shift is <= the tolerance; then re-assign labels to the final centres.
 * The assignment step uses Hamerly's bounds (kmeans-bounds.ts) to skip points that cannot move; the labels are the
 * same as plain Lloyd's.
 *
 * The cluster sums are kept across iterations: each assignment moves only the rows whose label changed from their
 * old cluster's sum to their new one's, in row order (late iterations move few rows, so the O(n · d) sum pass
 * disappears). Adding and removing a row is not exact in floating point, so the sums are recomputed from all rows,
 * in row order, in the first iteration, after an empty-cluster relocation, and every RECOMPUTE_EVERY iterations:
 * the drift stays a few ulps of the sums (centres agree with a plain Lloyd's to ~1e-15 relative), and a
 * recomputation costs about one sum pass per RECOMPUTE_EVERY iterations. Either way the order of operations is
 * fixed, so results do not depend on the number of threads. Internal: inputs are assumed validated.
 */
import type { FlatMatrix } from "../core/matrix";
import { HamerlyBounds } from "./kmeans-bounds";
import { squaredDistance } from "./kmeans-init";
import { inertiaKernel } from "./kmeans-kernel";
import type { AssignTeam } from "./kmeans-threads";

/** Iterations between recomputations of the cluster sums from all rows (see above). */
export const RECOMPUTE_EVERY = 10;

/** Called after each iteration: `labels` were assigned to `previous`, `centres` are the updated means. */
export type LloydObserver = (
  iteration: number,
  labels: Int32Array,
  centres: Float64Array,
  previous: Float64Array,
) => void;

export interface LloydResult {
  labels: Int32Array;
  /** k × d, row-major. */
  centres: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * @param X - validated data.
 * @param initial - k × d initial centres (not modified).
 * @param maxIter - iteration cap (>= 1).
 * @param tolerance - absolute tolerance on the summed squared centre shift.
 * @param team - the passes' store and threads (kmeans-threads.ts), reused by every run of a k-means call; none:
 *   the JavaScript kernel on this thread.
 * @returns labels of their own (not a view of the team's store).
 */
export function lloyd(
  X: FlatMatrix,
  initial: Float64Array,
  maxIter: number,
  tolerance: number,
  observe?: LloydObserver,
  team?: AssignTeam,
): LloydResult {
  const { nSamples: n, nFeatures: d } = X;
  const k = initial.length / d;
  let centres = Float64Array.from(initial);
  let next = new Float64Array(k * d);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const labels = (team ? team.state.labels : new Int32Array(n)).fill(-1);
  const bounds = new HamerlyBounds(n, k, team);
  let strict = false;
  let converged = false;
  let iteration = 0;
  let sinceRecompute = RECOMPUTE_EVERY; // iterations since the sums were last recomputed; recompute in the first
  while (iteration < maxIter) {
    iteration++;
    const recompute = sinceRecompute >= RECOMPUTE_EVERY;
    sinceRecompute = recompute ? 1 : sinceRecompute + 1;
    // strict convergence (scikit-learn's labels == labels_old): no point changed label in this assignment
    const unchanged = bounds.assign(X, centres, labels, sums, counts, recompute ? "recompute" : "update") === 0;
    if (relocateEmptyClusters(X, centres, labels, sums, counts)) {
      bounds.reset();
      // the relocated rows sit in their new cluster's sum under their old label: start the sums afresh
      sinceRecompute = RECOMPUTE_EVERY;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c]! > 0) for (let f = 0; f < d; f++) next[c * d + f] = sums[c * d + f]! / counts[c]!;
      else next.set(centres.subarray(c * d, c * d + d), c * d); // cannot happen after relocation; kept for safety
    }
    let shift = 0;
    for (let c = 0; c < k; c++) shift += squaredDistance(centres, c, next, c, d);
    if (observe) observe(iteration, labels, next, centres);
    bounds.update(centres, next, d);
    [centres, next] = [next, centres];
    if (unchanged) {
      strict = converged = true;
      break;
    }
    if (shift <= tolerance) {
      converged = true;
      break;
    }
  }
  // Labels must match the final centres (the last update moved them); the bounds still hold, so most rows are skipped.
  if (!strict) bounds.assign(X, centres, labels, sums, counts, "none");
  const inertia = inertiaOf(X, centres, labels);
  return { labels: team ? labels.slice() : labels, centres, inertia, iterations: iteration, converged };
}

/**
 * scikit-learn's `_relocate_empty_clusters_dense`: each empty cluster takes one of the points farthest from their
 * own centre (farthest first, lowest index on ties), moved out of its old cluster's sum. Labels are left as they
 * are, as scikit-learn does; the next assignment picks the move up. Returns whether any cluster was empty.
 */
export function relocateEmptyClusters(
  X: FlatMatrix,
  centres: Float64Array,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): boolean {
  const { data, nSamples: n, nFeatures: d } = X;
  const k = counts.length;
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return false;
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) distances[i] = squaredDistance(data, i, centres, labels[i]!, d);
  const far = farthest(distances, empty.length);
  empty.forEach((c, e) => {
    const i = far[e]!;
    const old = labels[i]!;
    for (let f = 0; f < d; f++) {
      sums[old * d + f]! -= data[i * d + f]!;
      sums[c * d + f] = data[i * d + f]!;
    }
    counts[old]!--;
    counts[c] = 1;
  });
  return true;
}

/** Indices of the `m` largest values, largest first, lowest index first on ties. */
function farthest(values: Float64Array, m: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (top.length === m && values[i]! <= values[top[m - 1]!]!) continue;
    let pos = Math.min(top.length, m - 1);
    if (top.length < m) top.push(i);
    while (pos > 0 && values[top[pos - 1]!]! < values[i]!) {
      top[pos] = top[pos - 1]!;
      pos--;
    }
    top[pos] = i;
  }
  return top;
}

/** Sum of squared distances from each row to the centre of its label (in row order). */
export function inertiaOf(X: FlatMatrix, centres: Float64Array, labels: ArrayLike<number>): number {
  return inertiaKernel(X.nFeatures)(X.data, centres, labels, X.nSamples);
}
