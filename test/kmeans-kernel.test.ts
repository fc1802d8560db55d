/**
 * The k-means assignment kernels: every kernel `assignKernel(d)` picks (generated per d, or the generic one) against
 * brute force and against the generic kernel bit for bit, and the threaded pass (worker threads) against one call of
 * the same kernel on the main thread.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seededRandom } from "../src/core/random";
import { assertClose } from "./helpers/assert-close";
import { HamerlyBounds, type SumMode } from "../src/cluster/kmeans-bounds";
import {
  assignKernel,
  assignRows,
  inertiaKernel,
  moveKernel,
  sumKernel,
  varianceKernel,
  type AssignState,
} from "../src/cluster/kmeans-kernel";
import { inertiaOfRows, meanColumnVariance, moveRows, sumRows } from "../src/cluster/kmeans-rows";
import { sharedStore, wasmStore } from "../src/cluster/kmeans-store";
import { AssignTeam, sharedCopy } from "../src/cluster/kmeans-threads";
import { WasmAssign } from "../src/cluster/kmeans-wasm";

/** n × d uniform rows in [0, 1) and k of them as centres. */
function problem(n: number, d: number, k: number, seed: number): { data: Float64Array; centres: Float64Array } {
  const random = seededRandom(seed);
  const data = Float64Array.from({ length: n * d }, () => random());
  return { data, centres: data.slice(0, k * d) };
}

/** A first-pass state: no labels, no bounds, sums and counts to fill. */
function freshState(data: Float64Array, centres: Float64Array, d: number): AssignState {
  const n = data.length / d;
  const k = centres.length / d;
  return {
    data,
    d,
    k,
    centres,
    labels: new Int32Array(n).fill(-1),
    upper: new Float64Array(n).fill(Infinity),
    lower: new Float64Array(n),
    halfGap: new Float64Array(k),
    travel: new Float64Array(k),
    othersTravel: new Float64Array(k),
    sums: new Float64Array(k * d),
    counts: new Float64Array(k),
    moves: new Int32Array(2 * n),
  };
}

/** The bytes of a typed array, to compare floating-point arrays bit for bit. */
const bits = (a: ArrayBufferView | null): Buffer | null =>
  a === null ? null : Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function assertSameState(actual: AssignState, expected: AssignState, what: string): void {
  for (const key of ["labels", "upper", "lower", "sums", "counts"] as const) {
    assert.deepEqual(bits(actual[key]), bits(expected[key]), `${what}: ${key} differ`);
  }
}

/** The new centres: each cluster's sum over its count. */
function meansOf(state: AssignState, k: number, d: number): Float64Array {
  const next = new Float64Array(k * d);
  for (let j = 0; j < k * d; j++) next[j] = state.sums![j]! / state.counts![Math.floor(j / d)]!;
  return next;
}

