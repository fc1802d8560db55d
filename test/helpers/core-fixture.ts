/** Typed access to test/fixtures/core.json (written by test/fixtures/sklearn_core.py). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";
import { assertClose } from "./assert-close";

/** Column checksums stored instead of a matrix derived from the Mall data (which is never committed). */
export interface MatrixDigest {
  rows: number;
  sum: number[];
  sumSq: number[];
  weighted: number[];
  absSum: number[];
}
export interface ScalerRef {
  center: number[];
  scale: number[];
  X: number[][] | MatrixDigest;
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
  scores: MatrixDigest;
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

/** The {@link MatrixDigest} of a matrix, computed as test/fixtures/sklearn_core.py does. */
export function digest(M: number[][]): MatrixDigest {
  const d = M[0]?.length ?? 0;
  const zeros = () => new Array<number>(d).fill(0);
  const out: MatrixDigest = { rows: M.length, sum: zeros(), sumSq: zeros(), weighted: zeros(), absSum: zeros() };
  M.forEach((row, i) =>
    row.forEach((v, j) => {
      out.sum[j]! += v;
      out.sumSq[j]! += v * v;
      out.weighted[j]! += (i + 1) * v;
      out.absSum[j]! += Math.abs(v);
    }),
  );
  return out;
}

/**
 * Assert that `actual` matches a reference matrix, or a reference digest: each column sum within
 * rtol × the column's sum of |values| (so sums near 0 compare on the scale of the data).
 */
export function assertMatrixMatches(
  actual: number[][],
  ref: number[][] | MatrixDigest,
  rtol: number,
  atol = 1e-12,
): void {
  if (Array.isArray(ref)) {
    assertClose(actual, ref, rtol, atol);
    return;
  }
  const got = digest(actual);
  assert.equal(got.rows, ref.rows, "rows");
  for (const key of ["sum", "sumSq", "weighted", "absSum"] as const) {
    ref[key].forEach((expected, j) => {
      const scale = key === "sumSq" ? ref.sumSq[j]! : key === "weighted" ? ref.rows * ref.absSum[j]! : ref.absSum[j]!;
      assertClose(got[key][j], expected, 0, rtol * scale + atol, `${key}[${j}]`);
    });
  }
}
