/**
 * The k-means++ passes (`PlusPlusPasses`) as the WebAssembly SIMD kernels of wasm/assembly/plusplus.ts, run on the
 * memory of the `WasmAssign` that already holds a k-means call's data (kmeans-engine.ts), so the rows are not
 * copied again. The closest distances live in its `upper` bounds, unused until the first assignment pass (which
 * starts from `HamerlyBounds`, filling them with Infinity again); `done` refills them all the same. Bit-identical
 * to the JavaScript passes (see the AssemblyScript). Internal: inputs are assumed validated.
 */
import { api, compileModule, type WasmModule } from "./kmeans-wasm-memory";
import type { PlusPlusPasses } from "./kmeans-plusplus-kernel";
import type { WasmAssign } from "./kmeans-wasm";
import { PLUSPLUS_WASM } from "./wasm/plusplus-binary";

/** What the compiled kernels export; arguments are byte offsets into the memory, counts and d. */
interface PlusPlusExports {
  closest(
    data: number,
    n: number,
    d: number,
    closest: number,
    centre: number,
    targets: number,
    nTargets: number,
    found: number,
    pair: number,
  ): number;
  potentials(
    data: number,
    n: number,
    d: number,
    closest: number,
    candidates: number,
    trials: number,
    potentials: number,
    pair: number,
  ): void;
}

let compiled: WasmModule | undefined;

/** Candidates per centre of k-means++ for k centres (scikit-learn's `2 + ⌊ln k⌋`). */
export function localTrials(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

/** The scratch arrays' sizes in bytes, each a multiple of 16, in their order in memory. */
function scratchLayout(k: number, d: number) {
  const trials = localTrials(k);
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  return {
    centre: align(8 * d),
    targets: align(8 * trials),
    found: align(4 * trials),
    candidates: align(8 * trials * d),
    potentials: align(8 * trials),
    pair: 16 * d,
  };
}

/** Bytes of scratch the passes need in a `WasmAssign` of k centres and d features (16-aligned). */
export function plusPlusScratchBytes(k: number, d: number): number {
  return Object.values(scratchLayout(k, d)).reduce((a, b) => a + b, 0);
}

/** The passes on `wasm`'s memory, its `data` holding the rows. */
export function wasmPlusPlusPasses(wasm: WasmAssign): PlusPlusPasses {
  if (compiled === undefined) {
    compiled = compileModule(PLUSPLUS_WASM);
  }
  const kernel = new (api().Instance)(compiled, { env: { memory: wasm.memory } }).exports as unknown as PlusPlusExports;
  const { n, d, k, data, upper: closest, memory } = wasm;
  const offset: Record<string, number> = {};
  let at = wasm.plusPlusOffset;
  for (const [name, bytes] of Object.entries(scratchLayout(k, d))) {
    offset[name] = at;
    at += bytes;
  }
  const trials = localTrials(k);
  const centreIn = new Float64Array(memory.buffer, offset["centre"], d);
  const targetsIn = new Float64Array(memory.buffer, offset["targets"], trials);
  const foundIn = new Int32Array(memory.buffer, offset["found"], trials);
  const candidatesIn = new Float64Array(memory.buffer, offset["candidates"], trials * d);
  const potentialsIn = new Float64Array(memory.buffer, offset["potentials"], trials);
  const [dataAt, closestAt, pair] = [data.byteOffset, closest.byteOffset, offset["pair"]!];
  closest.fill(Infinity);
  return {
    closest,
    lower(centre, targets, found) {
      centreIn.set(centre);
      targetsIn.set(targets);
      const running = kernel.closest(
        dataAt,
        n,
        d,
        closestAt,
        offset["centre"]!,
        offset["targets"]!,
        targets.length,
        offset["found"]!,
        pair,
      );
      found.fill(-1); // as the JavaScript kernels leave the entries past the targets
      found.set(foundIn.subarray(0, targets.length));
      return running;
    },
    potentials(candidates, potentials) {
      candidatesIn.set(candidates);
      kernel.potentials(dataAt, n, d, closestAt, offset["candidates"]!, potentials.length, offset["potentials"]!, pair);
      potentials.set(potentialsIn.subarray(0, potentials.length));
    },
    done: () => closest.fill(Infinity),
  };
}
