/**
 * Seeded synthetic data for the k-means and silhouette benchmarks, written to bench/data/*.bin (raw little-endian
 * float64, row-major) so the Python side reads exactly the same numbers. Files are reused when present.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomNormal, seededRandom } from "../src/core/random";

export const DATA_DIR = join(__dirname, "data");

export type Shape = "uniform" | "blobs";

/** Path of the n × d data set of the given shape (created on first use). */
export function benchData(shape: Shape, n: number, d: number, seed = 0): string {
  const file = join(DATA_DIR, `${shape}-${n}x${d}-s${seed}.bin`);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const random = seededRandom(seed);
  const data = new Float64Array(n * d);
  if (shape === "uniform") {
    for (let i = 0; i < n * d; i++) data[i] = random();
  } else {
    // 5 blobs: centres uniform in [-10, 10]^d, unit normal noise
    const centres = Array.from({ length: 5 * d }, () => 20 * random() - 10);
    for (let i = 0; i < n; i++) {
      const c = Math.floor(random() * 5);
      for (let f = 0; f < d; f++) data[i * d + f] = centres[c * d + f]! + randomNormal(random);
    }
  }
  writeFileSync(file, Buffer.from(data.buffer));
  return file;
}

/** Read a raw float64 file back. */
export function readFloat64(file: string): Float64Array {
  const buf = readFileSync(file);
  return new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8).slice();
}

export function writeFloat64(file: string, data: Float64Array): void {
  writeFileSync(file, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
