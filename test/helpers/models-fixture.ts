import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The scikit-learn / scipy reference results written by test/fixtures/sklearn_models.py. */
export interface ModelsFixture {
  data: Record<string, number[][]>;
  agglomerative: { data: string; linkage: "ward" | "complete" | "average" | "single"; Z: number[][]; labels: Record<string, number[]> }[];
  gmm: {
    data: string;
    k: number;
    covarianceType: "full" | "diag" | "tied" | "spherical";
    init: { weights: number[]; means: number[][]; precisions: unknown };
    fit: {
      score: number;
      bic: number;
      aic: number;
      iterations: number;
      converged: boolean;
      weights: number[];
      means: number[][];
      covariances: unknown;
      labels: number[];
      probabilities: number[][];
    };
    ownInit: Record<string, { bic: number; aic: number; score: number }>;
  }[];
  dbscan: { data: string; eps: number; minSamples: number; labels: number[]; coreSampleIndices: number[] }[];
  kDistances: { data: string; k: number; distances: number[] }[];
}

export const modelsFixture: ModelsFixture = JSON.parse(
  readFileSync(join(__dirname, "..", "fixtures", "models.json"), "utf8"),
);
