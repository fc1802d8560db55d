/**
 * The k-means assignment pass (`AssignKernel` of kmeans-kernel.ts) run by a WebAssembly SIMD kernel
 * (wasm/assembly/assign.ts, bit-identical to the JavaScript one) on one WebAssembly.Memory that holds the data,
 * centres, labels, bounds, sums and moves. The memory is shared (backed by a SharedArrayBuffer) and does not grow
 * while a WasmAssign uses it, so worker threads can instantiate the same module on it (`module`, `memory`) and each
 * passes over its own rows with its own scratch slot; `release` gives it back for the next k-means call
 * (kmeans-wasm-memory.ts). Internal: inputs are assumed validated.
 */
import type { AssignState } from "./kmeans-assign";
import {
  api,
  compileModule,
  MAX_PAGES,
  PAGE_BYTES,
  releaseMemory,
  takeMemory,
  type WasmMemory,
  type WasmModule,
} from "./kmeans-wasm-memory";
import { plusPlusScratchBytes } from "./kmeans-plusplus-wasm";
import { ASSIGN_WASM } from "./wasm/assign-binary";

export type { WasmMemory, WasmModule } from "./kmeans-wasm-memory";

/** What the compiled kernel exports; `state` and `scratch` are byte offsets into the memory, flags 0 or 1. */
interface AssignExports {
  assign(state: number, start: number, end: number, withSums: number, withMoves: number, scratch: number): number;
  scratchBytes(d: number): number;
}

/** The fields of the kernel's AssignState, in order (byte offsets of the arrays, then d and k; 4 bytes each). */
const STATE_FIELDS = [
  "data",
  "centres",
  "labels",
  "upper",
  "lower",
  "halfGap",
  "travel",
  "othersTravel",
  "sums",
  "counts",
  "moves",
] as const;

/** First byte used (the kernel has no static data of its own; the first bytes stay unused). */
const FIRST_BYTE = 64;

let compiled: WasmModule | undefined;
/** Each live WasmAssign by its `data` view, so that k-means++ finds the memory its data already lives in. */
const holders = new WeakMap<Float64Array, WasmAssign>();

/** The live `WasmAssign` whose `data` is this very view, if any. */
export function wasmHolding(data: Float64Array): WasmAssign | undefined {
  return holders.get(data);
}
/** Scratch bytes per slot by d, asked of the kernel once. */
const scratchSizes = new Map<number, number>();

/** The compiled kernel module (compiled once per thread, synchronously), to instantiate on a `WasmAssign`'s memory. */
export function assignModule(): WasmModule {
  if (compiled === undefined) {
    compiled = compileModule(ASSIGN_WASM);
  }
  return compiled;
}

export interface WasmAssignOptions {
  /** Scratch slots, one per thread that runs passes at the same time. @default 1 */
  slots?: number;
}

export interface WasmPassOptions {
  /** Add the rows to `sums` and `counts` in row order (they are not zeroed first). @default false */
  sums?: boolean;
  /** Record the rows that changed label in `moves` (see AssignKernel). @default true */
  moves?: boolean;
  /** Scratch slot of the calling thread, 0 <= slot < slots. @default 0 */
  slot?: number;
}

/**
 * The state of the assignment passes of one k-means run of n rows, d features and k centres, in WebAssembly memory:
 * write `data` once (`setData`), the centres and the bound terms (`halfGap`, `travel`, `othersTravel`, as in
 * HamerlyBounds) before each pass, then `assign` a range of rows. `labels` start at -1, `upper` at Infinity and
 * `lower` at 0 (`reset`).
 */
export class WasmAssign {
  /** The compiled kernel (`assignModule()`), for the instances of other threads. */
  readonly module: WasmModule;
  readonly memory: WasmMemory;
  /** n × d, row-major. */
  readonly data: Float64Array;
  /** k × d, row-major. */
  readonly centres: Float64Array;
  readonly labels: Int32Array;
  readonly upper: Float64Array;
  readonly lower: Float64Array;
  readonly halfGap: Float64Array;
  readonly travel: Float64Array;
  readonly othersTravel: Float64Array;
  /** k × d cluster sums, added to by passes with `sums: true`. */
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  /** [row, old label] pairs, 2 · n (see AssignKernel). */
  readonly moves: Int32Array;

  private readonly kernel: AssignExports;
  /** Byte offset of the AssignState the kernel reads (for the instances of other threads). */
  readonly stateOffset: number;
  /** Byte offset of each slot's scratch. */
  readonly scratchOffsets: readonly number[];
  /** Byte offset of the k-means++ passes' scratch (kmeans-plusplus-wasm.ts). */
  readonly plusPlusOffset: number;

