/**
 * A helper thread of the threaded k-means assignment (kmeans-threads.ts), started with `new Worker(<this file>)`:
 * for each run message, wait for each pass, claim blocks of rows from the shared counter, run the assignment kernel
 * on them (the same `assignKernel(d)` the main thread runs, on the same shared state) and mark each block done with
 * its number of moved rows; return to the message loop when the run is over.
 */
import { parentPort } from "node:worker_threads";
import { assignKernel } from "./kmeans-kernel";
import { CLAIM, GENERATION, STOP, sharedState, type AssignRun } from "./kmeans-threads";

/** Serve the passes of one run until the main thread sets STOP. */
function serveRun(run: AssignRun): void {
  const { n, d, blockRows, nBlocks } = run;
  const kernel = assignKernel(d);
  const state = sharedState(run);
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
      const changed = kernel(state, start, Math.min(n, start + blockRows));
      Atomics.store(done, claim & 0xffff, changed + 1);
      Atomics.notify(done, claim & 0xffff);
    }
  }
}

parentPort?.on("message", serveRun);
