/** `segment run`'s model fit: k-means (best of several seeded starts), a Gaussian mixture, or Ward's hierarchy. */
import { ArgumentError } from "../core/errors";
import type { Matrix } from "../core/matrix";
import { toFlat } from "../core/matrix";
import { agglomerative } from "../cluster/agglomerative";
import { gaussianMixture } from "../cluster/gmm";
import { checkKMeansOptions, kmeansFlat, type KMeansResult } from "../cluster/kmeans";
import type { Algorithm } from "./segment-model";

/** A fitted segmentation: labels, centres in the scaled space, and the mixture parameters for gmm. */
export interface SegmentFit {
  labels: number[];
  centroids: Matrix;
  gmm?: { weights: number[]; covariances: Matrix[] };
}

/** Runs per k-means fit: 10 (scikit-learn's classic default) up to 100,000 rows, 1 above (scikit-learn's n_init="auto" for k-means++). */
function kmeansRuns(n: number): number {
  return n > 100_000 ? 1 : 10;
}

/** Fit `algorithm` with k segments on the scaled rows; `tick` reports k-means starts done. */
export function fitSegments(X: Matrix, k: number, algorithm: Algorithm, seed: number, tick: (done: number, total: number) => void): SegmentFit {
  switch (algorithm) {
    case "kmeans": {
      // One run per seed (seed, seed + 1, …) so progress can be counted; the lowest inertia wins.
      const flat = toFlat(X);
      const runs = kmeansRuns(X.length);
      let best: KMeansResult | undefined;
      for (let r = 0; r < runs; r++) {
        const fit = kmeansFlat(flat, checkKMeansOptions({ k, seed: seed + r, nInit: 1 }, flat.nSamples, flat.nFeatures));
        if (!best || fit.inertia < best.inertia) best = fit;
        tick(r + 1, runs);
      }
      return { labels: best!.labels, centroids: best!.centroids };
    }
    case "gmm": {
      const fit = gaussianMixture(X, { k, seed, covarianceType: "full", nInit: 1 });
      return { labels: fit.labels, centroids: fit.means, gmm: { weights: fit.weights, covariances: fit.covariances } };
    }
    case "agglomerative": {
      const { labels } = agglomerative(X, { k, linkage: "ward" });
      return { labels, centroids: clusterMeans(X, labels, k) };
    }
    default: {
      const unknown: never = algorithm;
      throw new ArgumentError(`run: unknown algorithm ${String(unknown)}`);
    }
  }
}

/** Mean of each cluster's rows (the centroids of an agglomerative fit). */
function clusterMeans(X: Matrix, labels: number[], k: number): Matrix {
  const d = X[0]!.length;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const counts = new Array<number>(k).fill(0);
  labels.forEach((l, i) => {
    counts[l]!++;
    for (let j = 0; j < d; j++) sums[l]![j]! += X[i]![j]!;
  });
  return sums.map((s, c) => s.map((v) => v / counts[c]!));
}
