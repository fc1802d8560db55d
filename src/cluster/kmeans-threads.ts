/**
 * The k-means assignment step on several threads: worker threads (a pool kept for the life of the process, like
 * scikit-learn's OpenMP threads) and the main thread take blocks of rows from a shared counter and run the same
 * generated kernel (kmeans-kernel.ts) on memory shared through SharedArrayBuffers (X, labels, bounds, centres).
 * Each block records the rows whose label changed (kmeans-kernel.ts); the main thread then brings the cluster sums up
 * to date strictly in row order (all rows, or only the moved rows: see SumMode in kmeans-bounds.ts), so the sums, the
 * centres and every later iteration are bit-identical to the single-threaded run whatever the number of threads or
 * the scheduling.
 * The main thread waits with Atomics.wait (allowed in Node), so `kmeans` stays synchronous.
 * Internal: inputs are assumed validated.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { SumMode } from "./kmeans-bounds";
import {
  assignKernel,
  assignKernelSource,
  moveKernel,
  sumKernel,
  type AssignKernel,
  type MoveKernel,
  type SumKernel,
} from "./kmeans-kernel";

/** Below this many rows × centres one thread is faster than handing blocks around. */
const MIN_WORK = 250_000;
/** Most threads used by default. */
const MAX_DEFAULT_THREADS = 8;
/** Most blocks per pass (the block claim packs a block number into 16 bits). */
const MAX_BLOCKS = 60_000;
const MIN_BLOCK_ROWS = 4096;

// control words
const GENERATION = 0; // bumped to start a pass
const CLAIM = 1; // (generation & 0x7fff) << 16 | next block
const STOP = 2; // 1: the run is over, helpers return to their message loop

/** Threads to use for n rows and k centres: 1 when the work is small, else `requested` or the core count. */
export function assignThreads(requested: number | undefined, n: number, k: number): number {
  if (requested !== undefined) return n * k >= MIN_WORK ? requested : 1;
  if (n * k < MIN_WORK) return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_DEFAULT_THREADS));
}

/** `data` itself when it already lives in shared memory, else a copy that does. */
export function sharedCopy(data: Float64Array): Float64Array {
  if (data.buffer instanceof SharedArrayBuffer) return data;
  const copy = new Float64Array(new SharedArrayBuffer(data.byteLength));
  copy.set(data);
  return copy;
}

