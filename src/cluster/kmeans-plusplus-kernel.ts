/**
 * The two passes of k-means++ (kmeans-init.ts) generated as JavaScript source specialised for the number of
 * features d and of candidates, as kmeans-kernel.ts does for Lloyd: for d <= UNROLL_MAX each row is read once into
 * locals and each squared distance is one straight expression, and the candidates' coordinates are locals too. A
 * generic loop over d and the candidates runs 2-3× slower on 1e6 × 4.
 *
 * Every squared distance is summed in feature order and every potential in row order, as a plain loop from 0 does
 * (0 + a square is that square exactly), so the results are bit-identical to the generic code. Internal: inputs are
 * assumed validated.
 */

/** Widest d whose feature loop is unrolled; wider data uses loops. */
const UNROLL_MAX = 8;

/**
 * closest[i] = min(closest[i], |row i − centre|²) for every row, and meanwhile the running sum of closest walked to
 * the targets (ascending): found[t] is the first row whose cumulative sum is >= targets[t], -1 if none. Returns
 * the sum of the new closest distances (the potential).
 */
export type ClosestKernel = (
  data: Float64Array,
  closest: Float64Array,
  centre: Float64Array,
  targets: Float64Array,
  found: Int32Array,
) => number;

/** potentials[t] = Σᵢ min(closest[i], |row i − candidate t|²), candidate t being row t of `candidates` (trials × d). */
export type PotentialKernel = (
  data: Float64Array,
  closest: Float64Array,
  candidates: Float64Array,
  potentials: Float64Array,
) => void;

/** `let s = |row − point|²` in feature order, the row in locals x0… (unrolled) or read from data at offset o. */
function distance(d: number, point: (f: number | string) => string): string {
  if (d > UNROLL_MAX) {
    return `let s = 0; for (let f = 0; f < ${d}; f++) { const e = data[o + f] - ${point("f")}; s += e * e; }`;
  }
  const sum = Array.from({ length: d }, (_, f) => `(x${f} - ${point(f)}) * (x${f} - ${point(f)})`).reduce(
    (acc, term) => `(${acc} + ${term})`,
  );
  return `const s = ${sum};`;
}

/** Load row i into locals x0… when unrolled. */
function loadRow(d: number): string {
  return d > UNROLL_MAX ? "" : Array.from({ length: d }, (_, f) => `const x${f} = data[o + ${f}];`).join(" ");
}

function closestSource(d: number): string {
  const unrolled = d <= UNROLL_MAX;
  const locals = unrolled ? Array.from({ length: d }, (_, f) => `const m${f} = centre[${f}];`) : [];
  const point = (f: number | string): string => (unrolled ? `m${f}` : `centre[${f}]`);
  return `function closestKernel(data, closest, centre, targets, found) {
  ${locals.join(" ")}
  const n = closest.length;
  const m = targets.length;
  found.fill(-1);
  let next = 0;
  let running = 0;
  for (let i = 0, o = 0; i < n; i++, o += ${d}) {
    ${loadRow(d)}
    ${distance(d, point)}
    const own = s < closest[i] ? s : closest[i];
    closest[i] = own;
    running += own;
    while (next < m && running >= targets[next]) found[next++] = i;
  }
  return running;
}`;
}

function potentialSource(d: number, trials: number): string {
  const unrolled = d <= UNROLL_MAX;
  const lines: string[] = [];
  for (let t = 0; t < trials; t++) {
    const point = (f: number | string): string => (unrolled ? `c${t}_${f}` : `candidates[${t * d} + ${f}]`);
    lines.push(`{ ${distance(d, point)} p${t} += s < own ? s : own; }`);
  }
  const locals = unrolled
    ? Array.from({ length: trials * d }, (_, j) => `const c${Math.floor(j / d)}_${j % d} = candidates[${j}];`)
    : [];
  return `function potentialKernel(data, closest, candidates, potentials) {
  ${locals.join(" ")}
  ${Array.from({ length: trials }, (_, t) => `let p${t} = 0;`).join(" ")}
  const n = closest.length;
  for (let i = 0, o = 0; i < n; i++, o += ${d}) {
    ${loadRow(d)}
    const own = closest[i];
    ${lines.join("\n    ")}
  }
  ${Array.from({ length: trials }, (_, t) => `potentials[${t}] = p${t};`).join(" ")}
}`;
}

const cache = new Map<string, ClosestKernel | PotentialKernel>();

function compiled<T extends ClosestKernel | PotentialKernel>(key: string, source: () => string): T {
  let kernel = cache.get(key);
  if (kernel === undefined) {
    kernel = new Function(`return ${source()}`)() as T;
    cache.set(key, kernel);
  }
  return kernel as T;
}

/** The `ClosestKernel` for d features (compiled once per d). */
export function closestKernel(d: number): ClosestKernel {
  return compiled(`closest ${d}`, () => closestSource(d));
}

/** The `PotentialKernel` for d features and `trials` candidates (compiled once per pair). */
export function potentialKernel(d: number, trials: number): PotentialKernel {
  return compiled(`potential ${d} ${trials}`, () => potentialSource(d, trials));
}
