/**
 * The CLI's model is a library call: `segment run --seed S --k K` gives bit-for-bit the labels and centres of
 * `kmeans(Z, { k: K, seed: S, nInit: 10 })` (and the means, weights and covariances of
 * `gaussianMixture(Z, { k: K, seed: S, covarianceType: "full" })`) on the matrix Z the CLI builds: the Mall
 * features, standard-scaled.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { gaussianMixture } from "../src/cluster/gmm";
import { kmeans } from "../src/cluster/kmeans";
import type { Matrix } from "../src/core/matrix";
import { loadMallCustomers, mallMatrix } from "../src/data/load-mall";
import { parseCsv } from "../src/data/read-csv";
import { standardScale } from "../src/preprocess/standard-scale";
import { fitSegments, kmeansRuns } from "../src/cli/fit-segments";
import { MALL_CSV, runSegment } from "./helpers/run-segment";

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-repro-"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Z as the CLI builds it: income and spending of the Mall customers, (x − mean) / std per column. */
function scaledMall(): Matrix {
  const X = mallMatrix(loadMallCustomers(MALL_CSV).customers, ["income", "spending"]);
  return standardScale(X).X;
}

/** Run the CLI with --keep-ids; return its model.json and the segment of each customer, in file order. */
function runCli(args: string[]): { model: Record<string, unknown>; labels: number[] } {
  const out = path.join(dir, args.join("_").replace(/[^a-z0-9_]/gi, ""));
  const r = runSegment(["run", MALL_CSV, "--out", out, "--keep-ids", "--quiet", ...args]);
  assert.equal(r.code, 0, r.stderr);
  const model = JSON.parse(fs.readFileSync(path.join(out, "model.json"), "utf8"));
  const segments = parseCsv(fs.readFileSync(path.join(out, "segments.csv"), "utf8"), "segments.csv");
  const ids = loadMallCustomers(MALL_CSV).customers.map((c) => String(c.customerId));
  assert.deepEqual(
    segments.rows.map((r) => r[0]),
    ids,
    "segments.csv keeps the input order",
  );
  return { model, labels: segments.rows.map((r) => Number(r[1])) };
}

test("segment run --algorithm kmeans --seed 7 --k 5 is kmeans(Z, { k: 5, seed: 7, nInit: 10 }), bit for bit", () => {
  const Z = scaledMall();
  const { model, labels } = runCli(["--k", "5", "--seed", "7"]);
  const fit = kmeans(Z, { k: 5, seed: 7, nInit: kmeansRuns(Z.length) });
  assert.equal(kmeansRuns(Z.length), 10);
  assert.deepEqual(model.centroids, fit.centroids); // JSON keeps every bit of a double
  assert.deepEqual(labels, fit.labels);
  // another seed gives another start: the comparison above is not vacuous
  const other = kmeans(Z, { k: 5, seed: 8, nInit: 1 });
  assert.notDeepEqual(other.centroids, fit.centroids);
});

test("segment run --algorithm gmm --seed 3 --k 4 is gaussianMixture(Z, { k: 4, seed: 3, covarianceType: 'full' })", () => {
  const Z = scaledMall();
  const { model, labels } = runCli(["--algorithm", "gmm", "--k", "4", "--seed", "3"]);
  const fit = gaussianMixture(Z, { k: 4, seed: 3, covarianceType: "full" });
  assert.deepEqual(model.centroids, fit.means);
  assert.deepEqual(model.gmm, { weights: fit.weights, covariances: fit.covariances });
  assert.deepEqual(labels, fit.labels);
});

test("fitSegments reports progress from the engines' onRun and returns the library's fit", () => {
  const Z = scaledMall();
  const ticks: string[] = [];
  const fit = fitSegments(Z, 5, "kmeans", 42, (done, total) => ticks.push(`${done}/${total}`));
  assert.deepEqual(
    ticks,
    Array.from({ length: 10 }, (_, i) => `${i + 1}/10`),
  );
  const reference = kmeans(Z, { k: 5, seed: 42, nInit: 10 });
  assert.deepEqual(fit, { labels: reference.labels, centroids: reference.centroids });
  const gmmTicks: string[] = [];
  fitSegments(Z, 3, "gmm", 42, (done, total) => gmmTicks.push(`${done}/${total}`));
  assert.deepEqual(gmmTicks, ["1/1"]);
});

test("onRun sees every run with its inertia; the kept run is the lowest", () => {
  const Z = scaledMall();
  const runs: { run: number; nRuns: number; inertia: number }[] = [];
  const fit = kmeans(Z, { k: 5, seed: 42, nInit: 4, onRun: (r) => runs.push(r) });
  assert.deepEqual(
    runs.map((r) => [r.run, r.nRuns]),
    [
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ],
  );
  assert.equal(fit.inertia, Math.min(...runs.map((r) => r.inertia)));
  const withoutCallback = kmeans(Z, { k: 5, seed: 42, nInit: 4 });
  assert.deepEqual(withoutCallback, fit);
});
