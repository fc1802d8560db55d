import type { Shape } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { isLeaf, type RuleTree } from "../rules/tree";
import { clusters2dChart } from "./clusters-2d";
import type { Figure } from "./figure";

export interface RuleMistakesOptions {
  /** @default "Segments and the rules' cuts (circled: customers the rules misplace)" */
  title?: string;
  /** Axis titles for columns 0 and 1. @default ["x", "y"] */
  featureNames?: [string, string];
  /** Legend name of segment s. @default "cluster s" */
  segmentNames?: string[];
  /** A tree over columns 0 and 1 whose cuts are drawn as lines, each within its own region. @default none */
  tree?: RuleTree;
  /** One hover line per row. @default none */
  hoverText?: string[];
  /** @default 480 */
  height?: number;
}

const defaults = { title: "Segments and the rules' cuts (circled: customers the rules misplace)", height: 480 };

/**
 * The segment scatter of two features with the rows whose rule segment differs from their own circled in
 * black, and the tree's cuts drawn as dashed lines, each only across the region its node covers.
 *
 * @param X - nSamples × ≥2; columns 0 and 1 are drawn.
 * @param labels - nSamples segment numbers (the clustering).
 * @param predicted - nSamples segment numbers the rules assign (`predictRules`).
 * @param options - see {@link RuleMistakesOptions}.
 * @returns clusters2dChart's traces plus a "misplaced by the rules (m)" trace; cuts as layout shapes.
 * @throws {ArgumentError} when labels or predicted differ in length from X, or the tree cuts a column other than 0 and 1.
 * @example
 * ruleMistakesChart([[0, 0], [5, 5]], [0, 1], [0, 0]).data.at(-1).name; // => "misplaced by the rules (1)"
 */
export function ruleMistakesChart(
  X: number[][],
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: RuleMistakesOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (labels.length !== X.length || predicted.length !== X.length) {
    throw new ArgumentError(
      `ruleMistakesChart: X has ${X.length} rows, labels ${labels.length}, predicted ${predicted.length}`,
    );
  }
  const base = clusters2dChart(X, labels, {
    title: opts.title,
    height: opts.height,
    ...(opts.featureNames ? { featureNames: opts.featureNames } : {}),
    ...(opts.segmentNames ? { clusterNames: opts.segmentNames } : {}),
    ...(opts.hoverText ? { hoverText: opts.hoverText } : {}),
  });
  const wrong: number[] = [];
  for (let i = 0; i < X.length; i++) if (labels[i] !== predicted[i]) wrong.push(i);
  base.data.push({
    type: "scatter",
    mode: "markers",
    name: `misplaced by the rules (${wrong.length})`,
    x: wrong.map((i) => X[i]![0]!),
    y: wrong.map((i) => X[i]![1]!),
    text: wrong.map(
      (i) => `segment ${labels[i]}, rules say ${predicted[i]}${opts.hoverText ? ` (${opts.hoverText[i]})` : ""}`,
    ),
    hoverinfo: "text",
    marker: { symbol: "circle-open", size: 16, color: "#000", line: { width: 2 } },
  });
  if (opts.tree) base.layout = { ...base.layout, shapes: cutLines(opts.tree, X) };
  return base;
}

/** Each cut as a line across its node's region, the regions bounded by the data's range padded by 5 %. */
function cutLines(tree: RuleTree, X: number[][]): Partial<Shape>[] {
  const range = [0, 1].map((j) => {
    const values = X.map((row) => row[j]!);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = (hi - lo) * 0.05 || 1;
    return [lo - pad, hi + pad] as [number, number];
  });
  const shapes: Partial<Shape>[] = [];
  const walk = (node: RuleTree, box: [number, number][]): void => {
    if (isLeaf(node)) return;
    const j = node.feature;
    if (j > 1) throw new ArgumentError(`ruleMistakesChart: the tree cuts column ${j}; only columns 0 and 1 are drawn`);
    const t = node.threshold;
    const [bx, by] = box as [[number, number], [number, number]];
    shapes.push(
      j === 0
        ? { type: "line", x0: t, x1: t, y0: by[0], y1: by[1], line: { color: "#333", width: 1.5, dash: "dash" } }
        : { type: "line", x0: bx[0], x1: bx[1], y0: t, y1: t, line: { color: "#333", width: 1.5, dash: "dash" } },
    );
    const left = box.map((b) => [...b]) as [number, number][];
    const right = box.map((b) => [...b]) as [number, number][];
    left[j]![1] = Math.min(left[j]![1], t);
    right[j]![0] = Math.max(right[j]![0], t);
    walk(node.left, left);
    walk(node.right, right);
  };
  walk(tree, range);
  return shapes;
}
