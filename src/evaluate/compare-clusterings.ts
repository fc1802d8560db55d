import { ArgumentError } from "../core/errors";
import { checkLabels, checkMatrix, type Labels, type Matrix } from "../core/matrix";
import { adjustedRandScore } from "./adjusted-rand";
import { calinskiHarabaszScore } from "./calinski-harabasz";
import { daviesBouldinScore } from "./davies-bouldin";
import { silhouetteScore } from "./silhouette";

/** A named clustering of the same samples. */
export interface NamedClustering {
  name: string;
  labels: Labels;
}

/** One method's row of the comparison table. */
export interface ClusteringComparisonRow {
  method: string;
  /** Number of clusters (noise not counted). */
  clusters: number;
  /** Samples labelled -1 (noise). */
  noise: number;
  /** Cluster sizes, largest first, e.g. "81 / 39 / 35 / 23 / 22". */
  sizes: string;
  /** Mean silhouette over the non-noise samples (NaN with fewer than 2 clusters). */
  silhouette: number;
  /** Davies–Bouldin index over the non-noise samples (NaN with fewer than 2 clusters). */
  daviesBouldin: number;
  /** Calinski–Harabasz index over the non-noise samples (NaN with fewer than 2 clusters). */
  calinskiHarabasz: number;
}

/** The comparison: one row per method and the pairwise ARI matrix. */
export interface ClusteringComparison {
  rows: ClusteringComparisonRow[];
  /** m × m adjusted Rand indices between the methods (noise counts as one more label), 1 on the diagonal. */
  ari: number[][];
}

/**
 * Compare several clusterings of the same data: size, internal indices and agreement.
 * The indices are computed on the non-noise samples only (label >= 0), so that DBSCAN's noise does not
 * count as a cluster; the ARI between two methods uses all samples.
 *
 * @param X - nSamples × nFeatures, the data the clusterings were fitted on.
 * @param clusterings - m >= 1 named label vectors of length nSamples.
 * @returns `{ rows, ari }`: one row per clustering and the m × m ARI matrix.
 * @throws {ArgumentError} on a bad X, no clusterings, or labels of the wrong length.
 * @example
 * compareClusterings([[0], [1], [10], [11]], [{ name: "a", labels: [0, 0, 1, 1] }]).rows[0].sizes; // => "2 / 2"
 */
export function compareClusterings(X: Matrix, clusterings: readonly NamedClustering[]): ClusteringComparison {
  const fn = "compareClusterings";
  const { nSamples } = checkMatrix(X, fn);
  if (clusterings.length === 0) throw new ArgumentError(`${fn}: clusterings is empty`);
  for (const c of clusterings) checkLabels(c.labels, nSamples, `${fn} (${c.name})`);
  const rows = clusterings.map((c) => compareRow(X, c));
  const ari = clusterings.map((a) => clusterings.map((b) => (a === b ? 1 : adjustedRandScore(a.labels, b.labels))));
  return { rows, ari };
}

/** One row of the table; assumes validated input. */
function compareRow(X: Matrix, { name, labels }: NamedClustering): ClusteringComparisonRow {
  const kept: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i]! >= 0) kept.push(i);
  const sizes = new Map<number, number>();
  for (const i of kept) sizes.set(labels[i]!, (sizes.get(labels[i]!) ?? 0) + 1);
  const clusters = sizes.size;
  const Xk = kept.map((i) => X[i]!);
  const lk = kept.map((i) => labels[i]!);
  const scorable = clusters >= 2 && clusters <= kept.length - 1;
  return {
    method: name,
    clusters,
    noise: labels.length - kept.length,
    sizes: [...sizes.values()].sort((a, b) => b - a).join(" / "),
    silhouette: scorable ? silhouetteScore(Xk, lk) : NaN,
    daviesBouldin: scorable ? daviesBouldinScore(Xk, lk) : NaN,
    calinskiHarabasz: scorable ? calinskiHarabaszScore(Xk, lk) : NaN,
  };
}
