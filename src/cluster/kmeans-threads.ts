/**
 * The k-means assignment step on several threads: worker threads (a pool kept for the life of the process, like
 * scikit-learn's OpenMP threads; their module is kmeans-worker.ts) and the main thread take blocks of rows from a
 * shared counter and run the same kernel on the same store (kmeans-store.ts): the WebAssembly kernel on a shared
 * WebAssembly.Memory, or `assignKernel(d)` on an `AssignState` over SharedArrayBuffers (X, labels, bounds, centres).
 * Each block records the rows whose label changed (kmeans-kernel.ts); the main thread then brings the cluster sums up
 * to date strictly in row order (all rows, or only the moved rows: see SumMode in kmeans-bounds.ts), so the sums, the
 * centres and every later iteration are bit-identical to the single-threaded run whatever the number of threads or
 * the scheduling.
 * The main thread waits with Atomics.wait (allowed in Node), so `kmeans` stays synchronous.
 * Internal: inputs are assumed validated.
 */
import { availableParallelism } from "node:os";
import { extname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { SumMode } from "./kmeans-bounds";
import { moveKernel, sumKernel, type AssignState, type MoveKernel, type SumKernel } from "./kmeans-kernel";
import type { HelperPass, PassStore } from "./kmeans-store";

/** Below this many rows × centres one thread is faster than handing blocks around. */
const MIN_WORK = 250_000;
/** Most threads used by default. */
const MAX_DEFAULT_THREADS = 8;
/** Most blocks per pass (the block claim packs a block number into 16 bits). */
const MAX_BLOCKS = 60_000;
const MIN_BLOCK_ROWS = 4096;

// control words
export const GENERATION = 0; // bumped to start a pass
export const CLAIM = 1; // (generation & 0x7fff) << 16 | next block
export const STOP = 2; // 1: the run is over, helpers return to their message loop

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

/** What a helper needs for one run: the blocks, the control words and its share of the store (see PassStore). */
export interface AssignRun {
  n: number;
  blockRows: number;
  nBlocks: number;
  /** Int32 control words (GENERATION, CLAIM, STOP). */
  control: ArrayBufferLike;
  /** Int32 per block: 0 while pending, then 1 + the number of rows whose label changed. */
  done: ArrayBufferLike;
  pass: HelperPass;
}

const pool: Worker[] = [];

/**
 * A helper thread running the module beside this one: the compiled kmeans-worker.js when running from dist/;
 * kmeans-worker.ts when running from the TypeScript sources under tsx (tests, bench). Node 20 workers do not take
 * tsx's `--import` loader for their entry file, so a .ts worker gets tsx's require hook instead (`--require tsx/cjs`,
 * resolved from here).
 */
function startHelper(): Worker {
  const extension = extname(__filename);
  const file = join(__dirname, `kmeans-worker${extension}`);
  if (extension !== ".ts") return new Worker(file);
  return new Worker(file, { execArgv: ["--require", require.resolve("tsx/cjs")] });
}

/** At least `count` helper threads (started on first need, never keeping the process alive). */
function helpers(count: number): Worker[] {
  while (pool.length < count) {
    const worker = startHelper();
    worker.unref();
    pool.push(worker);
  }
  return pool.slice(0, count);
}

/**
 * The passes of one k-means call over a store (kmeans-store.ts), shared out among `threads` threads (1: the main
 * thread alone). Call `close` when the call ends: the helpers then drop the run's memory.
 */
export class AssignTeam {
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  /** Per block: 0 while pending, then 1 + the number of rows whose label changed. */
  private readonly done: Int32Array;
  private readonly blockRows: number;
  /** Blocks of rows per pass. */
  readonly nBlocks: number;
  private readonly n: number;
  private readonly sum: SumKernel;
  private readonly move: MoveKernel;
  private generation = 0;
  private blocksOnMain = 0;

  /** @param threads - threads in all, the main one included (>= 1; the store needs as many scratch slots). */
  constructor(
    readonly store: PassStore,
    threads: number,
  ) {
    const { state } = store;
    this.n = state.labels.length;
    this.blockRows = Math.max(MIN_BLOCK_ROWS, Math.ceil(this.n / MAX_BLOCKS));
    this.nBlocks = Math.ceil(this.n / this.blockRows);
    this.done = new Int32Array(new SharedArrayBuffer(this.nBlocks * Int32Array.BYTES_PER_ELEMENT));
    this.sum = sumKernel(state.d);
    this.move = moveKernel(state.d);
    helpers(threads - 1).forEach((worker, h) => {
      const run: AssignRun = {
        n: this.n,
        blockRows: this.blockRows,
        nBlocks: this.nBlocks,
        control: this.control.buffer,
        done: this.done.buffer,
        pass: store.helperPass(h + 1),
      };
      worker.postMessage(run);
    });
  }

  /** Blocks of rows the main thread assigned itself, over all passes so far (the helpers took the others). */
  get mainBlocks(): number {
    return this.blocksOnMain;
  }

  /** The store's arrays (labels, bounds, bound terms: see AssignState), in shared memory. */
  get state(): AssignState {
    return this.store.state;
  }

  /**
   * One assignment pass over all rows with these centres (copied to the store) and the store's bound terms; the
   * sums and counts are brought up to date in row order as `mode` says. Returns how many rows changed label.
   */
  assign(centres: Float64Array, sums: Float64Array, counts: Float64Array, mode: SumMode): number {
    const { control, done, nBlocks, blockRows, n, store } = this;
    const { state } = store;
    const recompute = mode === "recompute";
    state.centres.set(centres);
    done.fill(0);
    if (recompute) {
      store.sums.fill(0);
      store.counts.fill(0);
    } else if (mode === "update") {
      store.sums.set(sums);
      store.counts.set(counts);
    }
    const generation = ++this.generation;
    const tag = (generation & 0x7fff) << 16;
    Atomics.store(control, CLAIM, tag);
    // a helper that is not yet waiting sees the new generation when it waits (Atomics.wait compares first)
    Atomics.store(control, GENERATION, generation);
    Atomics.notify(control, GENERATION);
    let summed = 0; // blocks [0, summed) are in the sums
    let changed = 0;
    const end = (b: number): number => Math.min(n, (b + 1) * blockRows);
    const addBlock = (b: number): void => {
      const moved = Atomics.load(done, b) - 1;
      changed += moved;
      if (recompute) this.sum(state, b * blockRows, end(b), store.sums, store.counts);
      else if (mode === "update") this.move(state, b * blockRows, moved, store.sums, store.counts);
    };
    for (;;) {
      const claim = Atomics.add(control, CLAIM, 1);
      const b = claim & 0xffff;
      if (b >= nBlocks) break;
      // when recomputing, the next block in row order takes its sums in the same pass
      const inOrder = recompute && b === summed;
      this.blocksOnMain++;
      const moved = store.assign(b * blockRows, end(b), inOrder);
      Atomics.store(done, b, moved + 1);
      if (inOrder) {
        changed += moved;
        summed++;
      }
      while (summed < nBlocks && Atomics.load(done, summed) !== 0) addBlock(summed++);
    }
    // the helpers' last blocks (the wait returns at once when the block is already done)
    while (summed < nBlocks) {
      Atomics.wait(done, summed, 0);
      addBlock(summed++);
    }
    if (mode !== "none") {
      sums.set(store.sums);
      counts.set(store.counts);
    }
    return changed;
  }

  /** End the call: the helpers drop the store and go back to waiting for the next run; the store is released. */
  close(): void {
    Atomics.store(this.control, STOP, 1);
    Atomics.store(this.control, GENERATION, ++this.generation);
    Atomics.notify(this.control, GENERATION);
    this.store.release();
  }
}
