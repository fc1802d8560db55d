/**
 * A helper thread of the threaded k-means assignment (kmeans-threads.ts), started with `new Worker(<this file>)`:
 * for each run message, wait for each pass, claim blocks of rows from the shared counter, run the assignment kernel
 * on them (the kernel the main thread runs, on the same store: see kmeans-store.ts) and mark each block done with
 * its number of moved rows; return to the message loop when the run is over.
 *
 * Every wait compares the value it waits on first (Atomics.wait returns at once when the generation has moved on),
 * so a pass started before this thread began to wait is not missed. When a run stops, this thread holds nothing of
 * its memory (the run's views and instance are local to `serveRun`) and collects its garbage at once, so the run's
 * shared memory is freed as soon as the main thread drops it too: else the unreachable views would keep it (about
 * 60 MB a call at 1e6 × 4) until this thread's next garbage collection, which its few allocations never trigger.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort } from "node:worker_threads";
import { rangeKernel } from "./kmeans-store";
import { CLAIM, GENERATION, STOP, type AssignRun } from "./kmeans-threads";

/** Serve the passes of one run until the main thread sets STOP. */
function serveRun(run: AssignRun): void {
  const { n, blockRows, nBlocks } = run;
  const kernel = rangeKernel(run.pass);
  const control = new Int32Array(run.control);
  const done = new Int32Array(run.done);
  let seen = 0;
  for (;;) {
    Atomics.wait(control, GENERATION, seen);
    seen = Atomics.load(control, GENERATION);
    if (Atomics.load(control, STOP) === 1) break;
    const tag = (seen & 0x7fff) << 16;
    for (;;) {
      const claim = Atomics.load(control, CLAIM);
      if ((claim & ~0xffff) !== tag || (claim & 0xffff) >= nBlocks) break;
      if (Atomics.compareExchange(control, CLAIM, claim, claim + 1) !== claim) continue;
      const start = (claim & 0xffff) * blockRows;
      const changed = kernel(start, Math.min(n, start + blockRows));
      Atomics.store(done, claim & 0xffff, changed + 1);
      Atomics.notify(done, claim & 0xffff);
    }
  }
}

/**
 * A full garbage collection of this thread. Workers cannot take --expose-gc (ERR_WORKER_INVALID_EXEC_ARGV), so the
 * flag is set for the moment it takes to create one context that has `gc`, and unset again (as Jest's heap
 * logging does); a three-line package (expose-gc) would do the same.
 */
const collectGarbage = ((): (() => void) => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  setFlagsFromString("--no-expose-gc");
  return gc;
})();

parentPort?.on("message", (run: AssignRun) => {
  serveRun(run);
  // once this message is handled nothing here refers to the run's memory: let it go now (see above)
  setImmediate(collectGarbage);
});
