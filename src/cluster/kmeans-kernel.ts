/**
 * The hot loops of k-means generated as JavaScript source specialised for the shape, as scikit-learn's Cython
 * kernels are templated per type: the assignment step with Hamerly's bounds (kmeans-bounds.ts), the row-order
 * cluster sums, the inertia and the column variance. For d <= UNROLL_MAX the feature loop is unrolled (each row in
 * locals, each squared distance one straight expression); for k · d <= LOCALS_MAX the centres are locals too and the
 * centre loop is unrolled. A V8 function compiled for one (d, k) stays monomorphic, which a shared generic loop
 * cannot. The same source runs on the main thread (`new Function`) and in the worker threads (kmeans-threads.ts).
 *
 * Every sum is taken in the same order as a plain loop from 0 (0 + a square is that square exactly), so labels,
 * sums, counts and inertia are bit-identical to the generic code. Internal: inputs are assumed validated.
 */

/** Widest d whose feature loop is unrolled; wider data uses loops. */
const UNROLL_MAX = 8;
/** Most centre coordinates (k · d) held in locals, with the centre loop unrolled too. */
const LOCALS_MAX = 64;

/** Relative margin by which a bound must hold before a point is skipped (far above rounding error). */
export const MARGIN = 1e-9;

/**
 * Assign rows [start, end) to their nearest centre, skipping rows whose bounds prove they cannot move.
 * The bounds are stored relative to the centres' cumulative movement (see HamerlyBounds), so a skipped row writes
 * nothing: `travel[c]` is how far centre c has moved in all, `othersTravel[c]` the summed largest move of the
 * other centres.
 * With `sums` (k × d) and `counts` (k), the members are accumulated in row order; pass null to skip that.
 * With `moves`, the m-th row of the call to change label writes [row, old label] at moves[2 · (start + m)], so
 * that the caller can move it between cluster sums (see `MoveKernel`); rows without a label yet (-1) are not
 * recorded. Returns how many rows changed label.
 */
export type AssignKernel = (
  data: Float64Array,
  centres: Float64Array,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  halfGap: Float64Array,
  travel: Float64Array,
  othersTravel: Float64Array,
  start: number,
  end: number,
  sums: Float64Array | null,
  counts: Float64Array | null,
  moves: Int32Array | null,
) => number;

/**
 * Source of a function expression implementing `AssignKernel` for k centres of d features: the row in locals
 * x0…x{d-1} when d <= UNROLL_MAX, and also the centres in locals c{c}_{f} with the centre loop unrolled when
 * k · d <= LOCALS_MAX.
 */
