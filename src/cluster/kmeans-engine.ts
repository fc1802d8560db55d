/**
 * Where one k-means call keeps its data and which kernel its assignment passes run: by default the WebAssembly SIMD
 * kernel (kmeans-wasm.ts), whose one shared memory holds the data, labels, bounds and sums of every run of the call
 * (the data is written into it once, instead of a shared copy, so the call needs no more memory than the JavaScript
 * path); else the JavaScript kernels, on this thread or over SharedArrayBuffers on several. Both give the same bits.
 * Internal: inputs are assumed validated.
 */
import type { FlatMatrix, Matrix } from "../core/matrix";
import { sharedStore, wasmStore } from "./kmeans-store";
import { AssignTeam, sharedCopy } from "./kmeans-threads";
import { tryWasmAssign } from "./kmeans-wasm";

/**
 * The assignment kernel of a k-means call: "wasm" (WebAssembly SIMD), or "js" (the JavaScript kernels, which
 * "wasm" falls back to where WebAssembly or shared memory is missing or the call needs more than 4 GiB).
 */
export type KMeansKernel = "wasm" | "js";

/** Internal settings of a k-means call (for tests and benchmarks; results do not depend on them). */
export interface KMeansEngine {
  /** The assignment kernel. @default "wasm" */
  kernel?: KMeansKernel;
}

/** The data of one k-means call and the team that runs its passes (none: the JavaScript kernel, one thread). */
export interface PreparedData {
  X: FlatMatrix;
  team: AssignTeam | undefined;
}

/**
 * Prepare typed data: copied into the wasm memory, or (JavaScript kernel on several threads) into shared memory
 * unless it spans a whole SharedArrayBuffer already, or read in place.
 */
export function prepareFlat(flat: FlatMatrix, k: number, threads: number, kernel: KMeansKernel): PreparedData {
  const { data, nSamples: n, nFeatures: d } = flat;
  const wasm = kernel === "wasm" ? tryWasmAssign(n, d, k, { slots: threads }) : undefined;
  if (wasm) {
    wasm.setData(data);
    return { X: { ...flat, data: wasm.data }, team: new AssignTeam(wasmStore(wasm), threads) };
  }
  if (threads === 1) return { X: flat, team: undefined };
  const shared = wholeShared(data);
  return { X: { ...flat, data: shared }, team: new AssignTeam(sharedStore(shared, n, k, d), threads) };
}

/** Prepare rows: written straight into the wasm memory, or into flat (shared, with threads) storage. */
export function prepareRows(rows: Matrix, d: number, k: number, threads: number, kernel: KMeansKernel): PreparedData {
  const n = rows.length;
  const wasm = kernel === "wasm" ? tryWasmAssign(n, d, k, { slots: threads }) : undefined;
  if (wasm) {
    rows.forEach((row, i) => wasm.data.set(row, i * d));
    return { X: { data: wasm.data, nSamples: n, nFeatures: d }, team: new AssignTeam(wasmStore(wasm), threads) };
  }
  const data = new Float64Array(threads > 1 ? new SharedArrayBuffer(n * d * 8) : new ArrayBuffer(n * d * 8));
  rows.forEach((row, i) => data.set(row, i * d));
  const X = { data, nSamples: n, nFeatures: d };
  return { X, team: threads > 1 ? new AssignTeam(sharedStore(data, n, k, d), threads) : undefined };
}

/**
 * `data` in shared memory that the worker threads map whole (they see `data.buffer`): itself when it spans its
 * SharedArrayBuffer, else a copy (a view into part of a shared buffer is copied too).
 */
function wholeShared(data: Float64Array): Float64Array {
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  if (whole || !(data.buffer instanceof SharedArrayBuffer)) return sharedCopy(data);
  const copy = new Float64Array(new SharedArrayBuffer(data.byteLength));
  copy.set(data);
  return copy;
}
