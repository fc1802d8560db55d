import type { SegmentOutcome } from "../track/outcomes";
import { baseLayout, type Figure } from "./figure";

export interface SegmentOutcomesChartOptions {
  /** @default "What each segment did next" */
  title?: string;
  /** @default 440 */
  height?: number;
}

/**
 * Validation of segments by outcome: per segment (in the given order) the share retained (bars, left axis) and
 * the revenue per customer in the period (diamonds, right axis). A segmentation that means something shows the
 * "valuable" segments high on both.
 *
 * @param segments - the `segments` of `segmentOutcomes`, in display order.
 * @param options - see {@link SegmentOutcomesChartOptions}.
 * @returns a Figure with a bar trace (retention, %) and a marker trace (revenue per customer) on a second y axis.
 */
export function segmentOutcomesChart(
  segments: readonly SegmentOutcome[],
  options: SegmentOutcomesChartOptions = {},
): Figure {
  const { title = "What each segment did next", height = 440 } = options;
  const x = segments.map((s) => String(s.segment));
  return {
    data: [
      {
        type: "bar",
        name: "retained (%)",
        x,
        y: segments.map((s) => 100 * s.retention),
        text: segments.map((s) => `${(100 * s.retention).toFixed(0)}%`),
        textposition: "outside",
        marker: { color: "#636efa" },
        hovertemplate: "%{x}: %{y:.1f}% bought again<extra></extra>",
      },
      {
        type: "scatter",
        mode: "markers",
        name: "revenue per customer",
        x,
        y: segments.map((s) => s.revenuePerCustomer),
        yaxis: "y2",
        marker: { color: "#ef553b", size: 12, symbol: "diamond" },
        hovertemplate: "%{x}: %{y:.2f} per customer<extra></extra>",
      },
    ],
    layout: baseLayout(title, {
      height,
      margin: { l: 60, r: 70, t: 60, b: 110 },
      xaxis: { type: "category", tickangle: -30 },
      yaxis: { title: { text: "bought again within the period (%)" }, rangemode: "tozero", range: [0, 110] },
      yaxis2: {
        title: { text: "revenue per customer in the period" },
        overlaying: "y",
        side: "right",
        rangemode: "tozero",
        showgrid: false,
      },
      legend: { orientation: "h", x: 0, y: 1.1 },
    }),
  };
}