export function assignKernelSource(d: number, k: number): string {
  const unrolled = d <= UNROLL_MAX;
  const centreLocals = unrolled && k * d <= LOCALS_MAX;
  const features = Array.from({ length: d }, (_, f) => f);
  const x = (f: number | string): string => (unrolled ? `x${f}` : `data[o + ${f}]`);
  /**
   * `|x - centre c|²` summed in feature order, as a plain loop from 0 does (0 + a square is that square exactly).
   */
  const distanceTo = (target: string, c: string, fromLocals: boolean): string =>
    unrolled
      ? `${target} = ${features
          .map((f) => {
            const centre = fromLocals ? `c${c}_${f}` : `centres[${c} * ${d} + ${f}]`;
            return `(${x(f)} - ${centre}) * (${x(f)} - ${centre})`;
          })
          .reduce((acc, term) => `(${acc} + ${term})`)};`
      : `${target} = 0; for (let f = 0; f < ${d}; f++) { const e = ${x("f")} - centres[${c} * ${d} + f]; ${target} += e * e; }`;
  // `fromData`: the row is not in locals yet (a row skipped by its bounds is never loaded unless summed)
  const addMember = (c: string, fromData = false): string =>
    `if (sums !== null) { counts[${c}]++; ${
      unrolled
        ? features.map((f) => `sums[${c} * ${d} + ${f}] += ${fromData ? `data[o + ${f}]` : x(f)};`).join(" ")
        : `for (let f = 0; f < ${d}; f++) sums[${c} * ${d} + f] += ${x("f")};`
    } }`;
  const nearestOf = (c: string): string => `
      if (s < best) {
        second = best;
        best = s;
        bestC = ${c};
      } else if (s < second) second = s;`;
  const fullScan = centreLocals
    ? Array.from({ length: k }, (_, c) => `${distanceTo("s", String(c), true)}${nearestOf(String(c))}`).join("\n      ")
    : `for (let c = 0; c < ${k}; c++) {
      ${distanceTo("s", "c", false)}${nearestOf("c")}
    }`;
  const loadCentres = centreLocals
    ? Array.from({ length: k }, (_, c) =>
        features.map((f) => `const c${c}_${f} = centres[${c * d + f}];`).join(" "),
      ).join("\n  ")
    : "";
  return `(function assignRows(data, centres, labels, upper, lower, halfGap, travel, othersTravel, start, end, sums, counts, moves) {
  "use strict";
  let changed = 0;
  ${loadCentres}
  for (let i = start; i < end; i++) {
    const o = i * ${d};
    const a = labels[i];
    let s;
    if (a >= 0) {
      // own centre moved away by at most its travel since the bound was set, others came closer by at most theirs;
      // the margin also covers the rounding of the stored differences (relative to the travel)
      const ta = travel[a], oa = othersTravel[a];
      const u = upper[i] + ta;
      const h = halfGap[a], l = lower[i] - oa;
      const bound = h > l ? h : l; // not Math.max: slower, and neither is NaN
      if (u < bound - ${MARGIN} * (bound + u + ta + oa)) {
        ${addMember("a", true)}
        continue;
      }
    }
    ${unrolled ? features.map((f) => `const x${f} = data[o + ${f}];`).join(" ") : ""}
    if (a >= 0) {
      const ta = travel[a], oa = othersTravel[a];
      const h = halfGap[a], l = lower[i] - oa;
      const bound = h > l ? h : l; // not Math.max: slower, and neither is NaN
      // tighten the upper bound and test again
      ${distanceTo("s", "a", false)}
      const u = Math.sqrt(s);
      upper[i] = u - ta;
      if (u < bound - ${MARGIN} * (bound + u + ta + oa)) {
        ${addMember("a")}
        continue;
      }
    }
    // full scan: nearest and second-nearest centre, lowest centre number on ties
    let best = Infinity, second = Infinity, bestC = 0;
    ${fullScan}
    if (bestC !== a) {
      labels[i] = bestC;
      // no label yet (a = -1) only before the first assignment, which recomputes the sums: nothing to record
      if (moves !== null && a >= 0) {
        const m = 2 * (start + changed);
        moves[m] = i;
        moves[m + 1] = a;
      }
      changed++;
    }
    upper[i] = Math.sqrt(best) - travel[bestC];
    lower[i] = Math.sqrt(second) + othersTravel[bestC];
    ${addMember("bestC")}
  }
  return changed;
})`;
}

/** Sum over rows, in row order, of the squared distance from each row to the centre of its label. */
export type InertiaKernel = (data: Float64Array, centres: Float64Array, labels: ArrayLike<number>, n: number) => number;

/** Source of a function expression implementing `InertiaKernel` for d features (unrolled as above). */
export function inertiaKernelSource(d: number): string {
  const unrolled = d <= UNROLL_MAX;
  const terms = Array.from(
    { length: d },
    (_, f) => `(data[o + ${f}] - centres[c + ${f}]) * (data[o + ${f}] - centres[c + ${f}])`,
  );
  return `(function inertia(data, centres, labels, n) {
  "use strict";
  let total = 0;
  for (let i = 0; i < n; i++) {
    const o = i * ${d};
    const c = labels[i] * ${d};
    ${
      unrolled
        ? `total += ${terms.reduce((acc, term) => `(${acc} + ${term})`)};`
        : `let s = 0;
    for (let f = 0; f < ${d}; f++) { const e = data[o + f] - centres[c + f]; s += e * e; }
    total += s;`
    }
  }
  return total;
})`;
}

/**
 * Apply `count` moves recorded by the assignment kernel from moves[2 · from] on, in order: each row leaves the sum
 * and count of its old label for those of its new one (its label now).
 */
export type MoveKernel = (
  data: Float64Array,
  moves: Int32Array,
  from: number,
  count: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
) => void;

/** Source of a function expression implementing `MoveKernel` for d features (unrolled as above). */
export function moveKernelSource(d: number): string {
  const unrolled = d <= UNROLL_MAX;
  const features = Array.from({ length: d }, (_, f) => f);
  const body = unrolled
    ? features
        .map((f) => `const x${f} = data[o + ${f}]; sums[p + ${f}] -= x${f}; sums[q + ${f}] += x${f};`)
        .join("\n    ")
    : `for (let f = 0; f < ${d}; f++) { const x = data[o + f]; sums[p + f] -= x; sums[q + f] += x; }`;
  return `(function moveRows(data, moves, from, count, labels, sums, counts) {
  "use strict";
  for (let m = 2 * from; m < 2 * (from + count); m += 2) {
    const i = moves[m], old = moves[m + 1], now = labels[i];
    const o = i * ${d}, p = old * ${d}, q = now * ${d};
    counts[old]--;
    counts[now]++;
    ${body}
  }
})`;
}

