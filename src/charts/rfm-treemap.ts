import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, type Figure } from "./figure";

/** What the treemap needs of each segment (an `RfmGroupSummary` fits). */
export interface TreemapSegment {
  group: string | number;
  customers: number;
  revenue: number;
}

export interface RfmTreemapOptions {
  /** @default "Segments: area = customers, colour = share of revenue" */
  title?: string;
  /** @default 480 */
  height?: number;
}

const defaults: Required<RfmTreemapOptions> = {
  title: "Segments: area = customers, colour = share of revenue",
  height: 480,
};

/**
 * Treemap of segments: each tile's area is its number of customers, its colour its share of revenue,
 * its label the segment name with both shares, so a small tile in a dark colour is a small group that
 * earns a lot.
 *
 * @param segments - one row per segment with group, customers and revenue.
 * @param options - `title`, `height`.
 * @returns a Figure with one `treemap` trace (a root tile "all customers" and one tile per segment).
 * @throws {ArgumentError} on no segments or a negative count.
 * @example
 * rfmTreemapChart([{ group: "A", customers: 3, revenue: 90 }, { group: "B", customers: 1, revenue: 10 }]).data[0].values;
 * // => [4, 3, 1]
 */
export function rfmTreemapChart(segments: readonly TreemapSegment[], options: RfmTreemapOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  if (segments.length === 0) throw new ArgumentError("rfmTreemapChart: no segments");
  segments.forEach((s) => {
    if (!(s.customers >= 0))
      throw new ArgumentError(`rfmTreemapChart: segment ${s.group} has customers=${s.customers}`);
  });
  const root = "all customers";
  const nCustomers = segments.reduce((a, s) => a + s.customers, 0);
  const revenue = segments.reduce((a, s) => a + s.revenue, 0);
  const revenueShare = segments.map((s) => (revenue > 0 ? s.revenue / revenue : 0));
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const trace = {
    type: "treemap",
    branchvalues: "total",
    labels: [root, ...segments.map((s) => String(s.group))],
    parents: ["", ...segments.map(() => root)],
    values: [nCustomers, ...segments.map((s) => s.customers)],
    text: [
      "",
      ...segments.map((s, i) => `${pct(s.customers / nCustomers)} of customers<br>${pct(revenueShare[i]!)} of revenue`),
    ],
    textinfo: "label+text",
    // Light to dark blue: no tile is white on white, and Plotly picks black or white text for contrast on each tile.
    marker: {
      colors: [0, ...revenueShare.map((x) => 100 * x)],
      colorscale: [
        [0, "#c6dbef"],
        [1, "#08306b"],
      ],
      cmin: 0,
      showscale: true,
      colorbar: { title: { text: "% revenue" } },
      line: { width: 2, color: "#ffffff" },
    },
    textfont: { size: 14 },
    hovertemplate: "%{label}: %{value} customers<br>%{text}<extra></extra>",
  } as unknown as Data;
  return {
    data: [trace],
    layout: baseLayout(opts.title, { height: opts.height, margin: { l: 10, r: 10, t: 60, b: 10 } }),
  };
}
