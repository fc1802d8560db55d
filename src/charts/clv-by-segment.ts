import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, type Figure } from "./figure";

export interface ClvBySegmentOptions {
  /** @default "Predicted 12-month CLV by segment" */
  title?: string;
  /** Currency symbol in labels. @default "£" */
  currency?: string;
  /** @default 440 */
  height?: number;
}

/** Per segment: customers, total and mean CLV, mean P(alive). */
export interface ClvSegmentSummary {
  segment: string;
  customers: number;
  totalClv: number;
  meanClv: number;
  meanProbabilityAlive: number;
}

/**
 * Sum CLV and average P(alive) per segment, largest total CLV first.
 * @param segments - segment of each customer (nCustomers).
 * @param clv - predicted CLV (nCustomers).
 * @param probabilityAlive - P(alive) (nCustomers).
 * @returns one summary per segment present.
 * @throws {ArgumentError} for ragged arrays.
 * @example summarizeClvBySegment(["a", "b", "a"], [10, 5, 20], [1, 0.5, 0.8])[0] // => { segment: "a", customers: 2, totalClv: 30, meanClv: 15, meanProbabilityAlive: 0.9 }
 */
export function summarizeClvBySegment(
  segments: readonly string[],
  clv: readonly number[],
  probabilityAlive: readonly number[],
): ClvSegmentSummary[] {
  if (clv.length !== segments.length || probabilityAlive.length !== segments.length) {
    throw new ArgumentError(
      `summarizeClvBySegment: segments, clv and probabilityAlive must have the same length (got ${segments.length}, ${clv.length}, ${probabilityAlive.length})`,
    );
  }
  const groups = new Map<string, { customers: number; total: number; alive: number }>();
  segments.forEach((s, i) => {
    const g = groups.get(s) ?? { customers: 0, total: 0, alive: 0 };
    g.customers++;
    g.total += clv[i]!;
    g.alive += probabilityAlive[i]!;
    groups.set(s, g);
  });
  return [...groups.entries()]
    .map(([segment, g]) => ({
      segment,
      customers: g.customers,
      totalClv: g.total,
      meanClv: g.total / g.customers,
      meanProbabilityAlive: g.alive / g.customers,
    }))
    .sort((a, b) => b.totalClv - a.totalClv);
}

/**
 * Bars of total predicted CLV per segment (largest first), coloured by the segment's mean P(alive)
 * (red = likely gone, green = active), so "worth a lot but slipping away" stands out.
 *
 * @param summary - from {@link summarizeClvBySegment}.
 * @param options - see {@link ClvBySegmentOptions}.
 * @returns a Figure with one bar trace.
 * @example clvBySegmentChart([{ segment: "a", customers: 2, totalClv: 30, meanClv: 15, meanProbabilityAlive: 0.9 }]).data[0].type // => "bar"
 */
export function clvBySegmentChart(summary: readonly ClvSegmentSummary[], options: ClvBySegmentOptions = {}): Figure {
  const currency = options.currency ?? "£";
  const trace = {
    type: "bar",
    x: summary.map((s) => s.segment),
    y: summary.map((s) => s.totalClv),
    text: summary.map((s) => `${currency}${Math.round(s.totalClv).toLocaleString("en-US")}`),
    textposition: "outside",
    cliponaxis: false,
    customdata: summary.map((s) => [s.customers, s.meanClv, s.meanProbabilityAlive]),
    marker: {
      color: summary.map((s) => s.meanProbabilityAlive),
      colorscale: "RdYlGn",
      cmin: 0,
      cmax: 1,
      colorbar: { title: { text: "mean P(alive)" } },
    },
    hovertemplate: `%{x}: ${currency}%{y:,.0f} total, %{customdata[0]} customers, ${currency}%{customdata[1]:.2f} each, P(alive) %{customdata[2]:.2f}<extra></extra>`,
  } as unknown as Data;
  return {
    data: [trace],
    layout: baseLayout(options.title ?? "Predicted 12-month CLV by segment", {
      height: options.height ?? 440,
      xaxis: { title: { text: "segment" }, tickangle: -30 },
      // 15 % of headroom above the tallest bar, so that its label fits inside the plot area
      yaxis: {
        title: { text: `total predicted CLV (${currency})` },
        range: [0, 1.15 * Math.max(0, ...summary.map((s) => s.totalClv))],
      },
      margin: { l: 70, r: 30, t: 60, b: 110 },
    }),
  };
}
