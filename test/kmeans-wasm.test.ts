import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HamerlyBounds } from "../src/cluster/kmeans-bounds";
import { assignKernel, type AssignState } from "../src/cluster/kmeans-kernel";
import { WasmAssign } from "../src/cluster/kmeans-wasm";
import { randomNormal, seededRandom } from "../src/core/random";

type Shape = "uniform" | "blobs" | "grid";

/**
 * n × d seeded data: uniform in [0, 1); 5 blobs of unit noise around centres in [-10, 10]^d; or points on the
 * integer grid {0, 1, 2}^d, where many rows are exactly as far from two centres (ties).
 */
function makeData(shape: Shape, n: number, d: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const data = new Float64Array(n * d);
  const blobs = Array.from({ length: 5 * d }, () => 20 * random() - 10);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(random() * 5);
    for (let f = 0; f < d; f++) {
      if (shape === "uniform") data[i * d + f] = random();
      else if (shape === "blobs") data[i * d + f] = blobs[b * d + f]! + randomNormal(random);
      else data[i * d + f] = Math.floor(3 * random());
    }
  }
  return data;
}

/** k centres drawn from the rows; on the grid, centre 1 repeats centre 0, so every row ties between the two. */
function initialCentres(data: Float64Array, n: number, d: number, k: number, shape: Shape, seed: number): Float64Array {
  const random = seededRandom(seed + 1);
  const centres = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    const row = shape === "grid" && c === 1 ? 0 : Math.floor(random() * n);
    const from = shape === "grid" && c === 1 ? centres.subarray(0, d) : data.subarray(row * d, row * d + d);
    centres.set(from, c * d);
  }
  return centres;
}

/** Byte-for-byte equality, reporting the first differing element. */
function assertSameBits(name: string, actual: Float64Array | Int32Array, expected: Float64Array | Int32Array): void {
  assert.equal(actual.length, expected.length, `${name}: length`);
  const a = new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength);
  const e = new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength);
  if (Buffer.compare(a, e) === 0) return;
  const i = expected.findIndex((v, j) => !Object.is(v, actual[j]));
  assert.fail(`${name}[${i}]: wasm ${actual[i]} vs JS ${expected[i]}`);
}

/** The cluster means of rows labelled 0…k-1 (a centre with no rows stays where it was). */
function means(data: Float64Array, labels: Int32Array, centres: Float64Array, d: number): Float64Array {
  const k = centres.length / d;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  labels.forEach((c, i) => {
    counts[c]!++;
    for (let f = 0; f < d; f++) sums[c * d + f]! += data[i * d + f]!;
  });
  return centres.map((x, j) => {
    const count = counts[Math.floor(j / d)]!;
    return count > 0 ? sums[j]! / count : x;
  });
}

/**
 * Run `iterations` Lloyd iterations with Hamerly's bounds through the JS kernel and the wasm kernel side by side
 * (each pass split in `chunks` row ranges, taking turns between two scratch slots, the sums recomputed every
 * other iteration from the first) and compare every output.
 */
