/**
 * The k-means assignment pass with Hamerly's bounds in AssemblyScript, compiled to WebAssembly with 128-bit SIMD
 * (scripts/build-wasm.mjs), the same pass as `assignKernelSource` in ../../kmeans-kernel.ts: the bounds test, the
 * upper bound tightened on the own centre, then a full scan for the nearest and second-nearest centre (lowest centre
 * on ties), the labels, the bounds, the record of moves and the optional row-order sums and counts.
 *
 * The SIMD lanes hold two ROWS: each squared distance is still summed feature by feature from feature 0 in its own
 * lane, exactly as the JavaScript kernel sums it, so labels, bounds and sums are bit-identical to it. Rows are taken
 * in blocks: a first loop settles the rows their bounds keep, and lists the others; the listed rows are then scanned
 * two at a time, and their results written in row order. Nearest and second nearest are kept with lane masks, with
 * no branch per centre.
 *
 * The arrays are in the (imported, shared) memory, at byte offsets that kmeans-wasm.ts lays out and writes in an
 * AssignState. Internal: inputs are assumed validated.
 */

/** Relative margin by which a bound must hold before a row is skipped (MARGIN in kmeans-kernel.ts). */
const MARGIN: f64 = 1e-9;
/** Rows settled by their bounds before the listed ones are scanned. */
const BLOCK: i32 = 256;

/**
 * Bytes of scratch one caller (thread) needs for d features: the scan result of a row pair ([best, second, bestC],
 * 16 bytes each), the row pair feature by feature (16 bytes a feature) and the row list (4 bytes a row).
 */
export function scratchBytes(d: i32): i32 {
  return 48 + (d << 4) + (BLOCK << 2);
}

/**
 * Where a run's arrays are (byte offsets) and its shape: written by kmeans-wasm.ts at `state`, field by field as
 * declared (4 bytes each), and shared by every thread of the run.
 */
@unmanaged
class AssignState {
  /** n × d rows. */
  data: usize;
  /** k × d centres. */
  centres: usize;
  /** n labels (i32), -1 before the first pass. */
  labels: usize;
  /** n upper bounds, relative to the travel. */
  upper: usize;
  /** n lower bounds, relative to the others' travel. */
  lower: usize;
  /** k half-distances to the nearest other centre. */
  halfGap: usize;
  /** k summed moves of each centre. */
  travel: usize;
  /** k summed largest moves of the other centres. */
  othersTravel: usize;
  /** k × d cluster sums. */
  sums: usize;
  /** k cluster counts (f64). */
  counts: usize;
  /** 2 · n move records (i32). */
  moves: usize;
  d: i32;
  k: i32;
}

/**
 * Assign rows [start, end) to their nearest centre, skipping the rows whose bounds prove they cannot move, as
 * `AssignKernel` does, on the run described at `state` (AssignState): with `withSums`, the rows are added to `sums`
 * and `counts` in row order; with `withMoves`, the m-th row to change label writes [row, old label] at
 * moves[2 · (start + m)] (rows without a label yet are not recorded). `scratch` holds `scratchBytes(d)` bytes of
 * this caller's own, 16-aligned. Returns how many rows changed label.
 */
export function assign(state: usize, start: i32, end: i32, withSums: bool, withMoves: bool, scratch: usize): i32 {
  const run = changetype<AssignState>(state);
  const found = scratch;
  const pair = scratch + 48;
  const list = pair + ((<usize>run.d) << 4);
  const moves = withMoves ? run.moves : 0;
  let changed = 0;
  for (let first = start; first < end; first += BLOCK) {
    const last = min(end, first + BLOCK);
    let listed = 0;
    for (let i = first; i < last; i++) {
      if (!keptByBounds(run, i)) {
        store<i32>(list + ((<usize>listed) << 2), i);
        listed++;
      }
    }
    for (let j = 0; j < listed; j += 2) {
      const row0 = load<i32>(list + ((<usize>j) << 2));
      const both = j + 1 < listed;
      const row1 = both ? load<i32>(list + ((<usize>(j + 1)) << 2)) : row0;
      nearestTwo(run, pair, found, row0, row1);
      changed += settle(run, moves, start, changed, row0, found);
      if (both) changed += settle(run, moves, start, changed, row1, found + 8);
    }
    if (withSums) addRows(run, first, last);
  }
  return changed;
}

/**
 * Whether row i keeps its label by its bounds alone: first as stored, then with the upper bound tightened to the
 * distance to its own centre (written back, relative to the travel, as the JavaScript kernel does).
 */