const moveCompiled = new Map<number, MoveKernel>();

/** The move kernel for d features, compiled once per d. */
export function moveKernel(d: number): MoveKernel {
  return compile(moveCompiled, d, () => moveKernelSource(d));
}

/** Add rows [start, end) to the sums and counts of their labels, in row order. */
export type SumKernel = (
  data: Float64Array,
  labels: Int32Array,
  start: number,
  end: number,
  sums: Float64Array,
  counts: Float64Array,
) => void;

/** Source of a function expression implementing `SumKernel` for d features (unrolled as above). */
export function sumKernelSource(d: number): string {
  const unrolled = d <= UNROLL_MAX;
  const adds = Array.from({ length: d }, (_, f) => `sums[c + ${f}] += data[o + ${f}];`).join(" ");
  return `(function sumRows(data, labels, start, end, sums, counts) {
  "use strict";
  for (let i = start; i < end; i++) {
    const a = labels[i];
    const o = i * ${d};
    const c = a * ${d};
    counts[a]++;
    ${unrolled ? adds : `for (let f = 0; f < ${d}; f++) sums[c + f] += data[o + f];`}
  }
})`;
}

const sumCompiled = new Map<number, SumKernel>();

/** The row-order sum kernel for d features, compiled once per d. */
export function sumKernel(d: number): SumKernel {
  return compile(sumCompiled, d, () => sumKernelSource(d));
}

/** Mean over the d columns of their population variance, both passes in row order (as plain loops sum them). */
export type VarianceKernel = (data: Float64Array, n: number) => number;

/** Source of a function expression implementing `VarianceKernel` for d features (column sums in locals). */
export function varianceKernelSource(d: number): string {
  if (d > UNROLL_MAX) {
    return `(function meanColumnVariance(data, n) {
  "use strict";
  const mean = new Float64Array(${d});
  for (let i = 0, o = 0; i < n; i++, o += ${d}) for (let f = 0; f < ${d}; f++) mean[f] += data[o + f];
  for (let f = 0; f < ${d}; f++) mean[f] /= n;
  let total = 0;
  for (let i = 0, o = 0; i < n; i++, o += ${d}) {
    for (let f = 0; f < ${d}; f++) { const e = data[o + f] - mean[f]; total += e * e; }
  }
  return total / n / ${d};
})`;
  }
  const features = Array.from({ length: d }, (_, f) => f);
  return `(function meanColumnVariance(data, n) {
  "use strict";
  ${features.map((f) => `let m${f} = 0;`).join(" ")}
  for (let o = 0; o < n * ${d}; o += ${d}) { ${features.map((f) => `m${f} += data[o + ${f}];`).join(" ")} }
  ${features.map((f) => `m${f} /= n;`).join(" ")}
  let total = 0;
  for (let o = 0; o < n * ${d}; o += ${d}) {
    ${features.map((f) => `const e${f} = data[o + ${f}] - m${f};`).join(" ")}
    total = ${features.reduce((acc, f) => `(${acc} + e${f} * e${f})`, "total")};
  }
  return total / n / ${d};
})`;
}

/** The variance kernel for d features, compiled once per d. */
export function varianceKernel(d: number): VarianceKernel {
  return compile(varianceCompiled, d, () => varianceKernelSource(d));
}

const varianceCompiled = new Map<number, VarianceKernel>();

function compile<K, F>(cache: Map<K, F>, key: K, source: () => string): F {
  let kernel = cache.get(key);
  if (kernel === undefined) {
    kernel = new Function(`return ${source()};`)() as F;
    cache.set(key, kernel);
  }
  return kernel;
}

const inertiaCompiled = new Map<number, InertiaKernel>();

/** The inertia kernel for d features, compiled once per d. */
export function inertiaKernel(d: number): InertiaKernel {
  return compile(inertiaCompiled, d, () => inertiaKernelSource(d));
}

const compiled = new Map<string, AssignKernel>();

/** The assignment kernel for k centres of d features, compiled once per (d, k). */
export function assignKernel(d: number, k: number): AssignKernel {
  return compile(compiled, `${d}x${k}`, () => assignKernelSource(d, k));
}
