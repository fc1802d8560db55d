/**
 * Where the arrays of the assignment passes of one k-means call live, and which kernel runs on them: the JavaScript
 * kernel (`assignKernel(d)`) over SharedArrayBuffers, or the WebAssembly SIMD kernel over one shared
 * WebAssembly.Memory (kmeans-wasm.ts). AssignTeam (kmeans-threads.ts) hands the blocks of each pass out to the
 * main thread and its helpers (kmeans-worker.ts) through either store alike; the sums, counts and moves are then
 * brought up to date by the same JavaScript row passes (kmeans-rows.ts) on the main thread, so both stores give the
 * same bits. Internal: inputs are assumed validated.
 */
import { assignKernel, type AssignState } from "./kmeans-kernel";
import { wasmRangeKernel, type WasmAssign, type WasmMemory, type WasmModule } from "./kmeans-wasm";

/** What a helper thread is sent to run its share of the passes (see `rangeKernel`). */
export type HelperPass =
  | {
      kind: "js";
      n: number;
      k: number;
      d: number;
      /** n × d rows, from byte `dataOffset` on. */
      data: ArrayBufferLike;
      dataOffset: number;
      /** Int32 × n labels, Float64 × n upper and lower bounds, Int32 × 2n moves. */
      labels: ArrayBufferLike;
      upper: ArrayBufferLike;
      lower: ArrayBufferLike;
      moves: ArrayBufferLike;
      /** Float64 × (k · d + 3k): centres, halfGap, travel, othersTravel. */
      params: ArrayBufferLike;
    }
  | { kind: "wasm"; module: WasmModule; memory: WasmMemory; state: number; scratch: number };

/** The per-call arrays of the passes and the kernel that runs them. */
export interface PassStore {
  /** All arrays of the passes (`sums` and `counts` null: see below), in shared memory. */
  readonly state: AssignState;
  /** k × d cluster sums and k counts the passes add to. */
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  /** Assign rows [start, end) on the main thread (moves from 2 · start on), adding them to `sums` when asked. */
  assign(start: number, end: number, withSums: boolean): number;
  /** The message for the helper using scratch slot `slot` (1 … threads − 1). */
  helperPass(slot: number): HelperPass;
  /** End of the call: nothing uses the store afterwards. */
  release(): void;
}

/** A store of SharedArrayBuffers for the JavaScript kernel; `data` must live in shared memory (see `sharedCopy`). */
export function sharedStore(data: Float64Array, n: number, k: number, d: number): PassStore {
  const shared = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(bytes);
  const pass: HelperPass = {
    kind: "js",
    n,
    k,
    d,
    data: data.buffer,
    dataOffset: data.byteOffset,
    labels: shared(n * Int32Array.BYTES_PER_ELEMENT),
    upper: shared(n * Float64Array.BYTES_PER_ELEMENT),
    lower: shared(n * Float64Array.BYTES_PER_ELEMENT),
    moves: shared(2 * n * Int32Array.BYTES_PER_ELEMENT),
    params: shared((k * d + 3 * k) * Float64Array.BYTES_PER_ELEMENT),
  };
  const state = jsState(pass);
  const kernel = assignKernel(d);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  return {
    state,
    sums,
    counts,
    assign(start, end, withSums) {
      state.sums = withSums ? sums : null;
      state.counts = withSums ? counts : null;
      const changed = kernel(state, start, end);
      state.sums = state.counts = null;
      return changed;
    },
    helperPass: () => pass,
    release: () => {},
  };
}

/** A store in a `WasmAssign`'s memory (its `slots` bound the threads), run by the WebAssembly kernel. */
export function wasmStore(wasm: WasmAssign): PassStore {
  const { sums, counts } = wasm;
  return {
    state: wasm.view(),
    sums,
    counts,
    assign: (start, end, withSums) => wasm.assign(start, end, { sums: withSums }),
    helperPass: (slot) => ({
      kind: "wasm",
      module: wasm.module,
      memory: wasm.memory,
      state: wasm.stateOffset,
      scratch: wasm.scratchOffsets[slot]!,
    }),
    release: () => wasm.release(),
  };
}

/** On a helper thread: the kernel that assigns rows [start, end) of `pass` (no sums; moves from 2 · start on). */
export function rangeKernel(pass: HelperPass): (start: number, end: number) => number {
  if (pass.kind === "wasm") return wasmRangeKernel(pass.module, pass.memory, pass.state, pass.scratch);
  const state = jsState(pass);
  const kernel = assignKernel(pass.d);
  return (start, end) => kernel(state, start, end);
}

/** The AssignState over a JavaScript store's shared buffers (no sums). */
function jsState(pass: Extract<HelperPass, { kind: "js" }>): AssignState {
  const { n, k, d } = pass;
  const params = new Float64Array(pass.params);
  return {
    data: new Float64Array(pass.data, pass.dataOffset, n * d),
    d,
    k,
    centres: params.subarray(0, k * d),
    labels: new Int32Array(pass.labels),
    upper: new Float64Array(pass.upper),
    lower: new Float64Array(pass.lower),
    halfGap: params.subarray(k * d, k * d + k),
    travel: params.subarray(k * d + k, k * d + 2 * k),
    othersTravel: params.subarray(k * d + 2 * k, k * d + 3 * k),
    sums: null,
    counts: null,
    moves: new Int32Array(pass.moves),
  };
}
