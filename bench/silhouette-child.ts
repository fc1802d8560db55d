/**
 * Our exact silhouette score timed in its own process:
 *   node --import tsx bench/silhouette-child.ts <data.bin> <labels.bin> <d> <repeats>
 * Prints one JSON line: { times, peakMb, score }.
 */
import { readFileSync } from "node:fs";
import { fromFlat } from "../src/core/matrix";
import { silhouetteScore } from "../src/evaluate/silhouette";
import { readFloat64 } from "./core-data";

const [dataFile, labelsFile, dArg, repeatsArg] = process.argv.slice(2);
const d = Number(dArg);
const data = readFloat64(dataFile!);
const X = fromFlat({ data, nSamples: data.length / d, nFeatures: d });
const buf = readFileSync(labelsFile!);
const labels = Array.from(new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4));
const times: number[] = [];
let score = 0;
for (let r = 0; r < Number(repeatsArg); r++) {
  const t0 = performance.now();
  score = silhouetteScore(X, labels);
  times.push(performance.now() - t0);
}
console.log(JSON.stringify({ times, peakMb: process.resourceUsage().maxRSS / 1024, score }));
