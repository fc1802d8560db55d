/**
 * The k-means assignment step on several threads: worker threads (a pool kept for the life of the process, like
 * scikit-learn's OpenMP threads; their module is kmeans-worker.ts) and the main thread take blocks of rows from a
 * shared counter and run the same kernel, `assignKernel(d)` on an `AssignState` (kmeans-kernel.ts), over memory
 * shared through SharedArrayBuffers (X, labels, bounds, centres).
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
import {
  assignKernel,
  moveKernel,
  sumKernel,
  type AssignKernel,
  type AssignState,
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

/** What a helper needs for one run: the sizes and the shared buffers (see `sharedState`). */
export interface AssignRun {
  n: number;
  k: number;
  d: number;
  blockRows: number;
  nBlocks: number;
  /** n × d rows, from byte `dataOffset` on. */
  data: ArrayBufferLike;
  dataOffset: number;
  /** Int32 × n. */
  labels: ArrayBufferLike;
  /** Float64 × n each. */
  upper: ArrayBufferLike;
  lower: ArrayBufferLike;
  /** Float64 × (k · d + 3k): centres, halfGap, travel, othersTravel. */
  params: ArrayBufferLike;
  /** Int32 control words (GENERATION, CLAIM, STOP). */
  control: ArrayBufferLike;
  /** Int32 per block: 0 while pending, then 1 + the number of rows whose label changed. */
  done: ArrayBufferLike;
  /** Int32 × 2n: see AssignState.moves. */
  moves: ArrayBufferLike;
}

/** The assignment state over a run's shared buffers (no sums: the main thread adds them in row order). */
export function sharedState(run: AssignRun): AssignState {
  const { k, d } = run;
  const params = new Float64Array(run.params);
  return {
    data: new Float64Array(run.data, run.dataOffset, run.n * d),
    d,
    k,
    centres: params.subarray(0, k * d),
    labels: new Int32Array(run.labels),
    upper: new Float64Array(run.upper),
    lower: new Float64Array(run.lower),
    halfGap: params.subarray(k * d, k * d + k),
    travel: params.subarray(k * d + k, k * d + 2 * k),
    othersTravel: params.subarray(k * d + 2 * k, k * d + 3 * k),
    sums: null,
    counts: null,
    moves: new Int32Array(run.moves),
  };
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
 * One run's shared state: labels and bounds in shared memory, and the passes handed out to the helpers.
 * Call `close` when the run ends.
 */
export class AssignTeam {
  /** The main thread's view of the shared state; `sums`/`counts` are set for the blocks it adds in row order. */
  private readonly state: AssignState;
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  /** Per block: 0 while pending, then 1 + the number of rows whose label changed. */
  private readonly done: Int32Array;
  private readonly blockRows: number;
  /** Blocks of rows per pass. */
  readonly nBlocks: number;
  private readonly kernel: AssignKernel;
  private readonly sum: SumKernel;
  private readonly move: MoveKernel;
  private generation = 0;
  private blocksOnMain = 0;

  /**
   * @param data - n × d rows in shared memory (see `sharedCopy`).
   * @param threads - threads in all, the main one included (>= 2).
   */
  constructor(
    data: Float64Array,
    private readonly n: number,
    k: number,
    d: number,
    threads: number,
  ) {
    const shared = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(bytes);
    this.blockRows = Math.max(MIN_BLOCK_ROWS, Math.ceil(n / MAX_BLOCKS));
    this.nBlocks = Math.ceil(n / this.blockRows);
    this.done = new Int32Array(shared(this.nBlocks * Int32Array.BYTES_PER_ELEMENT));
    const run: AssignRun = {
      n,
      k,
      d,
      blockRows: this.blockRows,
      nBlocks: this.nBlocks,
      data: data.buffer,
      dataOffset: data.byteOffset,
      labels: shared(n * Int32Array.BYTES_PER_ELEMENT),
      upper: shared(n * Float64Array.BYTES_PER_ELEMENT),
      lower: shared(n * Float64Array.BYTES_PER_ELEMENT),
      params: shared((k * d + 3 * k) * Float64Array.BYTES_PER_ELEMENT),
      control: this.control.buffer,
      done: this.done.buffer,
      moves: shared(2 * n * Int32Array.BYTES_PER_ELEMENT),
    };
    this.state = sharedState(run);
    this.kernel = assignKernel(d);
    this.sum = sumKernel(d);
    this.move = moveKernel(d);
    for (const worker of helpers(threads - 1)) worker.postMessage(run);
  }

  /** Blocks of rows the main thread assigned itself, over all passes so far (the helpers took the others). */
  get mainBlocks(): number {
    return this.blocksOnMain;
  }

  /** Cluster numbers of the rows, in shared memory. */
  get labels(): Int32Array {
    return this.state.labels;
  }

  /** Upper bounds of the rows (see AssignState), in shared memory. */
  get upper(): Float64Array {
    return this.state.upper;
  }

  /** Lower bounds of the rows (see AssignState), in shared memory. */
  get lower(): Float64Array {
    return this.state.lower;
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
    const { control, done, nBlocks, blockRows, n, state } = this;
    const recompute = mode === "recompute";
    state.centres.set(centres);
    state.halfGap.set(halfGap);
    state.travel.set(travel);
    state.othersTravel.set(othersTravel);
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
      if (recompute) this.sum(state, b * blockRows, end(b), sums, counts);
      else if (mode === "update") this.move(state, b * blockRows, moved, sums, counts);
    };
    for (;;) {
      const claim = Atomics.add(control, CLAIM, 1);
      const b = claim & 0xffff;
      if (b >= nBlocks) break;
      // when recomputing, the next block in row order takes its sums in the same pass
      const inOrder = recompute && b === summed;
      this.blocksOnMain++;
      state.sums = inOrder ? sums : null;
      state.counts = inOrder ? counts : null;
      const moved = this.kernel(state, b * blockRows, end(b));
      Atomics.store(done, b, moved + 1);
      if (inOrder) {
        changed += moved;
        summed++;
      }
      while (summed < nBlocks && Atomics.load(done, summed) !== 0) addBlock(summed++);
    }
    state.sums = state.counts = null;
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