/** Source of each helper: for each run message, serve passes until told to stop. */
const HELPER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const kernels = new Map();
parentPort.on("message", (run) => {
  let kernel = kernels.get(run.source);
  if (kernel === undefined) {
    kernel = new Function("return " + run.source)();
    kernels.set(run.source, kernel);
  }
  const { n, k, d, blockRows, nBlocks } = run;
  const data = new Float64Array(run.data);
  const labels = new Int32Array(run.labels);
  const upper = new Float64Array(run.upper);
  const lower = new Float64Array(run.lower);
  const params = new Float64Array(run.params);
  const centres = params.subarray(0, k * d);
  const halfGap = params.subarray(k * d, k * d + k);
  const travel = params.subarray(k * d + k, k * d + 2 * k);
  const othersTravel = params.subarray(k * d + 2 * k, k * d + 3 * k);
  const control = new Int32Array(run.control);
  const done = new Int32Array(run.done);
  const moves = new Int32Array(run.moves);
  let seen = 0;
  for (;;) {
    Atomics.wait(control, ${GENERATION}, seen);
    seen = Atomics.load(control, ${GENERATION});
    if (Atomics.load(control, ${STOP}) === 1) break;
    const tag = (seen & 0x7fff) << 16;
    for (;;) {
      const claim = Atomics.load(control, ${CLAIM});
      if ((claim & ~0xffff) !== tag || (claim & 0xffff) >= nBlocks) break;
      if (Atomics.compareExchange(control, ${CLAIM}, claim, claim + 1) !== claim) continue;
      const b = claim & 0xffff;
      const start = b * blockRows;
      const changed = kernel(data, centres, labels, upper, lower, halfGap, travel, othersTravel, start, Math.min(n, start + blockRows), null, null, moves);
      Atomics.store(done, b, changed + 1);
      Atomics.notify(done, b);
    }
  }
});
`;

const pool: Worker[] = [];

/** At least `count` helper threads (started on first need, never keeping the process alive). */
function helpers(count: number): Worker[] {
  while (pool.length < count) {
    const worker = new Worker(HELPER_SOURCE, { eval: true });
    worker.unref();
    pool.push(worker);
  }
  return pool.slice(0, count);
}

function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/**
 * One run's shared state: labels and bounds in shared memory, and the passes handed out to the helpers.
 * Call `close` when the run ends.
 */
export class AssignTeam {
  readonly labels: Int32Array;
  readonly upper: Float64Array;
  readonly lower: Float64Array;
  private readonly params: Float64Array;
  private readonly centres: Float64Array;
  private readonly halfGap: Float64Array;
  private readonly travel: Float64Array;
  private readonly othersTravel: Float64Array;
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  /** Per block: 0 while pending, then 1 + the number of rows whose label changed. */
  private readonly done: Int32Array;
  private readonly moves: Int32Array;
  private readonly blockRows: number;
  private readonly nBlocks: number;
  private readonly kernel: AssignKernel;
  private readonly sum: SumKernel;
  private readonly move: MoveKernel;
  private generation = 0;

  /**
   * @param data - n × d rows in shared memory (see `sharedCopy`).
   * @param threads - threads in all, the main one included (>= 2).
   */
  constructor(
    private readonly data: Float64Array,
    private readonly n: number,
    k: number,
    d: number,
    threads: number,
  ) {
    this.labels = new Int32Array(new SharedArrayBuffer(n * Int32Array.BYTES_PER_ELEMENT));
    this.upper = sharedFloat64(n);
    this.lower = sharedFloat64(n);
    this.params = sharedFloat64(k * d + 3 * k);
    this.centres = this.params.subarray(0, k * d);
    this.halfGap = this.params.subarray(k * d, k * d + k);
    this.travel = this.params.subarray(k * d + k, k * d + 2 * k);
    this.othersTravel = this.params.subarray(k * d + 2 * k);
    this.blockRows = Math.max(MIN_BLOCK_ROWS, Math.ceil(n / MAX_BLOCKS));
    this.nBlocks = Math.ceil(n / this.blockRows);
    this.done = new Int32Array(new SharedArrayBuffer(this.nBlocks * Int32Array.BYTES_PER_ELEMENT));
    this.moves = new Int32Array(new SharedArrayBuffer(2 * n * Int32Array.BYTES_PER_ELEMENT));
    this.kernel = assignKernel(d, k);
    this.sum = sumKernel(d);
    this.move = moveKernel(d);
    const run = {
      source: assignKernelSource(d, k),
      n,
      k,
      d,
      blockRows: this.blockRows,
      nBlocks: this.nBlocks,
      data: data.buffer,
      labels: this.labels.buffer,
      upper: this.upper.buffer,
      lower: this.lower.buffer,
      params: this.params.buffer,
      control: this.control.buffer,
      done: this.done.buffer,
      moves: this.moves.buffer,
    };
    for (const worker of helpers(threads - 1)) worker.postMessage(run);
  }

  /**
   * One assignment pass over all rows with these centres and bounds state (copied to shared memory); the sums and
   * counts are brought up to date in row order as `mode` says. Returns how many rows changed label.
   */
  assign(
    centres: Float64Array,
    halfGap: Float64Array,
    travel: Float64Array,
    othersTravel: Float64Array,
    sums: Float64Array,
    counts: Float64Array,
    mode: SumMode,
  ): number {
    const { control, done, nBlocks, blockRows, n, data, labels, moves } = this;
    const recompute = mode === "recompute";
    this.centres.set(centres);
    this.halfGap.set(halfGap);
    this.travel.set(travel);
    this.othersTravel.set(othersTravel);
    done.fill(0);
    if (recompute) {
      sums.fill(0);
      counts.fill(0);
    }
    const generation = ++this.generation;
    const tag = (generation & 0x7fff) << 16;
    Atomics.store(control, CLAIM, tag);
    Atomics.store(control, GENERATION, generation);
    Atomics.notify(control, GENERATION);
    let summed = 0; // blocks [0, summed) are in the sums
    let changed = 0;
    const end = (b: number): number => Math.min(n, (b + 1) * blockRows);
    const addBlock = (b: number): void => {
      const moved = Atomics.load(done, b) - 1;
      changed += moved;
      if (recompute) this.sum(data, labels, b * blockRows, end(b), sums, counts);
      else if (mode === "update") this.move(data, moves, b * blockRows, moved, labels, sums, counts);
    };
    for (;;) {
      const claim = Atomics.add(control, CLAIM, 1);
      const b = claim & 0xffff;
      if (b >= nBlocks) break;
      // when recomputing, the next block in row order takes its sums in the same pass
      const inOrder = recompute && b === summed;
      const moved = this.kernel(
        data,
        this.centres,
        labels,
        this.upper,
        this.lower,
        this.halfGap,
        this.travel,
        this.othersTravel,
        b * blockRows,
        end(b),
        inOrder ? sums : null,
        inOrder ? counts : null,
        moves,
      );
      Atomics.store(done, b, moved + 1);
      if (inOrder) {
        changed += moved;
        summed++;
      }
      while (summed < nBlocks && Atomics.load(done, summed) !== 0) addBlock(summed++);
    }
    // the helpers' last blocks
    while (summed < nBlocks) {
      Atomics.wait(done, summed, 0);
      addBlock(summed++);
    }
    return changed;
  }

  /** End the run: the helpers go back to waiting for the next one. */
  close(): void {
    Atomics.store(this.control, STOP, 1);
    Atomics.store(this.control, GENERATION, ++this.generation);
    Atomics.notify(this.control, GENERATION);
  }
}
