/**
 * The k-means assignment pass with Hamerly's bounds in AssemblyScript, compiled to WebAssembly with 128-bit SIMD
 * (scripts/build-wasm.mjs), the same pass as `assignKernelSource` in ../../kmeans-kernel.ts: the bounds test, the
 * upper bound tightened on the own centre, then a full scan for the nearest and second-nearest centre (lowest centre
 * on ties), the labels, the bounds, the record of moves and the optional row-order sums and counts.
 *
 * The SIMD lanes hold two ROWS: each squared distance is still summed feature by feature from feature 0 in its own
 * lane, exactly as the JavaScript kernel sums it, so labels, bounds and sums are bit-identical to it. Rows are taken
 * in blocks: a first loop lists the rows their stored bounds do not keep, a second tightens their upper bound and
 * lists those it still does not keep, and these are scanned two at a time, their results written in row order.
 * The tests and the nearest and second nearest (pmin, pmax and a lane mask) take no branch, which on data whose
 * rows the bounds keep or not at random costs the JavaScript kernel a misprediction a row.
 *
 * The arrays are in the (imported, shared) memory, at byte offsets that kmeans-wasm.ts lays out and writes in an
 * AssignState. Internal: inputs are assumed validated.
 */

/** Relative margin by which a bound must hold before a row is skipped (MARGIN in kmeans-kernel.ts). */
const MARGIN: f64 = 1e-9;
/** Features of a row pair held in locals by the scan, each summed by its own line (see `nearestTwo`). */
const HELD: i32 = 8;
/** Rows tested by their bounds before the rows left are scanned. */
const BLOCK: i32 = 256;

/**
 * Bytes of scratch one caller (thread) needs for d features: the scan result of a row pair ([best, second, bestC],
 * 16 bytes each), features from HELD on of the row pair (16 bytes a feature) and two row lists (4 bytes a row).
 */
export function scratchBytes(d: i32): i32 {
  return 48 + (d << 4) + (BLOCK << 3);
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
  const d = run.d;
  const found = scratch;
  const pair = scratch + 48;
  const failed = pair + ((<usize>d) << 4);
  const listed = failed + ((<usize>BLOCK) << 2);
  const moves = withMoves ? run.moves : 0;
  let changed = 0;
  for (let first = start; first < end; first += BLOCK) {
    const last = min(end, first + BLOCK);
    const nFailed = failStored(run, first, last, failed);
    // rows far apart are fetched from memory one by one unless touched first; rows close together stream anyway
    if (nFailed << 1 < last - first) touchRows(run, failed, nFailed, found, d);
    const nListed = failTightened(run, failed, nFailed, listed, d);
    for (let j = 0; j < nListed; j += 2) {
      const row0 = load<i32>(listed + ((<usize>j) << 2));
      const both = j + 1 < nListed;
      const row1 = both ? load<i32>(listed + ((<usize>(j + 1)) << 2)) : row0;
      nearestTwo(run, pair, found, row0, row1, d);
      changed += settle(run, moves, start, changed, row0, found);
      if (both) changed += settle(run, moves, start, changed, row1, found + 8);
    }
    if (withSums) addRows(run, first, last, d);
  }
  return changed;
}

/**
 * List at `out` the rows of [first, last) that their stored bounds do not keep (or that have no label yet), in row
 * order, and return how many. No branch on the test: each row is written and the count moves on only when listed.
 */
