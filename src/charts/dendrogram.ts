import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, clusterColor, type Figure } from "./figure";

/** A scipy linkage-matrix row: `[a, b, height, size]`; leaves are 0..n−1, row i creates node n + i. */
export type MergeRow = readonly [number, number, number, number];

export interface DendrogramOptions {
  /** @default "Dendrogram" */
  title?: string;
  /** Cut into k clusters: links below the cut are coloured by cluster (numbered like `cutTree`), a dashed line marks the cut. @default none */
  k?: number;
  /** Leaf tick labels (shown only when n <= 60). @default none */
  leafLabels?: string[];
  /** @default "merge height" */
  yTitle?: string;
  /** @default 460 */
  height?: number;
}

const defaults = { title: "Dendrogram", yTitle: "merge height", height: 460 };

/**
 * Dendrogram drawn from a scipy-style linkage matrix as line traces: each merge is a ⊓ joining its
 * two children at its height; leaves at x = 5, 15, 25, … in tree order (scipy's convention).
 *
 * @param merges - (n − 1) × 4 linkage rows with non-decreasing heights.
 * @param options - `k` for the cut, see {@link DendrogramOptions}.
 * @returns a Figure: one line trace per cluster below the cut (or one trace without `k`), a grey
 *   trace above it, and the cut as a layout shape.
 * @throws {ArgumentError} on an empty linkage matrix or k outside 1..n.
 * @example
 * dendrogramChart([[0, 1, 1, 2], [2, 3, 1, 2], [4, 5, 9, 4]], { k: 2 }).data.length; // => 3
 */
export function dendrogramChart(merges: readonly MergeRow[], options: DendrogramOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  const n = merges.length + 1;
  if (merges.length === 0) throw new ArgumentError("dendrogramChart: merges is empty (need >= 2 leaves)");
  if (opts.k !== undefined && !(Number.isInteger(opts.k) && opts.k >= 1 && opts.k <= n)) {
    throw new ArgumentError(`dendrogramChart: k=${opts.k} must be an integer in 1..${n}`);
  }
  const { xOf, order } = layoutTree(merges, n);
  const heightOf = (node: number) => (node < n ? 0 : merges[node - n]![2]);
  const clusterOfMerge = colourMerges(merges, n, opts.k ?? 1);
  const segments = new Map<number, { x: (number | null)[]; y: (number | null)[] }>();
  merges.forEach(([a, b, h], i) => {
    const group = clusterOfMerge[i]!;
    if (!segments.has(group)) segments.set(group, { x: [], y: [] });
    const s = segments.get(group)!;
    s.x.push(xOf[a]!, xOf[a]!, xOf[b]!, xOf[b]!, null);
    s.y.push(heightOf(a), h, h, heightOf(b), null);
  });
  const data: Data[] = [...segments.entries()]
    .sort(([g1], [g2]) => g1 - g2)
    .map(([group, s]) => ({
      type: "scatter",
      mode: "lines",
      x: s.x,
      y: s.y,
      hoverinfo: "y",
      name: group < 0 ? "above the cut" : opts.k ? `cluster ${group}` : "merges",
      line: { color: group < 0 || !opts.k ? "#555" : clusterColor(group), width: 1.5 },
    }));
  const showTicks = opts.leafLabels !== undefined && n <= 60;
  const layout = baseLayout(opts.title, {
    height: opts.height,
    xaxis: showTicks
      ? {
          tickvals: order.map((_, i) => 5 + 10 * i),
          ticktext: order.map((leaf) => opts.leafLabels![leaf] ?? String(leaf)),
          title: { text: "customers" },
        }
      : { showticklabels: false, title: { text: `${n} customers (leaves, in tree order)` } },
    yaxis: { title: { text: opts.yTitle } },
  });
  if (opts.k !== undefined && opts.k > 1) {
    const cut = (merges[n - opts.k - 1]![2] + merges[n - opts.k]![2]) / 2;
    layout.shapes = [
      {
        type: "line",
        xref: "paper",
        x0: 0,
        x1: 1,
        y0: cut,
        y1: cut,
        line: { dash: "dash", color: "#222", width: 1.5 },
      },
    ];
    layout.annotations = [
      {
        xref: "paper",
        x: 1,
        y: cut,
        text: `cut: k = ${opts.k}`,
        showarrow: false,
        xanchor: "right",
        yanchor: "bottom",
      },
    ];
  }
  return { data, layout };
}

/** x of every node (leaves 0..n−1, merges n..2n−2) and the leaf order, by depth-first walk from the root. */
function layoutTree(merges: readonly MergeRow[], n: number): { xOf: number[]; order: number[] } {
  const xOf = new Array<number>(2 * n - 1);
  const order: number[] = [];
  const stack: [node: number, visited: boolean][] = [[2 * n - 2, false]];
  while (stack.length > 0) {
    const [node, visited] = stack.pop()!;
    if (node < n) {
      xOf[node] = 5 + 10 * order.length;
      order.push(node);
    } else if (visited) {
      const [a, b] = merges[node - n]!;
      xOf[node] = (xOf[a]! + xOf[b]!) / 2;
    } else {
      const [a, b] = merges[node - n]!;
      stack.push([node, true], [b, false], [a, false]);
    }
  }
  return { xOf, order };
}

/**
 * Cluster of each merge when the tree is cut into k clusters: -1 for the top k − 1 merges (above the
 * cut), else the number of the cluster it belongs to, numbered by the smallest leaf it holds (as `cutTree`).
 */
function colourMerges(merges: readonly MergeRow[], n: number, k: number): number[] {
  const nBelow = n - k;
  const minLeaf = new Array<number>(2 * n - 1);
  for (let i = 0; i < n; i++) minLeaf[i] = i;
  merges.forEach(([a, b], i) => {
    minLeaf[n + i] = Math.min(minLeaf[a]!, minLeaf[b]!);
  });
  // Roots of the k clusters: nodes below the cut whose parent is above it (or leaves never merged below it).
  const parent = new Array<number>(2 * n - 1).fill(-1);
  merges.forEach(([a, b], i) => {
    parent[a] = n + i;
    parent[b] = n + i;
  });
  const isBelow = (node: number) => node < n || node - n < nBelow;
  const roots: number[] = [];
  for (let node = 0; node < 2 * n - 1; node++) {
    if (isBelow(node) && (parent[node] === -1 || !isBelow(parent[node]!))) roots.push(node);
  }
  roots.sort((r1, r2) => minLeaf[r1]! - minLeaf[r2]!);
  const clusterOfNode = new Array<number>(2 * n - 1).fill(-1);
  roots.forEach((root, c) => {
    clusterOfNode[root] = c;
  });
  // Parents come after children, so walk the merges top-down to hand each cluster number downwards.
  for (let i = merges.length - 1; i >= 0; i--) {
    const node = n + i;
    const c = clusterOfNode[node]!;
    if (c < 0) continue;
    const [a, b] = merges[i]!;
    clusterOfNode[a] = c;
    clusterOfNode[b] = c;
  }
  return merges.map((_, i) => (i < nBelow ? clusterOfNode[n + i]! : -1));
}
