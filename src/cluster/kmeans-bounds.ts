/**
 * Hamerly's bounds for the assignment step of Lloyd's algorithm (G. Hamerly, "Making k-means even faster", 2010):
 * each point keeps an upper bound on the distance to its own centre and a lower bound on the distance to any other;
 * when the upper bound is below both the lower bound and half the distance from its centre to the nearest other
 * centre, the point cannot change cluster and no distance is computed. Points that may move get a full scan with
 * the same rule as plain Lloyd (lowest squared distance, lowest centre number on ties), so the labels are the same
 * as Lloyd's. A point is skipped only with a relative safety margin, so rounding in the bounds cannot skip a point
 * whose nearest centre changed. Internal: inputs are assumed validated.
 */
import type { FlatMatrix } from "../core/matrix";

/** Relative margin by which a bound must hold before a point is skipped (far above rounding error). */
const MARGIN = 1e-9;

export class HamerlyBounds {
  /** Upper bound on the distance (not squared) from each point to its assigned centre. */
  readonly upper: Float64Array;
  /** Lower bound on the distance from each point to every other centre. */
  readonly lower: Float64Array;
  private readonly halfGap: Float64Array;
  private readonly drift: Float64Array;
  private largest = 0;
  private secondLargest = 0;
  private largestC = -1;

  constructor(nSamples: number, k: number) {
    this.upper = new Float64Array(nSamples).fill(Infinity);
    this.lower = new Float64Array(nSamples);
    this.halfGap = new Float64Array(k);
    this.drift = new Float64Array(k);
  }

  /** Forget all bounds (after empty clusters were relocated): the next assignment scans every point. */
  reset(): void {
    this.upper.fill(Infinity);
    this.lower.fill(0);
  }

  /**
   * Assign each point to its nearest centre, skipping points the bounds prove cannot move, and accumulate the
   * per-cluster sums and counts in row order (one pass over the data; the bounds first absorb the last drift).
   */
  assign(X: FlatMatrix, centres: Float64Array, labels: Int32Array, sums: Float64Array, counts: Float64Array): void {
    const { data, nSamples: n, nFeatures: d } = X;
    const k = centres.length / d;
    const { upper, lower, halfGap, drift } = this;
    const { largest, secondLargest, largestC } = this;
    sums.fill(0);
    counts.fill(0);
    // s(c): half the distance from centre c to its nearest other centre.
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
    for (let i = 0; i < n; i++) {
      const a = labels[i]!;
      const o = i * d;
      if (a >= 0) {
        upper[i]! += drift[a]!;
        lower[i]! -= a === largestC ? secondLargest : largest;
        const bound = Math.max(halfGap[a]!, lower[i]!);
        if (upper[i]! < bound - MARGIN * (bound + upper[i]!)) {
          addTo(sums, counts, data, o, a, d);
          continue;
        }
        // tighten the upper bound and test again
        let s = 0;
        for (let f = 0; f < d; f++) {
          const diff = data[o + f]! - centres[a * d + f]!;
          s += diff * diff;
        }
        upper[i] = Math.sqrt(s);
        if (upper[i]! < bound - MARGIN * (bound + upper[i]!)) {
          addTo(sums, counts, data, o, a, d);
          continue;
        }
      }
      // full scan: nearest and second-nearest centre, as plain Lloyd compares them
      let best = Infinity;
      let second = Infinity;
      let bestC = 0;
      for (let c = 0; c < k; c++) {
        const oc = c * d;
        let s = 0;
        for (let f = 0; f < d; f++) {
          const diff = data[o + f]! - centres[oc + f]!;
          s += diff * diff;
        }
        if (s < best) {
          second = best;
          best = s;
          bestC = c;
        } else if (s < second) second = s;
      }
      labels[i] = bestC;
      upper[i] = Math.sqrt(best);
      lower[i] = Math.sqrt(second);
      addTo(sums, counts, data, o, bestC, d);
    }
    drift.fill(0);
    this.largest = this.secondLargest = 0;
    this.largestC = -1;
  }

  /**
   * Record how far each centre moved; the next `assign` grows each upper bound by its own centre's drift and
   * shrinks each lower bound by the largest drift of any other centre.
   */
  update(centres: Float64Array, next: Float64Array, d: number): void {
    const { drift } = this;
    this.largest = this.secondLargest = 0;
    this.largestC = -1;
    for (let c = 0; c < drift.length; c++) {
      let s = 0;
      for (let f = 0; f < d; f++) s += (centres[c * d + f]! - next[c * d + f]!) ** 2;
      drift[c] = Math.sqrt(s);
      if (drift[c]! > this.largest) {
        this.secondLargest = this.largest;
        this.largest = drift[c]!;
        this.largestC = c;
      } else if (drift[c]! > this.secondLargest) this.secondLargest = drift[c]!;
    }
  }
}

function addTo(sums: Float64Array, counts: Float64Array, data: Float64Array, o: number, c: number, d: number): void {
  counts[c]!++;
  for (let f = 0; f < d; f++) sums[c * d + f]! += data[o + f]!;
}
