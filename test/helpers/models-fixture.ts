import { readFileSync } from "node:fs";
import { join } from "node:path";
import { standardScale } from "../../src/preprocess/standard-scale";
import { mallFeatures } from "./mall";

/** The scikit-learn / scipy reference results written by test/fixtures/sklearn_models.py. */
export interface ModelsFixture {
  /** The inputs by name: the synthetic set from the fixture, the Mall sets built from the CSV here. */
  data: Record<string, number[][]>;
  agglomerative: {
    data: string;
    linkage: "ward" | "complete" | "average" | "single";
    Z: number[][];
    labels: Record<string, number[]>;
  }[];
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

const stored = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "models.json"), "utf8")) as ModelsFixture & {
  jitterNoise: number[][];
};
const mall = mallFeatures();

export const modelsFixture: ModelsFixture = {
  ...stored,
  data: {
    ...stored.data,
    income_spending: mall.income_spending,
    age_income_spending: mall.age_income_spending,
    income_spending_std: standardScale(mall.income_spending).X,
    age_income_spending_std: standardScale(mall.age_income_spending).X,
    // income × spending plus the fixture's small noise: no tied distances, so merge orders are unique
    income_spending_jitter: mall.income_spending.map((row, i) => row.map((v, j) => v + stored.jitterNoise[i]![j]!)),
  },
};