describe("the assignment kernels", () => {
  for (let d = 1; d <= 10; d++) {
    it(`d = ${d}: a first pass finds each row's nearest and second-nearest centre and sums them in row order`, () => {
      const n = 500;
      const k = 7;
      const { data, centres } = problem(n, d, k, d);
      const state = freshState(data, centres, d);
      // every row gets a label: n changes, none recorded as moves (no old label)
      assert.equal(assignKernel(d)(state, 0, n), n);
      const sums = new Float64Array(k * d);
      const counts = new Float64Array(k);
      for (let i = 0; i < n; i++) {
        // brute force: squared distances summed feature by feature from 0, lowest centre number on ties
        const distances = Array.from({ length: k }, (_, c) => {
          let s = 0;
          for (let f = 0; f < d; f++) s += (data[i * d + f]! - centres[c * d + f]!) ** 2;
          return s;
        });
        const nearest = distances.indexOf(Math.min(...distances));
        const second = Math.min(...distances.filter((_, c) => c !== nearest));
        assert.equal(state.labels[i], nearest, `row ${i}`);
        assert.equal(state.upper[i], Math.sqrt(distances[nearest]!), `row ${i} upper`);
        assert.equal(state.lower[i], Math.sqrt(second), `row ${i} lower`);
        counts[nearest]!++;
        for (let f = 0; f < d; f++) sums[nearest * d + f]! += data[i * d + f]!;
      }
      assert.deepEqual(bits(state.sums), bits(sums));
      assert.deepEqual(bits(state.counts), bits(counts));
    });
  }

  for (let d = 1; d <= 8; d++) {
    it(`d = ${d}: the specialised kernel equals the generic one bit for bit through a bounded Lloyd run`, () => {
      const n = 2000;
      const k = 6;
      const { data, centres: start } = problem(n, d, k, 100 + d);
      assert.notEqual(assignKernel(d), assignRows); // d <= 8 has its own kernel
      let centres = start;
      const bounds = new HamerlyBounds(n, k);
      const special = freshState(data, centres, d);
      const generic = freshState(data, centres, d);
      let changed = 0;
      let iteration = 0;
      do {
        bounds.prepare(centres, d);
        for (const state of [special, generic]) {
          Object.assign(state, { centres, halfGap: bounds.halfGap, travel: bounds.travel });
          state.othersTravel = bounds.othersTravel;
          state.sums?.fill(0);
          state.counts?.fill(0);
        }
        changed = assignKernel(d)(special, 0, n);
        assert.equal(assignRows(generic, 0, n), changed);
        assertSameState(special, generic, `iteration ${++iteration}`);
        assert.deepEqual(special.moves.subarray(0, 2 * changed), generic.moves.subarray(0, 2 * changed));
        const next = meansOf(special, k, d);
        bounds.update(centres, next, d);
        centres = next;
      } while (changed > 0 && iteration < 100);
      assert.ok(iteration > 3, "long enough for the bounds to skip rows");
    });
  }
});

describe("the inertia and variance passes", () => {
  for (let d = 1; d <= 10; d++) {
    it(`d = ${d}: equal the generic loops bit for bit, and the textbook formulas`, () => {
      const n = 999;
      const k = 4;
      const { data, centres } = problem(n, d, k, 200 + d);
      const labels = Int32Array.from({ length: n }, (_, i) => (i * 7) % k);
      const inertia = inertiaKernel(d)(data, centres, labels, n);
      const variance = varianceKernel(d)(data, n);
      assert.ok(Object.is(inertia, inertiaOfRows(data, d, centres, labels, n)));
      assert.ok(Object.is(variance, meanColumnVariance(data, d, n)));
      // Σ_i |x_i − c_label(i)|² and mean_f (Σ_i (x_if − mean_f)² / n), summed independently of the kernels' order
      let expectedInertia = 0;
      let expectedVariance = 0;
      for (let f = 0; f < d; f++) {
        let mean = 0;
        for (let i = 0; i < n; i++) {
          mean += data[i * d + f]! / n;
          expectedInertia += (data[i * d + f]! - centres[labels[i]! * d + f]!) ** 2;
        }
        for (let i = 0; i < n; i++) expectedVariance += (data[i * d + f]! - mean) ** 2 / n / d;
      }
      assertClose(inertia, expectedInertia, 1e-12);
      assertClose(variance, expectedVariance, 1e-12);
    });
  }
});

describe("the cluster sum and move passes", () => {
  for (let d = 1; d <= 10; d++) {
    it(`d = ${d}: equal the generic loops bit for bit, and moving rows gives the sums of their new labels`, () => {
      const n = 999;
      const k = 4;
      const { data, centres } = problem(n, d, k, 300 + d);
      const state = freshState(data, centres, d);
      state.labels.set(Int32Array.from({ length: n }, (_, i) => (i * 7) % k));
      const sums = new Float64Array(k * d);
      const counts = new Float64Array(k);
      sumKernel(d)(state, 0, n, sums, counts);
      const generic = { sums: new Float64Array(k * d), counts: new Float64Array(k) };
      sumRows(state, 0, n, generic.sums, generic.counts);
      assert.deepEqual(bits(sums), bits(generic.sums));
      assert.deepEqual(bits(counts), bits(generic.counts));
      // every third row changes label, recorded as the assignment records it: [row, old label]
      let moved = 0;
      for (let i = 0; i < n; i += 3, moved++) {
        state.moves.set([i, state.labels[i]!], 2 * moved);
        state.labels[i] = (state.labels[i]! + 1) % k;
      }
      moveKernel(d)(state, 0, moved, sums, counts);
      moveRows(state, 0, moved, generic.sums, generic.counts);
      assert.deepEqual(bits(sums), bits(generic.sums));
      assert.deepEqual(bits(counts), bits(generic.counts));
      // the moved sums are those of the new labels, up to rounding
      const fresh = { sums: new Float64Array(k * d), counts: new Float64Array(k) };
      sumRows(state, 0, n, fresh.sums, fresh.counts);
      assert.deepEqual(counts, fresh.counts);
      assertClose(sums, fresh.sums, 1e-12, 1e-12);
    });
  }
});