  constructor(
    readonly n: number,
    readonly d: number,
    readonly k: number,
    options: WasmAssignOptions = {},
  ) {
    const { slots = 1 } = options;
    const module = assignModule();
    this.module = module;
    // lay the arrays out in the order below, each 16-aligned; the scratch slots come from the kernel's own size
    const slotBytes = scratchBytes(d);
    const sizes = {
      state: 4 * (STATE_FIELDS.length + 2),
      centres: 8 * k * d,
      halfGap: 8 * k,
      travel: 8 * k,
      othersTravel: 8 * k,
      sums: 8 * k * d,
      counts: 8 * k,
      scratch: slotBytes * slots,
      plusPlus: plusPlusScratchBytes(k, d),
      labels: 4 * n,
      moves: 8 * n,
      upper: 8 * n,
      lower: 8 * n,
      data: 8 * n * d,
    };
    const offset: Record<string, number> = {};
    let end = FIRST_BYTE;
    for (const [name, bytes] of Object.entries(sizes)) {
      offset[name] = end;
      end = align(end + bytes);
    }
    const pages = Math.ceil(end / PAGE_BYTES);
    if (pages > MAX_PAGES) {
      throw new RangeError(
        `WasmAssign: n=${n}, d=${d}, k=${k} need ${end} bytes, more than 4 GiB of WebAssembly memory`,
      );
    }
    this.memory = takeMemory(pages);
    this.kernel = instantiate(module, this.memory);
    const { buffer } = this.memory;
    const f64 = (name: keyof typeof sizes) => new Float64Array(buffer, offset[name], sizes[name] / 8);
    this.centres = f64("centres");
    this.halfGap = f64("halfGap");
    this.travel = f64("travel");
    this.othersTravel = f64("othersTravel");
    this.sums = f64("sums");
    this.counts = f64("counts");
    this.upper = f64("upper");
    this.lower = f64("lower");
    this.data = f64("data");
    this.labels = new Int32Array(buffer, offset["labels"], n);
    this.moves = new Int32Array(buffer, offset["moves"], 2 * n);
    this.stateOffset = offset["state"]!;
    new Int32Array(buffer, this.stateOffset, STATE_FIELDS.length + 2).set([
      ...STATE_FIELDS.map((name) => offset[name]!),
      d,
      k,
    ]);
    this.scratchOffsets = Array.from({ length: slots }, (_, s) => offset["scratch"]! + s * slotBytes);
    this.plusPlusOffset = offset["plusPlus"]!;
    this.reset();
    holders.set(this.data, this);
  }

  /** Copy the n × d data in (once per run). */
  setData(data: Float64Array): void {
    this.data.set(data.subarray(0, this.n * this.d));
  }

  /** Forget all labels and bounds: the next pass scans every row. */
  reset(): void {
    this.labels.fill(-1);
    this.upper.fill(Infinity);
    this.lower.fill(0);
  }

  /**
   * Assign rows [start, end) to their nearest centre as `AssignKernel` does (bounds test, full scan, labels,
   * bounds, moves from moves[2 · start] on, row-order sums). Returns how many rows changed label.
   */
  assign(start: number, end: number, options: WasmPassOptions = {}): number {
    const { sums = false, moves = true, slot = 0 } = options;
    return this.kernel.assign(this.stateOffset, start, end, sums ? 1 : 0, moves ? 1 : 0, this.scratchOffsets[slot]!);
  }

  /** Give the memory back for the next run (kmeans-wasm-memory.ts): nothing may use this object afterwards. */
  release(): void {
    holders.delete(this.data);
    releaseMemory(this.memory);
  }

  /** The arrays as an `AssignState` (sums and counts null), for the JavaScript row passes (kmeans-rows.ts). */
  view(): AssignState {
    const { data, d, k, centres, labels, upper, lower, halfGap, travel, othersTravel, moves } = this;
    return {
      data,
      d,
      k,
      centres,
      labels,
      upper,
      lower,
      halfGap,
      travel,
      othersTravel,
      sums: null,
      counts: null,
      moves,
    };
  }
}

/**
 * A `WasmAssign` for n × d rows and k centres, or undefined when this runtime has no WebAssembly (or no shared
 * memory) or the run needs more than 4 GiB: the caller then runs the JavaScript kernels.
 */
export function tryWasmAssign(
  n: number,
  d: number,
  k: number,
  options: WasmAssignOptions = {},
): WasmAssign | undefined {
  try {
    return new WasmAssign(n, d, k, options);
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) return undefined;
    throw error;
  }
}

/**
 * The kernel of another thread on a `WasmAssign`'s memory (`module` and `memory` posted to it; `state` its
 * `stateOffset`, `scratch` one of its `scratchOffsets`): assigns rows [start, end) without sums, recording moves.
 */
export function wasmRangeKernel(
  module: WasmModule,
  memory: WasmMemory,
  state: number,
  scratch: number,
): (start: number, end: number) => number {
  const kernel = instantiate(module, memory);
  return (start, end) => kernel.assign(state, start, end, 0, 1, scratch);
}

function instantiate(module: WasmModule, memory: WasmMemory): AssignExports {
  return new (api().Instance)(module, { env: { memory } }).exports as unknown as AssignExports;
}

/** Round a byte count up to a multiple of 16 (a v128). */
function align(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

/** Scratch bytes of one slot for d features (16-aligned), from an instance on a one-page memory of its own. */
function scratchBytes(d: number): number {
  let bytes = scratchSizes.get(d);
  if (bytes === undefined) {
    const memory = new (api().Memory)({ initial: 1, maximum: 1, shared: true });
    bytes = align(instantiate(assignModule(), memory).scratchBytes(d));
    scratchSizes.set(d, bytes);
  }
  return bytes;
}