function compareRuns(shape: Shape, n: number, d: number, k: number, iterations: number, chunks: number): void {
  const data = makeData(shape, n, d, 7 * d + k);
  let centres = initialCentres(data, n, d, k, shape, 7 * d + k);
  const js = new HamerlyBounds(n, k); // bound terms for both; the JS kernel's own bounds arrays below
  const labels = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n).fill(Infinity);
  const lower = new Float64Array(n);
  const moves = new Int32Array(2 * n);
  const wasm = new WasmAssign(n, d, k, { slots: 2 });
  wasm.setData(data);
  const kernel = assignKernel(d);
  const state = { data, d, k, centres, labels, upper, lower, ...boundTerms(js), sums: null, counts: null, moves };
  for (let iteration = 0; iteration < iterations; iteration++) {
    js.prepare(centres, d);
    wasm.centres.set(centres);
    wasm.halfGap.set(js.halfGap);
    wasm.travel.set(js.travel);
    wasm.othersTravel.set(js.othersTravel);
    const withSums = iteration % 2 === 0;
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    wasm.sums.fill(0);
    wasm.counts.fill(0);
    for (let chunk = 0; chunk < chunks; chunk++) {
      const start = Math.floor((chunk * n) / chunks);
      const end = Math.floor(((chunk + 1) * n) / chunks);
      const expected = kernel(
        { ...state, centres, ...boundTerms(js), sums: withSums ? sums : null, counts: withSums ? counts : null },
        start,
        end,
      );
      const actual = wasm.assign(start, end, { sums: withSums, slot: chunk % 2 });
      const at = `${shape} d=${d} k=${k} iteration ${iteration} rows [${start}, ${end})`;
      assert.equal(actual, expected, `${at}: changed`);
      assertSameBits(
        `${at}: moves`,
        wasm.moves.subarray(2 * start, 2 * (start + expected)),
        moves.subarray(2 * start, 2 * (start + expected)),
      );
    }
    const at = `${shape} d=${d} k=${k} iteration ${iteration}`;
    assertSameBits(`${at}: labels`, wasm.labels, labels);
    assertSameBits(`${at}: upper`, wasm.upper, upper);
    assertSameBits(`${at}: lower`, wasm.lower, lower);
    if (withSums) {
      assertSameBits(`${at}: sums`, wasm.sums, sums);
      assertSameBits(`${at}: counts`, wasm.counts, counts);
    }
    const next = means(data, labels, centres, d);
    js.update(centres, next, d);
    centres = next;
  }
}

/** The bound terms of `bounds` (see AssignState). */
function boundTerms(bounds: HamerlyBounds): Pick<AssignState, "halfGap" | "travel" | "othersTravel"> {
  return { halfGap: bounds.halfGap, travel: bounds.travel, othersTravel: bounds.othersTravel };
}

describe("the wasm assignment pass is bit-identical to the JS kernel", () => {
  const shapes: Shape[] = ["uniform", "blobs", "grid"];
  const cases: [d: number, k: number][] = [
    [1, 2],
    [2, 3],
    [3, 12],
    [4, 5],
    [5, 7],
    [8, 8],
    [9, 4],
    [13, 11],
  ];
  for (const shape of shapes) {
    for (const [d, k] of cases) {
      it(`${shape}, d=${d}, k=${k}: labels, bounds, moves, sums over 6 iterations`, () => {
        compareRuns(shape, 1531, d, k, 6, 1);
      });
    }
  }
  it("a pass split into row ranges records the moves from 2 · start on, as the JS kernel does", () => {
    compareRuns("blobs", 2000, 3, 6, 5, 3);
    compareRuns("uniform", 777, 10, 9, 5, 4);
  });
  it("rows where the scan ties keep the lowest centre (grid data, centre 1 = centre 0)", () => {
    const n = 500;
    const d = 2;
    const data = makeData("grid", n, d, 3);
    const wasm = new WasmAssign(n, d, 3);
    wasm.setData(data);
    wasm.centres.set([1, 1, 1, 1, 0, 0]);
    wasm.assign(0, n);
    // a row is nearer centre 2 = (0, 0) only when its squared distance to (1, 1) is larger, e.g. (0, 0) vs (0, 1)
    data.forEach((_, j) => {
      if (j % d !== 0) return;
      const [x, y] = [data[j]!, data[j + 1]!];
      const nearOne = (x - 1) ** 2 + (y - 1) ** 2 <= x ** 2 + y ** 2;
      assert.equal(wasm.labels[j / d], nearOne ? 0 : 2, `row (${x}, ${y})`);
    });
  });
});

describe("WasmAssign", () => {
  it("refuses a run that needs more than 4 GiB of WebAssembly memory, naming the shape", () => {
    // 2^27 rows × 4 features × 8 bytes = 4 GiB of data alone
    assert.throws(() => new WasmAssign(2 ** 27, 4, 5), /WasmAssign: n=134217728, d=4, k=5 need \d+ bytes/);
  });
  it("starts with no labels, infinite upper and zero lower bounds, in shared memory", () => {
    const wasm = new WasmAssign(3, 2, 2);
    assert.deepEqual(Array.from(wasm.labels), [-1, -1, -1]);
    assert.deepEqual(Array.from(wasm.upper), [Infinity, Infinity, Infinity]);
    assert.deepEqual(Array.from(wasm.lower), [0, 0, 0]);
    assert.ok(wasm.memory.buffer instanceof SharedArrayBuffer);
  });
});