describe("the threaded assignment pass", () => {
  // 100,000 rows make 25 blocks of 4096 rows, which the main thread and the helpers share out
  const n = 100_000;
  const d = 3;
  const k = 5;
  const { data, centres: start } = problem(n, d, k, 5);
  const shared = sharedCopy(data);

  /**
   * Lloyd's iterations through HamerlyBounds (recomputing the sums every third iteration, updating them else):
   * labels, sums and counts after each pass, and the final bounds.
   */
  function run(team: AssignTeam | undefined): { passes: Float64Array[]; upper: Float64Array; lower: Float64Array } {
    const bounds = new HamerlyBounds(n, k, team);
    const labels = (team ? team.state.labels : new Int32Array(n)).fill(-1);
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    const X = { data: shared, nSamples: n, nFeatures: d };
    let centres = Float64Array.from(start);
    const passes: Float64Array[] = [];
    for (let iteration = 0; iteration < 12; iteration++) {
      const mode: SumMode = iteration % 3 === 0 ? "recompute" : "update";
      const changed = bounds.assign(X, centres, labels, sums, counts, mode);
      passes.push(Float64Array.from([changed, ...labels, ...sums, ...counts]));
      const next = Float64Array.from(sums, (s, j) => s / counts[Math.floor(j / d)]!);
      bounds.update(centres, next, d);
      centres = next;
    }
    return { passes, upper: bounds.upper, lower: bounds.lower };
  }

  it("runs the main thread's kernel: changes, labels, sums and bounds as one call of assignKernel(d), 2 and 3 threads, JavaScript and WebAssembly stores", () => {
    const one = run(undefined);
    assert.ok(one.passes.at(-1)![0]! < one.passes[1]![0]!, "rows settle, so later passes skip rows by their bounds");
    for (const threads of [2, 3]) {
      // the helpers start in the background (loading the worker module): pass until they take blocks
      const warmUp = new AssignTeam(sharedStore(shared, n, k, d), threads);
      const deadline = Date.now() + 20_000;
      for (let passes = 1; Date.now() < deadline; passes++) {
        const X = { data: shared, nSamples: n, nFeatures: d };
        const bounds = new HamerlyBounds(n, k, warmUp);
        bounds.assign(X, start, warmUp.state.labels.fill(-1), new Float64Array(k * d), new Float64Array(k), "none");
        if (warmUp.mainBlocks < passes * warmUp.nBlocks) break;
      }
      warmUp.close();
      const wasm = new WasmAssign(n, d, k, { slots: threads });
      wasm.setData(data);
      const stores = { JavaScript: sharedStore(shared, n, k, d), WebAssembly: wasmStore(wasm) };
      for (const [kernel, store] of Object.entries(stores)) {
        const team = new AssignTeam(store, threads);
        try {
          const many = run(team);
          const at = `${kernel}, ${threads} threads`;
          assert.ok(team.mainBlocks < many.passes.length * team.nBlocks, `${at}: the helpers took blocks`);
          many.passes.forEach((pass, p) => assert.deepEqual(bits(pass), bits(one.passes[p]!), `${at}, pass ${p}`));
          assert.deepEqual(bits(many.upper), bits(one.upper));
          assert.deepEqual(bits(many.lower), bits(one.lower));
        } finally {
          team.close();
        }
      }
    }
  });
});