function failStored(run: AssignState, first: i32, last: i32, out: usize): i32 {
  // the arrays' offsets in locals: the stores below could alias run's fields, so they would be read again each row
  const labels = run.labels;
  const travel = run.travel;
  const othersTravel = run.othersTravel;
  const halfGap = run.halfGap;
  const lower = run.lower;
  const upper = run.upper;
  let count = 0;
  let i = first;
  // two rows at a time, one per lane, each as the one-row loop below (pmax(l, h) is its h > l ? h : l exactly)
  for (; i + 1 < last; i += 2) {
    const a0 = load<i32>(labels + ((<usize>i) << 2));
    const a1 = load<i32>(labels + ((<usize>i) << 2), 4);
    const c0 = (<usize>max(a0, 0)) << 3;
    const c1 = (<usize>max(a1, 0)) << 3;
    const ta = lanePair(travel + c0, travel + c1);
    const oa = lanePair(othersTravel + c0, othersTravel + c1);
    const h = lanePair(halfGap + c0, halfGap + c1);
    const l = f64x2.sub(v128.load(lower + ((<usize>i) << 3)), oa);
    const bound = f64x2.pmax(l, h);
    const u = f64x2.add(v128.load(upper + ((<usize>i) << 3)), ta);
    const slack = f64x2.mul(f64x2.splat(MARGIN), f64x2.add(f64x2.add(f64x2.add(bound, u), ta), oa));
    const kept = f64x2.lt(u, f64x2.sub(bound, slack));
    store<i32>(out + ((<usize>count) << 2), i);
    count += <i32>((a0 < 0) | (i64x2.extract_lane(kept, 0) === 0));
    store<i32>(out + ((<usize>count) << 2), i + 1);
    count += <i32>((a1 < 0) | (i64x2.extract_lane(kept, 1) === 0));
  }
  // the last row of an odd count
  for (; i < last; i++) {
    const a = load<i32>(labels + ((<usize>i) << 2));
    const c = (<usize>max(a, 0)) << 3; // a = -1 reads centre 0's terms, unused
    // own centre moved away by at most its travel since the bound was set, others came closer by at most theirs
    const ta = load<f64>(travel + c);
    const oa = load<f64>(othersTravel + c);
    const h = load<f64>(halfGap + c);
    const l = load<f64>(lower + ((<usize>i) << 3)) - oa;
    // biome-ignore lint/complexity/useMathMinMax: the JavaScript kernel's expression (max differs on -0 and NaN)
    const bound = h > l ? h : l;
    const u = load<f64>(upper + ((<usize>i) << 3)) + ta;
    const kept = (a >= 0) & (u < bound - MARGIN * (bound + u + ta + oa));
    store<i32>(out + ((<usize>count) << 2), i);
    count += <i32>!kept;
  }
  return count;
}

/** Two f64 values (byte offsets p0 and p1) as the lanes of one vector. */
function lanePair(p0: usize, p1: usize): v128 {
  return f64x2.replace_lane(f64x2.splat(load<f64>(p0)), 1, load<f64>(p1));
}

/**
 * Of the `count` rows listed at `rows`, list at `out` those that their upper bound, tightened to the distance to
 * their own centre (written back, relative to the travel, as the JavaScript kernel does), still does not keep, and
 * the rows with no label yet; return how many.
 */
function failTightened(run: AssignState, rows: usize, count: i32, out: usize, d: i32): i32 {
  const labels = run.labels; // the offsets in locals, as in failStored
  const travel = run.travel;
  const othersTravel = run.othersTravel;
  const halfGap = run.halfGap;
  const lower = run.lower;
  const upper = run.upper;
  let listed = 0;
  for (let j = 0; j < count; j++) {
    const i = load<i32>(rows + ((<usize>j) << 2));
    const a = load<i32>(labels + ((<usize>i) << 2));
    let scan = true;
    if (a >= 0) {
      const c = (<usize>a) << 3;
      const ta = load<f64>(travel + c);
      const oa = load<f64>(othersTravel + c);
      const h = load<f64>(halfGap + c);
      const l = load<f64>(lower + ((<usize>i) << 3)) - oa;
      // biome-ignore lint/complexity/useMathMinMax: as above
      const bound = h > l ? h : l;
      const u = Math.sqrt(ownDistance(run, i, a, d));
      store<f64>(upper + ((<usize>i) << 3), u - ta);
      scan = !(u < bound - MARGIN * (bound + u + ta + oa));
    }
    store<i32>(out + ((<usize>listed) << 2), i);
    listed += <i32>scan;
  }
  return listed;
}

/**
 * Load the first and last value of each of the `count` rows listed at `rows`, in a loop with nothing else to do, so
 * that the memory fetches of many rows are under way at once (a row's fetch otherwise waits behind the previous
 * row's arithmetic); the rows are then in cache for the tightening. The loads feed a value written to `sink`.
 */
function touchRows(run: AssignState, rows: usize, count: i32, sink: usize, d: i32): void {
  let bits: i64 = 0;
  const rowBytes = (<usize>d) << 3;
  for (let j = 0; j < count; j++) {
    const row = run.data + <usize>load<i32>(rows + ((<usize>j) << 2)) * rowBytes;
    bits |= load<i64>(row) | load<i64>(row + rowBytes - 8);
  }
  store<i64>(sink, bits);
}

/** Squared distance from row i to centre a, summed in feature order (as a loop from 0). */
function ownDistance(run: AssignState, i: i32, a: i32, d: i32): f64 {
  const row = run.data + ((<usize>i * <usize>d) << 3);
  const centre = run.centres + ((<usize>a * <usize>d) << 3);
  let s: f64 = 0;
  for (let f = 0; f < d; f++) {
    const e = load<f64>(row + ((<usize>f) << 3)) - load<f64>(centre + ((<usize>f) << 3));
    s += e * e;
  }
  return s;
}

