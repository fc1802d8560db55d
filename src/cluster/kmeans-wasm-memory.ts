/**
 * The WebAssembly API the k-means kernel uses (typed here: the project's lib, ES2022 and Node's types, does not
 * declare `WebAssembly`; the DOM lib that does is only for the browser tests) and the shared memory its runs reuse.
 *
 * A dropped WebAssembly.Memory is freed only by a garbage collection, which V8 does not hasten for WebAssembly
 * memory: a new memory per k-means call grew a process by ~55 MB a call at 1e6 × 4 (10 calls: 125 → 717 MB). So a
 * call takes the memory the last one released, grown if it is too small (a shared memory grows in place), and the
 * process keeps the largest call's memory, as it keeps its worker threads (kmeans-threads.ts).
 * Internal: inputs are assumed validated.
 */

/** The part of the WebAssembly JavaScript API used here. */
export interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: { env: { memory: WasmMemory } }) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => WasmMemory;
}
/** A compiled module (WebAssembly.Module), which can be posted to worker threads. */
export type WasmModule = { readonly __brand: "WebAssembly.Module" };
/** A shared WebAssembly.Memory. */
export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
  /** Add `pages` pages (RangeError past the maximum); returns the old size in pages. */
  grow(pages: number): number;
}

export const PAGE_BYTES = 65_536;
/** Most pages a 32-bit WebAssembly memory can have (4 GiB). */
export const MAX_PAGES = 65_536;

const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly?: WebAssemblyApi };

/** The WebAssembly API, or a TypeError naming what is missing. */
export function api(): WebAssemblyApi {
  if (wasmApi === undefined || typeof SharedArrayBuffer !== "function") {
    throw new TypeError("WasmAssign: this runtime has no WebAssembly or no SharedArrayBuffer");
  }
  return wasmApi;
}

/** Compile a module shipped as base64 text (the generated wasm/*-binary.ts files), synchronously. */
export function compileModule(base64: string): WasmModule {
  return new (api().Module)(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0)));
}

/** The memory released by the last run, free for the next (see above). */
let spare: WasmMemory | undefined;

/**
 * A shared memory of at least `pages` pages for one run: the released one (grown when too small), else a new one
 * that may grow to 4 GiB (or, where the runtime refuses to reserve that much, of exactly `pages`).
 */
export function takeMemory(pages: number): WasmMemory {
  const memory = spare;
  spare = undefined;
  if (memory) {
    const have = memory.buffer.byteLength / PAGE_BYTES;
    try {
      if (have < pages) memory.grow(pages - have);
      return memory;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const { Memory } = api();
  try {
    return new Memory({ initial: pages, maximum: MAX_PAGES, shared: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new Memory({ initial: pages, maximum: pages, shared: true });
  }
}

/** Give a run's memory back for the next run (nothing may use it afterwards). */
export function releaseMemory(memory: WasmMemory): void {
  spare = memory;
}
