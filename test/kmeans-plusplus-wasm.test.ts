/**
 * The WebAssembly SIMD passes of k-means++ (kmeans-plusplus-wasm.ts) against the JavaScript ones, bit for bit: the
 * closest distances, the rows found for the targets, the potentials and the chosen centres, for d = 1 … 9, several
 * k, n odd and even, on uniform data and on small integers (ties between distances, exact cumulative sums that
 * targets hit on the boundary).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { kmeansPlusPlus } from "../src/cluster/kmeans-init";
import { closestRows, jsPlusPlusPasses, potentialRows } from "../src/cluster/kmeans-plusplus-kernel";
import { localTrials, wasmPlusPlusPasses } from "../src/cluster/kmeans-plusplus-wasm";
import { tryWasmAssign, type WasmAssign } from "../src/cluster/kmeans-wasm";
import { seededRandom } from "../src/core/random";

type Kind = "uniform" | "integer";

function makeData(kind: Kind, length: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length }, () => (kind === "uniform" ? random() : Math.floor(random() * 5)));
}

/** The Float64 bits, to compare exactly (deepEqual would pass -0 against 0). */
function bits(values: Float64Array | number[]): string {
  return Buffer.from(Float64Array.from(values).buffer).toString("hex");
}

/** A WasmAssign holding `data` (n × d) for k centres; released after `use`. */
function withWasm<T>(data: Float64Array, n: number, d: number, k: number, use: (wasm: WasmAssign) => T): T {
  const wasm = tryWasmAssign(n, d, k);
  assert.ok(wasm, "WebAssembly with shared memory is available here");
  wasm.setData(data);
  try {
    return use(wasm);
  } finally {
    wasm.release();
  }
}

describe("k-means++'s WebAssembly passes equal the JavaScript loops bit for bit", () => {
  for (const kind of ["uniform", "integer"] as const) {
    for (let d = 1; d <= 9; d++) {
      for (const n of [1, 2, 7, 512, 513]) {
        it(`${kind}, d = ${d}, n = ${n}`, () => {
          const data = makeData(kind, n * d, 100 * d + n);
          const random = seededRandom(d + n);
          const start = Float64Array.from({ length: n }, () =>
            kind === "uniform" ? random() * d : Math.floor(random() * 4 * d),
          );
          const centre = data.slice(((n - 1) >> 1) * d, ((n + 1) >> 1) * d);
          // the generic loops (the definition) on a copy of the start
          const closest = start.slice();
          const total = closestRows(d)(data, closest, centre, new Float64Array(0), new Int32Array(0));
          // targets on exact running sums (integers), between them, and beyond the total; as many as candidates
          let running = 0;
          const sums = Array.from(closest, (v) => (running += v));
          const targetsFor: Record<number, number[]> = {
            1: [sums[n >> 1]!, total + 1],
            5: [0, sums[n >> 2]! + 0.25, total],
            20: [sums[n >> 1]!, total / 3, total, total + 1],
          };
          for (const k of [1, 5, 20]) {
            const trials = localTrials(k);
            const targets = Float64Array.from(targetsFor[k]!.sort((a, b) => a - b));
            assert.equal(targets.length, trials);
            const expected = start.slice();
            const expectedFound = new Int32Array(trials);
            const expectedTotal = closestRows(d)(data, expected, centre, targets, expectedFound);
            const candidates = data.slice(0, Math.min(trials, n) * d);
            const expectedPotentials = new Float64Array(candidates.length / d);
            potentialRows(d)(data, expected, candidates, expectedPotentials);
            withWasm(data, n, d, k, (wasm) => {
              const passes = wasmPlusPlusPasses(wasm);
              passes.closest.set(start);
              const found = new Int32Array(targets.length);
              assert.ok(Object.is(passes.lower(centre, targets, found), expectedTotal));
              assert.equal(bits(passes.closest), bits(expected));
              assert.deepEqual(found, expectedFound);
              const potentials = new Float64Array(expectedPotentials.length);
              passes.potentials(candidates, potentials);
              assert.equal(bits(potentials), bits(expectedPotentials));
              passes.done();
              assert.ok(
                wasm.upper.every((v) => v === Infinity),
                "done() leaves the upper bounds at Infinity",
              );
            });
          }
        });
      }
    }
  }

  it("the JavaScript passes (generated per d) give the generic loops' bits, so both paths are pinned to them", () => {
    const d = 4;
    const n = 301;
    const data = makeData("integer", n * d, 3);
    const passes = jsPlusPlusPasses(data, n, d);
    const found = new Int32Array(0);
    const reference = new Float64Array(n).fill(Infinity);
    assert.ok(
      Object.is(
        passes.lower(data.slice(0, d), new Float64Array(0), found),
        closestRows(d)(data, reference, data.slice(0, d), new Float64Array(0), found),
      ),
    );
    assert.equal(bits(passes.closest), bits(reference));
  });
});

describe("k-means++ chooses the same centres on the WebAssembly passes as on the JavaScript ones", () => {
  for (const kind of ["uniform", "integer"] as const) {
    for (let d = 1; d <= 9; d++) {
      for (const [n, k] of [
        [40, 1],
        [41, 2],
        [1000, 5],
        [1001, 12],
      ] as const) {
        it(`${kind}, d = ${d}, n = ${n}, k = ${k}`, () => {
          const data = makeData(kind, n * d, 7 * d + k);
          const plain = kmeansPlusPlus({ data, nSamples: n, nFeatures: d }, k, seededRandom(k + d));
          const held = withWasm(data, n, d, k, (wasm) => {
            // the wasm path is taken: its closest distances are the upper bounds (refilled with Infinity after)
            let lowered = false;
            const random = seededRandom(k + d);
            const centres = kmeansPlusPlus({ data: wasm.data, nSamples: n, nFeatures: d }, k, () => {
              lowered ||= wasm.upper.some((v) => v !== Infinity);
              return random();
            });
            assert.equal(lowered, k > 1); // with k = 1 the only draw comes before any pass
            return centres;
          });
          assert.equal(bits(held), bits(plain));
        });
      }
    }
  }
});
