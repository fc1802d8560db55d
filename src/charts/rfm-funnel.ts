import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import type { FunnelStep } from "../rfm/features";
import { baseLayout, palette, type Figure } from "./figure";

export interface RfmFunnelOptions {
  /** @default "Cleaning funnel: rows left after each rule" */
  title?: string;
  /** @default 380 */
  height?: number;
}

const defaults: Required<RfmFunnelOptions> = { title: "Cleaning funnel: rows left after each rule", height: 380 };

/** The label of each funnel stage: what the rows left after that step have in common. */
export const RFM_FUNNEL_LABELS: Readonly<Record<FunnelStep["step"], string>> = {
  total: "all rows",
  missing_customer: "with a CustomerID",
  cancellation: "not a cancellation",
  non_positive_quantity: "quantity > 0",
  non_positive_price: "unit price > 0",
};

/**
 * Funnel chart of the transaction cleaning: one bar per stage with the rows left, labelled with the
 * rows the stage's rule removed.
 *
 * @param funnel - the steps of `rfmFeatures(...).funnel` (total first, then one per rule).
 * @param options - `title`, `height`.
 * @returns a Figure with one `funnel` trace.
 * @throws {ArgumentError} on an empty funnel.
 * @example
 * rfmFunnelChart([{ step: "total", removed: 0, remaining: 10 }, { step: "missing_customer", removed: 3, remaining: 7 }]).data[0].x;
 * // => [10, 7]
 */
export function rfmFunnelChart(funnel: readonly FunnelStep[], options: RfmFunnelOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  if (funnel.length === 0) throw new ArgumentError("rfmFunnelChart: funnel has no steps");
  const total = funnel[0]!.remaining;
  const text = funnel.map((s, i) =>
    i === 0
      ? `${s.remaining.toLocaleString("en-US")} rows`
      : `${s.remaining.toLocaleString("en-US")} (−${s.removed.toLocaleString("en-US")})`,
  );
  const trace = {
    type: "funnel",
    y: funnel.map((s) => RFM_FUNNEL_LABELS[s.step]),
    x: funnel.map((s) => s.remaining),
    text,
    textinfo: "text+percent initial",
    hovertemplate: "%{y}: %{x} rows<extra></extra>",
    marker: { color: funnel.map((_, i) => palette[i % palette.length]) },
    connector: { line: { color: "#bbbbbb", width: 1 } },
  } as unknown as Data;
  return {
    data: [trace],
    layout: baseLayout(opts.title, {
      height: opts.height,
      margin: { l: 150, r: 30, t: 60, b: 40 },
      annotations: [
        {
          text: `${(total - funnel.at(-1)!.remaining).toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows removed`,
          xref: "paper",
          yref: "paper",
          x: 1,
          y: -0.08,
          showarrow: false,
          font: { size: 11, color: "#666666" },
        },
      ],
    }),
  };
}
