/**
 * Agglomerative (hierarchical) clustering on Euclidean distances, built on ml-hclust's `agnes`,
 * with the merge tree returned as a scipy-style linkage matrix for dendrograms.
 */
import { agnes, type AgglomerationMethod, type Cluster } from "ml-hclust";
import { ArgumentError } from "../core/errors";
import { checkMatrix, type Matrix } from "../core/matrix";

/** How the distance between two clusters is measured. */
export type Linkage = "ward" | "complete" | "average" | "single";

/** One row of a linkage matrix: `[a, b, height, size]` (scipy's `Z[i]`). */
export type LinkageRow = [a: number, b: number, height: number, size: number];

export interface AgglomerativeOptions {
  /** Number of clusters to cut the tree into, 1 <= k <= nSamples. */
  k: number;
  /**
   * Linkage criterion. `ward` minimises the within-cluster variance (scipy/sklearn Ward: the
   * height is the Ward distance on the Euclidean scale).
   * @default "ward"
   */
  linkage?: Linkage;
}

export interface AgglomerativeResult {
  /** Cluster of each sample, numbered from 0 in order of first appearance in X (sample 0 is in cluster 0). */
  labels: number[];
  /**
   * The scipy linkage matrix, nSamples − 1 rows `[a, b, height, size]`: leaves are 0..n−1, merge i
   * creates cluster n + i, a < b, heights non-decreasing.
   */
  merges: LinkageRow[];
}

/**
 * Hierarchical clustering of the rows of X, cut into k clusters.
 *
 * Costs O(n³) time and O(n²) memory (ml-hclust's agnes): fine for a few thousand rows.
 *
 * @param X - nSamples × nFeatures, Euclidean distances between rows.
 * @param options - `k` (required) and `linkage` (default `"ward"`).
 * @returns `labels` (length nSamples) and `merges` ((nSamples − 1) × 4 linkage matrix).
 * @throws {ArgumentError} on a bad X, k not an integer in 1..nSamples, or an unknown linkage.
 * @example
 * agglomerative([[0], [1], [10], [11]], { k: 2, linkage: "single" });
 * // => { labels: [0, 0, 1, 1], merges: [[0, 1, 1, 2], [2, 3, 1, 2], [4, 5, 9, 4]] }
 */
export function agglomerative(X: Matrix, options: AgglomerativeOptions): AgglomerativeResult {
  const { nSamples } = checkMatrix(X, "agglomerative");
  const k = options?.k;
  checkK(k, nSamples, "agglomerative");
  const linkage = options.linkage ?? "ward";
  const merges = linkageMatrix(X, agnesMethod(linkage));
  return { labels: cutTreeUnchecked(merges, nSamples, k), merges };
}

/**
 * Labels from a linkage matrix cut into k clusters: the first n − k merges are applied.
 *
 * @param merges - (n − 1) × 4 linkage matrix, as returned by {@link agglomerative}.
 * @param k - number of clusters, 1 <= k <= n.
 * @returns labels of the n leaves, numbered from 0 in order of first appearance.
 * @throws {ArgumentError} on a malformed linkage matrix or a bad k.
 * @example
 * cutTree([[0, 1, 1, 2], [2, 3, 1, 2], [4, 5, 9, 4]], 2); // => [0, 0, 1, 1]
 */
export function cutTree(merges: readonly LinkageRow[], k: number): number[] {
  const n = merges.length + 1;
  checkK(k, n, "cutTree");
  merges.forEach((row, i) => {
    const [a, b] = row;
    const valid = (id: number) => Number.isInteger(id) && id >= 0 && id < n + i;
    if (!valid(a) || !valid(b) || a === b) {
      throw new ArgumentError(`cutTree: merges[${i}] = [${row.join(", ")}] joins ids not below ${n + i}`);
    }
  });
  return cutTreeUnchecked(merges, n, k);
}

function checkK(k: number, nSamples: number, fn: string): void {
  if (!Number.isInteger(k) || k < 1 || k > nSamples) {
    throw new ArgumentError(`${fn}: k=${k} must be an integer in 1..nSamples=${nSamples}`);
  }
}

function agnesMethod(linkage: Linkage): AgglomerationMethod {
  switch (linkage) {
    case "ward":
      return "ward2"; // Lance–Williams on squared distances, height = sqrt: scipy's Ward
    case "complete":
    case "average":
    case "single":
      return linkage;
    default: {
      const unknown: never = linkage;
      throw new ArgumentError(`agglomerative: unknown linkage "${String(unknown)}"`);
    }
  }
}

/**
 * Run agnes and flatten its tree into a scipy linkage matrix. Assumes validated input.
 * Merges are ordered by height; a merge comes after its children even at equal heights.
 */
function linkageMatrix(X: Matrix, method: AgglomerationMethod): LinkageRow[] {
  const n = X.length;
  if (n === 1) return [];
  const root = agnes(X, { method });
  const internal: Cluster[] = [];
  root.traverse((node) => {
    if (!node.isLeaf) internal.push(node);
  });
  const ids = new Map<Cluster, number>();
  const minLeaf = new Map<Cluster, number>();
  const idOf = (node: Cluster) => (node.isLeaf ? node.index : ids.get(node)!);
  const leafKey = (node: Cluster): number => {
    if (node.isLeaf) return node.index;
    let key = minLeaf.get(node);
    if (key === undefined) {
      key = Math.min(...node.children.map(leafKey));
      minLeaf.set(node, key);
    }
    return key;
  };
  const ready = (node: Cluster) => node.children.every((c) => c.isLeaf || ids.has(c));
  const merges: LinkageRow[] = [];
  const pending = new Set(internal);
  while (pending.size > 0) {
    // next merge: the lowest ready node; ties broken by the smallest leaf index it contains
    let best: Cluster | undefined;
    for (const node of pending) {
      if (!ready(node)) continue;
      if (
        best === undefined ||
        node.height < best.height ||
        (node.height === best.height && leafKey(node) < leafKey(best))
      ) {
        best = node;
      }
    }
    const [left, right] = best!.children as [Cluster, Cluster];
    const a = idOf(left);
    const b = idOf(right);
    merges.push([Math.min(a, b), Math.max(a, b), best!.height, best!.size]);
    ids.set(best!, n + merges.length - 1);
    pending.delete(best!);
  }
  return merges;
}

/** Apply the first n − k merges with union–find; label clusters by first appearance. Assumes validated input. */
function cutTreeUnchecked(merges: readonly LinkageRow[], n: number, k: number): number[] {
  // owner[id] = the cluster id that node id has been merged into so far (path-compressed)
  const owner = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const find = (id: number): number => {
    while (owner[id] !== id) {
      owner[id] = owner[owner[id]!]!;
      id = owner[id]!;
    }
    return id;
  };
  for (let i = 0; i < n - k; i++) {
    const [a, b] = merges[i]!;
    owner[find(a)] = n + i;
    owner[find(b)] = n + i;
  }
  const labelOf = new Map<number, number>();
  const labels = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const rootId = find(i);
    if (!labelOf.has(rootId)) labelOf.set(rootId, labelOf.size);
    labels[i] = labelOf.get(rootId)!;
  }
  return labels;
}
