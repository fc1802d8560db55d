/** Two-component PCA for the report's scatter view: the top eigenvectors of the covariance matrix (ml-matrix). */
import { EigenvalueDecomposition, Matrix as MlMatrix } from "ml-matrix";
import type { Matrix } from "../core/matrix";

export interface ReportPca {
  /** nSamples × 2 scores. */
  scores: Matrix;
  /** 2 × nFeatures axes (unit vectors, the largest coordinate of each made positive). */
  components: Matrix;
  /** Share of the total variance of PC1 and PC2. */
  explainedVarianceRatio: number[];
}

/** PCA of the rows of X onto 2 axes. Assumes X is validated with at least 2 columns. */
export function reportPca(X: Matrix): ReportPca {
  const n = X.length;
  const d = X[0]!.length;
  const mean = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) mean[j]! += row[j]! / n;
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const row of X) {
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a]![b]! += ((row[a]! - mean[a]!) * (row[b]! - mean[b]!)) / n;
  }
  const evd = new EigenvalueDecomposition(new MlMatrix(cov), { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
  const total = values.reduce((s, v) => s + Math.max(v, 0), 0);
  const components = order.slice(0, 2).map((i) => {
    const axis = vectors.getColumn(i);
    const big = axis.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
    return big < 0 ? axis.map((v) => -v) : axis;
  });
  const scores = X.map((row) => components.map((axis) => axis.reduce((s, w, j) => s + w * (row[j]! - mean[j]!), 0)));
  return { scores, components, explainedVarianceRatio: order.slice(0, 2).map((i) => (total > 0 ? Math.max(values[i]!, 0) / total : 0)) };
}