function keptByBounds(run: AssignState, i: i32): bool {
  const a = load<i32>(run.labels + ((<usize>i) << 2));
  if (a < 0) return false;
  // own centre moved away by at most its travel since the bound was set, others came closer by at most theirs
  const ta = load<f64>(run.travel + ((<usize>a) << 3));
  const oa = load<f64>(run.othersTravel + ((<usize>a) << 3));
  const h = load<f64>(run.halfGap + ((<usize>a) << 3));
  const l = load<f64>(run.lower + ((<usize>i) << 3)) - oa;
  // biome-ignore lint/complexity/useMathMinMax: the JavaScript kernel's expression (max differs on -0 and NaN)
  const bound = h > l ? h : l;
  let u = load<f64>(run.upper + ((<usize>i) << 3)) + ta;
  if (u < bound - MARGIN * (bound + u + ta + oa)) return true;
  // tighten the upper bound (squared distance summed in feature order, as a loop from 0) and test again
  const d = run.d;
  const row = run.data + ((<usize>i * <usize>d) << 3);
  const centre = run.centres + ((<usize>a * <usize>d) << 3);
  let s: f64 = 0;
  for (let f = 0; f < d; f++) {
    const e = load<f64>(row + ((<usize>f) << 3)) - load<f64>(centre + ((<usize>f) << 3));
    s += e * e;
  }
  u = Math.sqrt(s);
  store<f64>(run.upper + ((<usize>i) << 3), u - ta);
  return u < bound - MARGIN * (bound + u + ta + oa);
}

/**
 * The squared distance from rows row0 and row1 (one per lane) to their nearest and second-nearest centre, and the
 * nearest centre's number, lowest on ties, stored as [best, second, bestC] at `found`.
 */
function nearestTwo(run: AssignState, pair: usize, found: usize, row0: i32, row1: i32): void {
  const d = run.d;
  const k = run.k;
  const p0 = run.data + ((<usize>row0 * <usize>d) << 3);
  const p1 = run.data + ((<usize>row1 * <usize>d) << 3);
  for (let f = 0; f < d; f++) {
    const x = f64x2.replace_lane(f64x2.splat(load<f64>(p0 + ((<usize>f) << 3))), 1, load<f64>(p1 + ((<usize>f) << 3)));
    v128.store(pair + ((<usize>f) << 4), x);
  }
  let best = f64x2.splat(Infinity);
  let second = f64x2.splat(Infinity);
  let bestC = f64x2.splat(0);
  for (let c = 0; c < k; c++) {
    const centre = run.centres + ((<usize>c * <usize>d) << 3);
    // feature 0 alone, as 0 + its square is that square exactly, then the others in order
    let e = f64x2.sub(v128.load(pair), v128.load64_splat(centre));
    let s = f64x2.mul(e, e);
    for (let f = 1; f < d; f++) {
      e = f64x2.sub(v128.load(pair + ((<usize>f) << 4)), v128.load64_splat(centre + ((<usize>f) << 3)));
      s = f64x2.add(s, f64x2.mul(e, e));
    }
    // if (s < best) { second = best; best = s; bestC = c } else if (s < second) second = s; — per lane
    const belowBest = f64x2.lt(s, best);
    const belowSecond = f64x2.lt(s, second);
    second = v128.bitselect(best, v128.bitselect(s, second, belowSecond), belowBest);
    best = v128.bitselect(s, best, belowBest);
    bestC = v128.bitselect(f64x2.splat(<f64>c), bestC, belowBest);
  }
  v128.store(found, best);
  v128.store(found, second, 16);
  v128.store(found, bestC, 32);
}

/**
 * Write the scan result of row i, its lane of `nearestTwo`'s output at `lane` (found or found + 8): label, move
 * record, bounds. Returns 1 when the label changed.
 */
function settle(run: AssignState, moves: usize, start: i32, changed: i32, i: i32, lane: usize): i32 {
  const labels = run.labels;
  const nearest = load<f64>(lane);
  const next = load<f64>(lane, 16);
  const c = <i32>load<f64>(lane, 32);
  const a = load<i32>(labels + ((<usize>i) << 2));
  let moved = 0;
  if (c !== a) {
    store<i32>(labels + ((<usize>i) << 2), c);
    // no label yet (a = -1) only before the first assignment, which recomputes the sums: nothing to record
    if (moves !== 0 && a >= 0) {
      const m = moves + ((<usize>(2 * (start + changed))) << 2);
      store<i32>(m, i);
      store<i32>(m, a, 4);
    }
    moved = 1;
  }
  store<f64>(run.upper + ((<usize>i) << 3), Math.sqrt(nearest) - load<f64>(run.travel + ((<usize>c) << 3)));
  store<f64>(run.lower + ((<usize>i) << 3), Math.sqrt(next) + load<f64>(run.othersTravel + ((<usize>c) << 3)));
  return moved;
}

/** Add rows [first, last) to the sums and counts of their labels, in row order. */
function addRows(run: AssignState, first: i32, last: i32): void {
  const d = run.d;
  for (let i = first; i < last; i++) {
    const a = load<i32>(run.labels + ((<usize>i) << 2));
    const count = run.counts + ((<usize>a) << 3);
    store<f64>(count, load<f64>(count) + 1);
    const row = run.data + ((<usize>i * <usize>d) << 3);
    const sum = run.sums + ((<usize>a * <usize>d) << 3);
    for (let f = 0; f < d; f++) {
      const p = sum + ((<usize>f) << 3);
      store<f64>(p, load<f64>(p) + load<f64>(row + ((<usize>f) << 3)));
    }
  }
}
