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

/** Adjusted Rand index of two labelings (Hubert & Arabie), for comparing partitions in tests. */
export function ari(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  const pairs = (m: number) => (m * (m - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += pairs(v);
  let sumRows = 0;
  for (const v of rows.values()) sumRows += pairs(v);
  let sumCols = 0;
  for (const v of cols.values()) sumCols += pairs(v);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