/**
 * The squared distance from rows row0 and row1 (one per lane) to their nearest and second-nearest centre, and the
 * nearest centre's number, lowest on ties, stored as [best, second, bestC] at `found`.
 */
function nearestTwo(run: AssignState, pair: usize, found: usize, row0: i32, row1: i32, d: i32): void {
  const k = run.k;
  const p0 = run.data + ((<usize>row0 * <usize>d) << 3);
  const p1 = run.data + ((<usize>row1 * <usize>d) << 3);
  // features 0…7 of both rows in locals (tests on d that branch alike for every row), the others in `pair`
  const x0 = bothRows(p0, p1, 0, d);
  const x1 = bothRows(p0, p1, 1, d);
  const x2 = bothRows(p0, p1, 2, d);
  const x3 = bothRows(p0, p1, 3, d);
  const x4 = bothRows(p0, p1, 4, d);
  const x5 = bothRows(p0, p1, 5, d);
  const x6 = bothRows(p0, p1, 6, d);
  const x7 = bothRows(p0, p1, 7, d);
  for (let f = HELD; f < d; f++) v128.store(pair + ((<usize>(f - HELD)) << 4), bothRows(p0, p1, f, d));
  let best = f64x2.splat(Infinity);
  let second = f64x2.splat(Infinity);
  let bestC = f64x2.splat(0);
  for (let c = 0; c < k; c++) {
    const centre = run.centres + ((<usize>c * <usize>d) << 3);
    // feature 0 alone, as 0 + its square is that square exactly, then the others in order
    const e = f64x2.sub(x0, v128.load64_splat(centre));
    let s = f64x2.mul(e, e);
    s = addSquare(s, x1, centre, 1, d);
    s = addSquare(s, x2, centre, 2, d);
    s = addSquare(s, x3, centre, 3, d);
    s = addSquare(s, x4, centre, 4, d);
    s = addSquare(s, x5, centre, 5, d);
    s = addSquare(s, x6, centre, 6, d);
    s = addSquare(s, x7, centre, 7, d);
    for (let f = HELD; f < d; f++) s = addSquare(s, v128.load(pair + ((<usize>(f - HELD)) << 4)), centre, f, d);
    // per lane, the JS kernel's `if (s < best) { second = best; best = s; bestC = c } else if (s < second) second = s`:
    // with pmin(a, b) = b < a ? b : a and pmax(a, b) = a < b ? b : a, pmax(best, s) is the one of the two that is
    // not first (the old best when s < best, else s), and second >= best; no NaN (finite data), no -0 (squares)
    bestC = v128.bitselect(f64x2.splat(<f64>c), bestC, f64x2.lt(s, best));
    second = f64x2.pmin(second, f64x2.pmax(best, s));
    best = f64x2.pmin(best, s);
  }
  v128.store(found, best);
  v128.store(found, second, 16);
  v128.store(found, bestC, 32);
}

/** Feature f of rows p0 and p1 (byte offsets), one per lane; zeros when f >= d. */
function bothRows(p0: usize, p1: usize, f: i32, d: i32): v128 {
  if (f >= d) return f64x2.splat(0);
  return f64x2.replace_lane(f64x2.splat(load<f64>(p0 + ((<usize>f) << 3))), 1, load<f64>(p1 + ((<usize>f) << 3)));
}

/** s + (x − centre[f])² lane by lane, or s when f >= d. */
function addSquare(s: v128, x: v128, centre: usize, f: i32, d: i32): v128 {
  if (f >= d) return s;
  const e = f64x2.sub(x, v128.load64_splat(centre + ((<usize>f) << 3)));
  return f64x2.add(s, f64x2.mul(e, e));
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
function addRows(run: AssignState, first: i32, last: i32, d: i32): void {
  const labels = run.labels; // the offsets in locals, as in failStored
  const counts = run.counts;
  const sums = run.sums;
  const data = run.data;
  for (let i = first; i < last; i++) {
    const a = load<i32>(labels + ((<usize>i) << 2));
    const count = counts + ((<usize>a) << 3);
    store<f64>(count, load<f64>(count) + 1);
    const row = data + ((<usize>i * <usize>d) << 3);
    const sum = sums + ((<usize>a * <usize>d) << 3);
    for (let f = 0; f < d; f++) {
      const p = sum + ((<usize>f) << 3);
      store<f64>(p, load<f64>(p) + load<f64>(row + ((<usize>f) << 3)));
    }
  }
}
