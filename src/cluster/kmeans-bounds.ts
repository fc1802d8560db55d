/**
 * Hamerly's bounds for the assignment step of Lloyd's algorithm (G. Hamerly, "Making k-means even faster", 2010):
 * each point keeps an upper bound on the distance to its own centre and a lower bound on the distance to any other;
 * when the upper bound is below both the lower bound and half the distance from its centre to the nearest other
 * centre, the point cannot change cluster and no distance is computed. Points that may move get a full scan with
 * the same rule as plain Lloyd (lowest squared distance, lowest centre number on ties), so the labels are the same
 * as Lloyd's. A point is skipped only with a relative safety margin, so rounding in the bounds cannot skip a point
 * whose nearest centre changed.
 *
 * The bounds are stored relative to how far the centres have moved in all (Hamerly's per-iteration bound update,
 * telescoped): a point's upper bound is kept as u − travel[a] and its lower bound as l + othersTravel[a], where
 * travel[c] sums centre c's moves and othersTravel[c] the largest move of any other centre, iteration by
 * iteration. Adding the current totals back gives the bounds Hamerly's update would have, without writing to the
 * points the bounds skip (the assignment pass then only reads them). Internal: inputs are assumed validated.
 */
import type { FlatMatrix } from "../core/matrix";
import { assignKernel, moveKernel, type AssignState } from "./kmeans-kernel";
import type { AssignTeam } from "./kmeans-threads";

/**
 * What an assignment pass does to the cluster sums and counts: "recompute" zeroes them and adds every row in row
 * order; "update" moves only the rows whose label changed, from their old cluster's sum to their new one's, in row
 * order (the sums must hold the previous labels' sums); "none" leaves them alone.
 */
export type SumMode = "recompute" | "update" | "none";

export class HamerlyBounds {
  /** Upper bound on the distance (not squared) from each point to its assigned centre. */
  readonly upper: Float64Array;
  /** Lower bound on the distance from each point to every other centre. */
  readonly lower: Float64Array;
  /** s(c): half the distance from centre c to its nearest other centre. */
  readonly halfGap: Float64Array;
  /** How far each centre has moved in all. */
  readonly travel: Float64Array;
  /** For each centre, the sum over updates of the largest move of any other centre. */
  readonly othersTravel: Float64Array;

  /** [row, old label] of each row that changed label in the last pass (single-threaded runs; see AssignState). */
  private readonly moves: Int32Array;

  /** With a `team`, the bounds and bound terms live in its store and each pass is split among its threads. */
  constructor(
    nSamples: number,
    k: number,
    private readonly team?: AssignTeam,
  ) {
    const state = team?.state;
    this.upper = (state ? state.upper : new Float64Array(nSamples)).fill(Infinity);
    this.lower = state ? state.lower.fill(0) : new Float64Array(nSamples);
    this.halfGap = state ? state.halfGap : new Float64Array(k);
    this.travel = state ? state.travel.fill(0) : new Float64Array(k);
    this.othersTravel = state ? state.othersTravel.fill(0) : new Float64Array(k);
    this.moves = new Int32Array(team ? 0 : 2 * nSamples);
  }

  /** Forget all bounds (after empty clusters were relocated): the next assignment scans every point. */
  reset(): void {
    this.upper.fill(Infinity);
    this.lower.fill(0);
  }

  /**
   * Assign each point to its nearest centre, skipping points the bounds prove cannot move, and bring the
   * per-cluster sums and counts up to date as `mode` says (one pass over the data). Returns how many points
   * changed label.
   */
  assign(
    X: FlatMatrix,
    centres: Float64Array,
    labels: Int32Array,
    sums: Float64Array,
    counts: Float64Array,
    mode: SumMode,
  ): number {
    const { data, nSamples: n, nFeatures: d } = X;
    this.prepare(centres, d);
    if (this.team) return this.team.assign(centres, sums, counts, mode);
    const recompute = mode === "recompute";
    if (recompute) {
      sums.fill(0);
      counts.fill(0);
    }
    const state: AssignState = {
      data,
      d,
      k: this.halfGap.length,
      centres,
      labels,
      upper: this.upper,
      lower: this.lower,
      halfGap: this.halfGap,
      travel: this.travel,
      othersTravel: this.othersTravel,
      sums: recompute ? sums : null,
      counts: recompute ? counts : null,
      moves: this.moves,
    };
    const changed = assignKernel(d)(state, 0, n);
    if (mode === "update") moveKernel(d)(state, 0, changed, sums, counts);
    return changed;
  }

  /** Compute s(c), half the distance from each centre to its nearest other centre, before an assignment. */
  prepare(centres: Float64Array, d: number): void {
    const { halfGap } = this;
    const k = halfGap.length;
    for (let c = 0; c < k; c++) {
      let nearest = Infinity;
      for (let o = 0; o < k; o++) {
        if (o === c) continue;
        let s = 0;
        for (let f = 0; f < d; f++) s += (centres[c * d + f]! - centres[o * d + f]!) ** 2;
        if (s < nearest) nearest = s;
      }
      halfGap[c] = 0.5 * Math.sqrt(nearest);
    }
  }

  /**
   * Record how far each centre moved; the next `assign` grows each upper bound by its own centre's moves since
   * the bound was set and shrinks each lower bound by the largest move of any other centre in each update since.
   */
  update(centres: Float64Array, next: Float64Array, d: number): void {
    const { travel, othersTravel } = this;
    const k = travel.length;
    const drift = new Float64Array(k);
    let largest = 0;
    let secondLargest = 0;
    let largestC = -1;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let f = 0; f < d; f++) s += (centres[c * d + f]! - next[c * d + f]!) ** 2;
      drift[c] = Math.sqrt(s);
      if (drift[c]! > largest) {
        secondLargest = largest;
        largest = drift[c]!;
        largestC = c;
      } else if (drift[c]! > secondLargest) secondLargest = drift[c]!;
    }
    for (let c = 0; c < k; c++) {
      travel[c]! += drift[c]!;
      othersTravel[c]! += c === largestC ? secondLargest : largest;
    }
  }
}
