/**
 * Fit on a sample, score everything: what the sample size does to the segments. The RFM features of the
 * seeded 1e7-row log (bench/data/transactions-1e7-s0.csv, about 200,000 customers, DuckDB), log + standard
 * scaling and k-means (k = 4, 10 starts) as `clusterRfm`, fitted on seeded samples of 1,000 … 100,000
 * customers (five samples each, each scaled on itself as `segment run` would) and on everyone. Every
 * customer is then assigned by the sample's model (what `segment sql` does in the warehouse) and compared
 * with the full fit: adjusted Rand index, silhouette (the same seeded 5,000 customers every time, in the
 * full data's scaled space) and centre drift (the largest distance from a sample centre to the nearest full
 * centre, in standard deviations of the full data).
 *   node --import tsx bench/sample-size.bench.ts [--rows N]        (default 1e7)
 */
import { kmeans } from "../src/cluster/kmeans";
import { predictNearest } from "../src/cluster/kmeans-predict";
import type { Matrix } from "../src/core/matrix";
import { sampleIndices, seededRandom } from "../src/core/random";
import { adjustedRandScore } from "../src/evaluate/adjusted-rand";
import { silhouetteScore } from "../src/evaluate/silhouette";
import { standardScale } from "../src/preprocess/standard-scale";
import { rfmLogMatrix } from "../src/rfm/cluster-rfm";
import { rfmFeatures } from "../src/rfm/features";
import { syntheticTransactionsFile } from "./transactions-file";

const K = 4;
const SAMPLE_SIZES = [1_000, 5_000, 20_000, 100_000];
const SEEDS = [0, 1, 2, 3, 4];

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const distance = (a: readonly number[], b: readonly number[]): number => Math.hypot(...a.map((x, j) => x - b[j]!));

async function main(): Promise<void> {
  const rowsArg = process.argv.indexOf("--rows");
  const n = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1e7;
  const { customers } = await rfmFeatures(await syntheticTransactionsFile(n), { threads: 2 });
  const logs = rfmLogMatrix(customers);
  const full = standardScale(logs);
  const fullFit = kmeans(full.X, { k: K, nInit: 10, seed: 0 });
  const fullSilhouette = silhouetteScore(full.X, fullFit.labels, {
    sampleSize: Math.min(5_000, customers.length),
    seed: 0,
  });
  console.error(`${customers.length} customers; full fit: silhouette ${fullSilhouette.toFixed(3)}`);
  const rows = [];
  for (const size of SAMPLE_SIZES.filter((s) => s < customers.length)) {
    const aris: number[] = [];
    const silhouettes: number[] = [];
    const drifts: number[] = [];
    const times: number[] = [];
    for (const seed of SEEDS) {
      const sample: Matrix = Array.from(sampleIndices(seededRandom(seed), customers.length, size), (i) => logs[i]!);
      const t0 = performance.now();
      const scaled = standardScale(sample);
      const fit = kmeans(scaled.X, { k: K, nInit: 10, seed });
      times.push(performance.now() - t0);
      // The sample's model applied to everyone: scale with the sample's centre and scale, nearest centre.
      const everyone = logs.map((row) => row.map((v, j) => (v - scaled.center[j]!) / scaled.scale[j]!));
      const labels = predictNearest(fit.centroids, everyone);
      aris.push(adjustedRandScore(labels, fullFit.labels));
      silhouettes.push(silhouetteScore(full.X, labels, { sampleSize: Math.min(5_000, customers.length), seed: 0 }));
      // Sample centres in the full data's scaled space; drift = farthest one from its nearest full centre.
      const centres = fit.centroids.map((c) =>
        c.map((z, j) => (z * scaled.scale[j]! + scaled.center[j]! - full.center[j]!) / full.scale[j]!),
      );
      drifts.push(Math.max(...centres.map((c) => Math.min(...fullFit.centroids.map((f) => distance(c, f))))));
    }
    const row = {
      size,
      ariMedian: median(aris),
      ariMin: Math.min(...aris),
      silhouette: median(silhouettes),
      driftMedian: median(drifts),
      driftMax: Math.max(...drifts),
      fitMs: median(times),
    };
    console.error(
      `sample ${String(size).padStart(7)}: ARI vs full ${row.ariMedian.toFixed(3)} (min ${row.ariMin.toFixed(3)}), silhouette ${row.silhouette.toFixed(3)}, centre drift ${row.driftMedian.toFixed(3)} (max ${row.driftMax.toFixed(3)}) sd, fit ${row.fitMs.toFixed(0)} ms`,
    );
    rows.push(row);
  }
  console.log(JSON.stringify({ customers: customers.length, fullSilhouette, rows }));
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
