/**
 * `segment run`'s model fit: one library call per algorithm, so that the CLI's model is reproducible from the library:
 * `kmeans(Z, { k, seed, nInit: kmeansRuns(n) })`, `gaussianMixture(Z, { k, seed, covarianceType: "full" })` or
 * Ward's `agglomerative(Z, { k })` on the scaled, encoded matrix Z. Progress comes from the engines' `onRun`.
 */
import { ArgumentError } from "../core/errors";
import { fromFlat, toFlat, type Matrix } from "../core/matrix";
import { agglomerative } from "../cluster/agglomerative";
import { gaussianMixture } from "../cluster/gmm";
import { kmeans } from "../cluster/kmeans";
import { clusterMeans, encodeLabels } from "../evaluate/cluster-codes";
import type { Algorithm } from "./segment-model";

/** A fitted segmentation: labels, centres in the scaled space, and the mixture parameters for gmm. */
export interface SegmentFit {
  labels: number[];
  centroids: Matrix;
  gmm?: { weights: number[]; covariances: Matrix[] };
}

/**
 * k-means starts of a `segment run` on n rows: 10 (scikit-learn's classic default) up to 100,000 rows, 1 above
 * (scikit-learn's n_init="auto" for k-means++).
 */
export function kmeansRuns(n: number): number {
  return n > 100_000 ? 1 : 10;
}

/**
 * Fit `algorithm` with k segments on the scaled rows X; `tick(done, total)` reports the runs done.
 * Assumes validated X (nSamples >= k) and k.
 */
export function fitSegments(
  X: Matrix,
  k: number,
  algorithm: Algorithm,
  seed: number,
  tick: (done: number, total: number) => void,
): SegmentFit {
  switch (algorithm) {
    case "kmeans": {
      const onRun = ({ run, nRuns }: { run: number; nRuns: number }) => tick(run + 1, nRuns);
      const fit = kmeans(X, { k, seed, nInit: kmeansRuns(X.length), onRun });
      return { labels: fit.labels, centroids: fit.centroids };
    }
    case "gmm": {
      const onRun = ({ run, nRuns }: { run: number; nRuns: number }) => tick(run + 1, nRuns);
      const fit = gaussianMixture(X, { k, seed, covarianceType: "full", onRun });
      return { labels: fit.labels, centroids: fit.means, gmm: { weights: fit.weights, covariances: fit.covariances } };
    }
    case "agglomerative": {
      const { labels } = agglomerative(X, { k, linkage: "ward" });
      const flat = toFlat(X);
      const { codes, counts } = encodeLabels(labels);
      const centroids = fromFlat({ data: clusterMeans(flat, codes, counts), nSamples: k, nFeatures: flat.nFeatures });
      return { labels, centroids };
    }
    default: {
      const unknown: never = algorithm;
      throw new ArgumentError(`run: unknown algorithm ${String(unknown)}`);
    }
  }
}
