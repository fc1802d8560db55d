/**
 * The assignment step of k-means with Hamerly's bounds (kmeans-bounds.ts) as one function over one state object,
 * `AssignState`: the generic kernel `assignRows`, which the kernels generated per d copy (see kmeans-kernel.ts).
 *
 * Every sum is taken in the same order as a plain loop from 0 (0 + a square is that square exactly), so labels,
 * sums, counts and inertia are bit-identical whichever kernel runs. Internal: inputs are assumed validated.
 */

/** Relative margin by which a bound must hold before a point is skipped (far above rounding error). */
export const MARGIN = 1e-9;

/**
 * What an assignment pass reads and writes. The bounds are stored relative to the centres' cumulative movement
 * (see HamerlyBounds), so a skipped row writes nothing.
 */
export interface AssignState {
  /** n × d rows, row-major. */
  data: Float64Array;
  /** Features per row. */
  d: number;
  /** Number of centres. */
  k: number;
  /** k × d centres, row-major. */
  centres: Float64Array;
  /** n cluster numbers; -1 before the first assignment. */
  labels: Int32Array;
  /** n upper bounds on the distance to the own centre, minus its travel. */
  upper: Float64Array;
  /** n lower bounds on the distance to any other centre, plus the own centre's othersTravel. */
  lower: Float64Array;
  /** k: half the distance from each centre to its nearest other centre. */
  halfGap: Float64Array;
  /** k: how far each centre has moved in all. */
  travel: Float64Array;
  /** k: for each centre, the summed largest move of any other centre. */
  othersTravel: Float64Array;
  /** k × d cluster sums the pass adds its rows to, in row order; null: leave them alone. */
  sums: Float64Array | null;
  /** k member counts, with `sums`. */
  counts: Float64Array | null;
  /** 2 · n: the m-th row of a call [start, end) to change label writes [row, old label] at 2 · (start + m). */
  moves: Int32Array;
}

/**
 * Assign rows [start, end) to their nearest centre (lowest centre number on ties), skipping rows whose bounds prove
 * they cannot move, and add them to `sums`/`counts` when those are given. Rows without a label yet (-1) are not
 * recorded in `moves`. Returns how many rows changed label.
 */
export type AssignKernel = (state: AssignState, start: number, end: number) => number;

/** The generic assignment kernel (any d); see `AssignKernel`. */
export function assignRows(state: AssignState, start: number, end: number): number {
  const { data, d, k, centres, labels, upper, lower, halfGap, travel, othersTravel, sums, counts, moves } = state;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const o = i * d;
    const a = labels[i];
    if (a >= 0) {
      // own centre moved away by at most its travel since the bound was set, others came closer by at most theirs;
      // the margin also covers the rounding of the stored differences (relative to the travel)
      const ta = travel[a];
      const oa = othersTravel[a];
      const h = halfGap[a];
      const l = lower[i] - oa;
      // biome-ignore lint/complexity/useMathMinMax: Math.max is slower in this loop, and neither value is NaN
      const bound = h > l ? h : l;
      let u = upper[i] + ta;
      if (u >= bound - MARGIN * (bound + u + ta + oa)) {
        // the bounds alone do not decide: tighten the upper bound to the exact distance and test again
        let s = 0;
        for (let f = 0, p = a * d; f < d; f++) {
          const e = data[o + f] - centres[p + f];
          s += e * e;
        }
        u = Math.sqrt(s);
        upper[i] = u - ta;
      }
      // the bounds prove the row stays: only its sums, when asked for
      if (u < bound - MARGIN * (bound + u + ta + oa)) {
        if (sums !== null && counts !== null) {
          counts[a]++;
          for (let f = 0, p = a * d; f < d; f++) sums[p + f] += data[o + f];
        }
        continue;
      }
    }
    // full scan: nearest and second-nearest centre, lowest centre number on ties
    let best = Infinity;
    let second = Infinity;
    let bestC = 0;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let f = 0, p = c * d; f < d; f++) {
        const e = data[o + f] - centres[p + f];
        s += e * e;
      }
      if (s < best) {
        second = best;
        best = s;
        bestC = c;
      } else if (s < second) second = s;
    }
    if (bestC !== a) {
      labels[i] = bestC;
      // no label yet (a = -1) only before the first assignment, which recomputes the sums: nothing to record
      if (a >= 0) {
        const m = 2 * (start + changed);
        moves[m] = i;
        moves[m + 1] = a;
      }
      changed++;
    }
    upper[i] = Math.sqrt(best) - travel[bestC];
    lower[i] = Math.sqrt(second) + othersTravel[bestC];
    if (sums !== null && counts !== null) {
      counts[bestC]++;
      for (let f = 0, p = bestC * d; f < d; f++) sums[p + f] += data[o + f];
    }
  }
  return changed;
}
