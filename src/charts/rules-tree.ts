import type { Annotations, Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { isLeaf, treeDepth, treeLeaves, type RuleTree } from "../rules/tree";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface RulesTreeOptions {
  /** @default "Segments as a decision tree" */
  title?: string;
  /** Names of the features the tree cuts. @default "x0", "x1", … */
  featureNames?: string[];
  /** Name of segment s (shown in its leaf). @default "segment s" */
  segmentNames?: string[];
  /** Significant digits of the thresholds. @default 4 */
  digits?: number;
  /** @default 130 px per level + 120 */
  height?: number;
}

const defaults = { title: "Segments as a decision tree", digits: 4 };

/**
 * A rule tree drawn as a diagram: each cut a grey box ("Annual Income (k$) ≤ 39.5", its rows), each leaf a box
 * in its segment's colour (segment, name, rows, purity); left branches are "yes", right "no". Leaves sit on
 * evenly spaced columns in left-to-right order, each cut above the middle of its leaves, depth downwards.
 *
 * @param tree - a rule tree with counts (`explainSegments(…).tree`).
 * @param options - see {@link RulesTreeOptions}.
 * @returns a Figure: one line trace for the edges, one marker trace for hover, the boxes as annotations.
 * @throws {ArgumentError} when featureNames is shorter than a cut's feature number.
 * @example
 * const tree = { feature: 0, threshold: 39.5, count: 200,
 *   left: { segment: 0, count: 46, correct: 45 }, right: { segment: 1, count: 154, correct: 150 } };
 * rulesTreeChart(tree, { featureNames: ["income"] }).layout.annotations.length; // => 5 (3 boxes, "yes", "no")
 */
export function rulesTreeChart(tree: RuleTree, options: RulesTreeOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  const name = (j: number): string => {
    if (opts.featureNames && j >= opts.featureNames.length)
      throw new ArgumentError(
        `rulesTreeChart: the tree cuts feature ${j}, featureNames has ${opts.featureNames.length}`,
      );
    return opts.featureNames?.[j] ?? `x${j}`;
  };
  const num = (x: number): string => String(Number(x.toPrecision(opts.digits)));
  const nLeaves = treeLeaves(tree).length;
  const depth = treeDepth(tree);
  const edges = { x: [] as (number | null)[], y: [] as (number | null)[] };
  const nodes = { x: [] as number[], y: [] as number[], text: [] as string[] };
  const annotations: Partial<Annotations>[] = [];
  let nextLeaf = 0;
  // Returns the node's x; leaves take the next column, a cut sits halfway between its children.
  const place = (node: RuleTree, level: number): number => {
    const y = level === 0 ? 0 : -level;
    if (isLeaf(node)) {
      const x = nextLeaf++;
      const segName = opts.segmentNames?.[node.segment] ?? `segment ${node.segment}`;
      const purity = node.count === 0 ? "" : `, ${((100 * node.correct) / node.count).toFixed(0)}% in it`;
      const label = `<b>segment ${node.segment}</b><br>${wrap(segName, 22).map(escapeHtml).join("<br>")}<br>${node.count} rows${purity}`;
      annotations.push(box(x, y, label, clusterColor(node.segment), "#ffffff"));
      nodes.x.push(x);
      nodes.y.push(y);
      nodes.text.push(label);
      return x;
    }
    const xl = place(node.left, level + 1);
    const xr = place(node.right, level + 1);
    const x = (xl + xr) / 2;
    const label = `${wrap(name(node.feature), 24).map(escapeHtml).join("<br>")} ≤ ${num(node.threshold)}<br>${node.count} rows`;
    annotations.push(box(x, y, label, "#555555", "#f3f4fb"));
    annotations.push(edgeLabel((x + xl) / 2, y - 0.5, "yes"), edgeLabel((x + xr) / 2, y - 0.5, "no"));
    edges.x.push(x, xl, null, x, xr, null);
    edges.y.push(y, y - 1, null, y, y - 1, null);
    nodes.x.push(x);
    nodes.y.push(y);
    nodes.text.push(label);
    return x;
  };
  place(tree, 0);
  const data: Data[] = [
    {
      type: "scatter",
      mode: "lines",
      x: edges.x,
      y: edges.y,
      hoverinfo: "skip",
      showlegend: false,
      line: { color: "#888", width: 1.5 },
    },
    {
      type: "scatter",
      mode: "markers",
      x: nodes.x,
      y: nodes.y,
      text: nodes.text,
      hoverinfo: "text",
      showlegend: false,
      marker: { size: 1, color: "rgba(0,0,0,0)" },
    },
  ];
  const layout = baseLayout(opts.title, {
    height: opts.height ?? 130 * (depth + 1) + 120,
    xaxis: { visible: false, range: [-0.7, nLeaves - 0.3], fixedrange: true },
    yaxis: { visible: false, range: [-depth - 0.45, 0.45], fixedrange: true },
    margin: { l: 20, r: 20, t: 60, b: 20 },
    annotations,
  });
  return { data, layout };
}

function box(x: number, y: number, text: string, border: string, background: string): Partial<Annotations> {
  return {
    x,
    y,
    xref: "x",
    yref: "y",
    text,
    showarrow: false,
    bordercolor: border,
    borderwidth: 2,
    borderpad: 5,
    bgcolor: background,
    font: { size: 11 },
  };
}

function edgeLabel(x: number, y: number, text: string): Partial<Annotations> {
  return { x, y, xref: "x", yref: "y", text, showarrow: false, font: { size: 10, color: "#666" }, bgcolor: "#ffffff" };
}

/** Words of `text` on lines of at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [""];
}

/** Plotly renders annotation text as HTML: escape names that come from the user's data. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
