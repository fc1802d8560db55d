/**
 * The two passes of k-means++ (`ClosestKernel` and `PotentialKernel` of kmeans-plusplus-kernel.ts) in WebAssembly
 * SIMD, bit-identical to the JavaScript ones: two ROWS per f64x2 (one per lane), every squared distance summed in
 * feature order, `pmin(own, s)` for `s < own ? s : own`, and the running sum and each potential added to lane 0
 * then lane 1, in row order. All arguments are byte offsets into the imported memory (f64 arrays 16-aligned, found
 * i32), counts, or d. Compiled by scripts/build-wasm.mjs.
 */

/** Features of a row pair held in locals; the rest are read from the pair buffer. */
const HELD = 8;

/**
 * closest[i] = min(closest[i], |row i − centre|²) for the n rows of `data` (n × d), walking the running sum of the
 * new closest distances to the nTargets ascending `targets`: found[t] is the first row whose running sum is >=
 * targets[t], -1 if none. `pair` holds 16 · d bytes of scratch. Returns the sum (the potential).
 */
export function closest(
  data: usize,
  n: i32,
  d: i32,
  closestAt: usize,
  centre: usize,
  targets: usize,
  nTargets: i32,
  found: usize,
  pair: usize,
): f64 {
  for (let t = 0; t < nTargets; t++) store<i32>(found + ((<usize>t) << 2), -1);
  let next = 0;
  let target = nextTarget(targets, 0, nTargets);
  let running: f64 = 0;
  const rowBytes = (<usize>d) << 3;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const p0 = data + <usize>i * rowBytes;
    const own = f64x2.pmin(v128.load(closestAt + ((<usize>i) << 3)), pairDistance(p0, p0 + rowBytes, centre, d, pair));
    v128.store(closestAt + ((<usize>i) << 3), own);
    running += f64x2.extract_lane(own, 0);
    while (running >= target) {
      store<i32>(found + ((<usize>next) << 2), i);
      next++;
      target = nextTarget(targets, next, nTargets);
    }
    running += f64x2.extract_lane(own, 1);
    while (running >= target) {
      store<i32>(found + ((<usize>next) << 2), i + 1);
      next++;
      target = nextTarget(targets, next, nTargets);
    }
  }
  // the last row of an odd n
  if (i < n) {
    const p = closestAt + ((<usize>i) << 3);
    const s = rowDistance(data + <usize>i * rowBytes, centre, d);
    const before = load<f64>(p);
    // biome-ignore lint/complexity/useMathMinMax: the JavaScript kernel's expression (min differs on -0 and NaN)
    const own = s < before ? s : before;
    store<f64>(p, own);
    running += own;
    while (running >= target) {
      store<i32>(found + ((<usize>next) << 2), i);
      next++;
      target = nextTarget(targets, next, nTargets);
    }
  }
  return running;
}

/**
 * potentials[t] = Σᵢ min(closest[i], |row i − candidate t|²) for the `trials` candidates (trials × d at
 * `candidates`), each summed in row order. `pair` holds 16 · d bytes of scratch.
 */
export function potentials(
  data: usize,
  n: i32,
  d: i32,
  closestAt: usize,
  candidates: usize,
  trials: i32,
  potentialsAt: usize,
  pair: usize,
): void {
  const rowBytes = (<usize>d) << 3;
  for (let t = 0; t < trials; t++) store<f64>(potentialsAt + ((<usize>t) << 3), 0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const p0 = data + <usize>i * rowBytes;
    const own = v128.load(closestAt + ((<usize>i) << 3));
    // the row pair's features once, then each candidate
    for (let f = 0; f < d; f++) v128.store(pair + ((<usize>f) << 4), bothRows(p0, p0 + rowBytes, f));
    for (let t = 0; t < trials; t++) {
      const kept = f64x2.pmin(own, heldDistance(pair, candidates + <usize>t * rowBytes, d));
      const at = potentialsAt + ((<usize>t) << 3);
      store<f64>(at, load<f64>(at) + f64x2.extract_lane(kept, 0) + f64x2.extract_lane(kept, 1));
    }
  }
  // the last row of an odd n
  if (i < n) {
    const row = data + <usize>i * rowBytes;
    const own = load<f64>(closestAt + ((<usize>i) << 3));
    for (let t = 0; t < trials; t++) {
      const s = rowDistance(row, candidates + <usize>t * rowBytes, d);
      const at = potentialsAt + ((<usize>t) << 3);
      // biome-ignore lint/complexity/useMathMinMax: as above
      store<f64>(at, load<f64>(at) + (s < own ? s : own));
    }
  }
}

/** targets[next], or NaN past the last (no running sum is >= NaN, so the walk stops there). */
function nextTarget(targets: usize, next: i32, nTargets: i32): f64 {
  return next < nTargets ? load<f64>(targets + ((<usize>next) << 3)) : NaN;
}

/** Feature f of the rows at p0 and p1 (byte offsets), one per lane. */
function bothRows(p0: usize, p1: usize, f: i32): v128 {
  return f64x2.replace_lane(f64x2.splat(load<f64>(p0 + ((<usize>f) << 3))), 1, load<f64>(p1 + ((<usize>f) << 3)));
}

/** |row − centre|² for the rows at p0 and p1, one per lane, summed in feature order; `pair` is scratch. */
function pairDistance(p0: usize, p1: usize, centre: usize, d: i32, pair: usize): v128 {
  if (d <= HELD) {
    // feature 0 alone, as 0 + its square is that square exactly, then the others in order
    const e = f64x2.sub(bothRows(p0, p1, 0), v128.load64_splat(centre));
    let s = f64x2.mul(e, e);
    for (let f = 1; f < d; f++) {
      const g = f64x2.sub(bothRows(p0, p1, f), v128.load64_splat(centre + ((<usize>f) << 3)));
      s = f64x2.add(s, f64x2.mul(g, g));
    }
    return s;
  }
  for (let f = 0; f < d; f++) v128.store(pair + ((<usize>f) << 4), bothRows(p0, p1, f));
  return heldDistance(pair, centre, d);
}

/** |row − centre|² lane by lane for the row pair whose features are at `pair` (d v128), in feature order. */
function heldDistance(pair: usize, centre: usize, d: i32): v128 {
  const e = f64x2.sub(v128.load(pair), v128.load64_splat(centre));
  let s = f64x2.mul(e, e);
  for (let f = 1; f < d; f++) {
    const g = f64x2.sub(v128.load(pair + ((<usize>f) << 4)), v128.load64_splat(centre + ((<usize>f) << 3)));
    s = f64x2.add(s, f64x2.mul(g, g));
  }
  return s;
}

/** |row − centre|² for one row, summed in feature order. */
function rowDistance(row: usize, centre: usize, d: i32): f64 {
  let s: f64 = 0;
  for (let f = 0; f < d; f++) {
    const e = load<f64>(row + ((<usize>f) << 3)) - load<f64>(centre + ((<usize>f) << 3));
    s += e * e;
  }
  return s;
}
