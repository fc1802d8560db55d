import { baseLayout, type Figure } from "./figure";

export interface KDistanceOptions {
  /** The neighbour rank the distances are for (shown in the axis title). @default undefined (no rank shown) */
  k?: number;
  /** A chosen eps, drawn as a horizontal line; points above it would be noise. @default none */
  eps?: number;
  /** @default "k-distance plot (pick eps at the knee)" */
  title?: string;
  /** @default 400 */
  height?: number;
}

const defaults = { title: "k-distance plot (pick eps at the knee)", height: 400 };

/**
 * The sorted k-distance curve used to choose DBSCAN's eps: each sample's distance to its k-th nearest
 * neighbour, ascending; the knee, where the curve turns upwards, is a good eps.
 *
 * @param distances - nSamples k-distances (any order; they are sorted ascending).
 * @param options - `k`, `eps`; see {@link KDistanceOptions}.
 * @returns a Figure with one line trace; `eps` as a dashed shape with a label.
 * @example
 * kDistanceChart([3, 1, 2], { eps: 2.5 }).data[0].y; // => [1, 2, 3]
 */
export function kDistanceChart(distances: readonly number[], options: KDistanceOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  const sorted = [...distances].sort((a, b) => a - b);
  const rank = opts.k === undefined ? "k-th" : `${opts.k}-th`;
  const layout = baseLayout(opts.title, {
    height: opts.height,
    xaxis: { title: { text: "samples, sorted by distance" } },
    yaxis: { title: { text: `distance to the ${rank} nearest neighbour` } },
  });
  if (opts.eps !== undefined) {
    const above = sorted.filter((d) => d > opts.eps!).length;
    layout.shapes = [
      {
        type: "line",
        xref: "paper",
        x0: 0,
        x1: 1,
        y0: opts.eps,
        y1: opts.eps,
        line: { dash: "dash", color: "#ef553b" },
      },
    ];
    layout.annotations = [
      {
        xref: "paper",
        x: 0.02,
        y: opts.eps,
        text: `eps = ${round(opts.eps)} (${above} samples above)`,
        showarrow: false,
        yanchor: "bottom",
        xanchor: "left",
      },
    ];
  }
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        name: "k-distance",
        x: sorted.map((_, i) => i),
        y: sorted,
        line: { color: "#636efa", width: 2 },
      },
    ],
    layout,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
