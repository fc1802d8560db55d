/**
 * Rules speed: `explainSegments` with IMM on 1,000,000 × 4 uniform rows, k = 8 (labels = nearest of 8 seeded
 * centres), goal ≤ 5 s (bench/goals.ts); and the CART surrogate with 2k = 16 leaves on the same rows. Sorted-prefix counting
 * makes IMM O(d · n · depth) after one radix sort per feature. `--quick`: 100,000 rows.
 * Last stdout line: JSON rows.
 *   node --import tsx bench/rules.bench.ts [--quick]
 */
import { fromFlat } from "../src/core/matrix";
import { seededRandom } from "../src/core/random";
import { explainSegments } from "../src/rules";
import { benchData, median, readFloat64 } from "./core-data";

const QUICK = process.argv.includes("--quick");
const N = QUICK ? 100_000 : 1_000_000;
const D = 4;
const K = 8;
const REPEATS = 3;

const X = fromFlat({ data: readFloat64(benchData("uniform", N, D, 0)), nSamples: N, nFeatures: D });
const random = seededRandom(8);
const centroids = Array.from({ length: K }, () => Array.from({ length: D }, () => random()));
const labels = X.map((row) => {
  let best = 0;
  let bestD = Infinity;
  centroids.forEach((c, ci) => {
    let dist = 0;
    for (let j = 0; j < D; j++) dist += (row[j]! - c[j]!) ** 2;
    if (dist < bestD) [best, bestD] = [ci, dist];
  });
  return best;
});

/** Wall times, and CPU times (user + system: what the process itself used, apart from other load on the machine). */
function time(run: () => { fidelity: number; rules: unknown[] }): {
  times: number[];
  cpu: number[];
  fidelity: number;
  leaves: number;
} {
  const times: number[] = [];
  const cpu: number[] = [];
  let last = run();
  for (let r = 0; r < REPEATS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = run();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { times, cpu, fidelity: last.fidelity, leaves: last.rules.length };
}

const imm = time(() => explainSegments(X, labels, { centroids }));
const cart = time(() => explainSegments(X, labels, { method: "cart", maxLeaves: 2 * K }));
const peakMb = process.resourceUsage().maxRSS / 1024;
const rows = [
  {
    bench: `rules imm ${N}x${D} k=${K}`,
    impl: "ours",
    medianMs: median(imm.times),
    peakMb,
    note: `cpu ${median(imm.cpu).toFixed(0)} ms, fidelity ${imm.fidelity.toFixed(4)}, ${imm.leaves} leaves`,
  },
  {
    bench: `rules cart ${N}x${D} k=${K}`,
    impl: "ours",
    medianMs: median(cart.times),
    peakMb,
    note: `cpu ${median(cart.cpu).toFixed(0)} ms, fidelity ${cart.fidelity.toFixed(4)}, ${cart.leaves} leaves`,
  },
];
for (const r of rows)
  console.error(
    `${r.bench.padEnd(30)} ${r.impl.padEnd(6)} ${r.medianMs.toFixed(1).padStart(9)} ms ${r.peakMb.toFixed(0).padStart(6)} MB  ${r.note}`,
  );
console.log(JSON.stringify(rows));
