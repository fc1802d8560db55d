/** Typed access to test/fixtures/core.json (written by test/fixtures/sklearn_core.py). */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface ScalerRef {
  center: number[];
  scale: number[];
  X: number[][];
}
export interface KMeansRef {
  inertia: number;
  labels: number[];
  centroids: number[][];
}
export interface MetricRef {
  X: number[][] | null;
  labels: number[];
  silhouette_samples: number[];
  silhouette_score: number;
  davies_bouldin: number;
  calinski_harabasz: number;
  inertia: number;
}
export interface PcaRef {
  components: number[][];
  explained_variance: number[];
  explained_variance_ratio: number[];
  mean: number[];
  scores: number[][];
}
export interface CoreFixture {
  generator: string;
  scalers: Record<string, { X: number[][] | null; standard: ScalerRef; minmax: ScalerRef; robust: ScalerRef }>;
  kmeans: Record<string, Record<string, KMeansRef>>;
  metrics: Record<string, MetricRef>;
  ari: Record<string, number>;
  pca: Record<string, PcaRef>;
}

export const core: CoreFixture = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "core.json"), "utf8"));
