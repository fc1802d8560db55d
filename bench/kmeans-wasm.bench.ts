/**
 * One k-means assignment pass on one thread, the JavaScript kernel (kmeans-kernel.ts) against the WebAssembly SIMD
 * kernel (kmeans-wasm.ts), on 1e6 × 4 seeded data (uniform and blobs, bench/data/), k = 5 centres from k-means++:
 * - **mid-run**: the bounds, labels and centres after 3 Lloyd iterations, as an "update" pass (moves recorded, no
 *   sums) of iteration 4;
 * - **cold**: no labels and empty bounds, as the first pass (every row scanned, sums recomputed).
 * Each timing restores the state first (not timed), the two kernels taking turns; median and minimum of the wall
 * times and median CPU time (the steadier figure on a loaded machine). The two kernels' outputs are checked
 * identical. Last stdout line: JSON rows.
 *   node --import tsx bench/kmeans-wasm.bench.ts [--quick]
 */
import { HamerlyBounds } from "../src/cluster/kmeans-bounds";
import { kmeansPlusPlus } from "../src/cluster/kmeans-init";
import { assignKernel, type AssignState } from "../src/cluster/kmeans-kernel";
import { WasmAssign } from "../src/cluster/kmeans-wasm";
import { seededRandom } from "../src/core/random";
import { benchData, median, readFloat64, type Shape } from "./core-data";

const quick = process.argv.includes("--quick");
const N = quick ? 100_000 : 1_000_000;
const D = 4;
const K = 5;
const WARM_UP = 3;
const REPEATS = quick ? 5 : 25;

/** Labels, bounds and bound terms of a run at one moment, to restore before each timed pass. */
interface PassState {
  centres: Float64Array;
  labels: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  bounds: HamerlyBounds;
}

/** The state after `iterations` Lloyd iterations with Hamerly's bounds (JS kernel), centres prepared for the next. */
function stateAfter(data: Float64Array, initial: Float64Array, iterations: number): PassState {
  const X = { data, nSamples: N, nFeatures: D };
  const bounds = new HamerlyBounds(N, K);
  const labels = new Int32Array(N).fill(-1);
  const sums = new Float64Array(K * D);
  const counts = new Float64Array(K);
  let centres = Float64Array.from(initial);
  for (let it = 0; it < iterations; it++) {
    bounds.assign(X, centres, labels, sums, counts, it === 0 ? "recompute" : "update");
    const next = centres.map((x, j) => (counts[Math.floor(j / D)]! > 0 ? sums[j]! / counts[Math.floor(j / D)]! : x));
    bounds.update(centres, next, D);
    centres = next;
  }
  bounds.prepare(centres, D);
  return { centres, labels, upper: bounds.upper, lower: bounds.lower, bounds };
}

interface Timing {
  median: number;
  min: number;
  /** Median CPU time (user + system) of the pass: less sensitive than wall time to other processes' load. */
  cpuMedian: number;
  changed: number;
}

/**
 * Median and minimum of `REPEATS` timings of each pass, each after its `restore` (not timed), after warm-up passes;
 * the passes take turns, so that both see the same load of the machine.
 */
function timeInTurns(passes: { restore: () => void; pass: () => number }[]): Timing[] {
  const times: number[][] = passes.map(() => []);
  const cpuTimes: number[][] = passes.map(() => []);
  const changed: number[] = passes.map(() => 0);
  for (let r = 0; r < WARM_UP + REPEATS; r++) {
    passes.forEach(({ restore, pass }, p) => {
      restore();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      changed[p] = pass();
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (r < WARM_UP) return;
      times[p]!.push(wall);
      cpuTimes[p]!.push((cpu.user + cpu.system) / 1000);
    });
  }
  return times.map((t, p) => ({
    median: median(t),
    min: Math.min(...t),
    cpuMedian: median(cpuTimes[p]!),
    changed: changed[p]!,
  }));
}

const rows: { bench: string; impl: string; medianMs: number; minMs: number; cpuMedianMs: number; changed: number }[] =
  [];
for (const shape of ["uniform", "blobs"] as Shape[]) {
  const data = readFloat64(benchData(shape, N, D));
  const initial = kmeansPlusPlus({ data, nSamples: N, nFeatures: D }, K, seededRandom(0));
  const wasm = new WasmAssign(N, D, K);
  wasm.setData(data);
  const kernel = assignKernel(D);
  for (const moment of ["mid-run", "cold"] as const) {
    const state =
      moment === "mid-run"
        ? stateAfter(data, initial, 3)
        : {
            ...stateAfter(data, initial, 0),
            labels: new Int32Array(N).fill(-1),
            upper: new Float64Array(N).fill(Infinity),
            lower: new Float64Array(N),
          };
    const { halfGap, travel, othersTravel } = state.bounds;
    const withSums = moment === "cold";
    const labels = new Int32Array(N);
    const upper = new Float64Array(N);
    const lower = new Float64Array(N);
    const moves = new Int32Array(2 * N);
    const sums = new Float64Array(K * D);
    const counts = new Float64Array(K);
    const restoreJs = () => {
      labels.set(state.labels);
      upper.set(state.upper);
      lower.set(state.lower);
      sums.fill(0);
      counts.fill(0);
    };
    const restoreWasm = () => {
      wasm.labels.set(state.labels);
      wasm.upper.set(state.upper);
      wasm.lower.set(state.lower);
      wasm.sums.fill(0);
      wasm.counts.fill(0);
    };
    wasm.centres.set(state.centres);
    wasm.halfGap.set(halfGap);
    wasm.travel.set(travel);
    wasm.othersTravel.set(othersTravel);
    const bench = `assignment pass 1e${Math.log10(N)}x${D} k=${K} ${shape} ${moment}`;
    const jsState: AssignState = {
      data,
      d: D,
      k: K,
      centres: state.centres,
      labels,
      upper,
      lower,
      halfGap,
      travel,
      othersTravel,
      sums: withSums ? sums : null,
      counts: withSums ? counts : null,
      moves,
    };
    const jsPass = () => kernel(jsState, 0, N);
    const [js, simd] = timeInTurns([
      { restore: restoreJs, pass: jsPass },
      { restore: restoreWasm, pass: () => wasm.assign(0, N, { sums: withSums }) },
    ]) as [Timing, Timing];
    const same = [
      [wasm.labels, labels],
      [wasm.upper, upper],
      [wasm.lower, lower],
      [wasm.sums, sums],
    ].every(([a, b]) =>
      Buffer.from(a!.buffer, a!.byteOffset, a!.byteLength).equals(Buffer.from(b!.buffer, b!.byteOffset, b!.byteLength)),
    );
    if (!same || js.changed !== simd.changed) throw new Error(`${bench}: the wasm pass differs from the JS kernel`);
    for (const [impl, t] of [
      ["js", js],
      ["wasm", simd],
    ] as const) {
      rows.push({ bench, impl, medianMs: t.median, minMs: t.min, cpuMedianMs: t.cpuMedian, changed: t.changed });
      console.error(
        `${bench.padEnd(44)} ${impl.padEnd(5)} ${t.median.toFixed(2).padStart(8)} ms (min ${t.min.toFixed(2)}, cpu ${t.cpuMedian.toFixed(2)}), ${t.changed} rows changed`,
      );
    }
  }
}
console.log(JSON.stringify(rows));
