import type { Shape } from "plotly.js-dist-min";
import { STABILITY_BAND_LIMITS, stabilityBand, type StabilityBand } from "../track/bands";
import { baseLayout, type Figure } from "./figure";

export interface PsiBarsOptions {
  /** @default "Population stability index per feature" */
  title?: string;
  /** @default 60 + 42 per bar, at least 300 */
  height?: number;
}

/** Colour of each band (green, amber, red) and the lighter background of its zone. */
export const BAND_COLORS: Record<StabilityBand, { bar: string; zone: string }> = {
  stable: { bar: "#2ca02c", zone: "rgba(44,160,44,0.08)" },
  watch: { bar: "#ff9f1c", zone: "rgba(255,159,28,0.12)" },
  refit: { bar: "#d62728", zone: "rgba(214,39,40,0.10)" },
};

/**
 * Horizontal PSI bars, one per item (features, segment shares), coloured by band, over the three band zones
 * (stable < 0.1 ≤ watch ≤ 0.25 < refit) with dashed lines at the limits.
 *
 * @param items - n items with a name and a PSI (>= 0), drawn top to bottom in the given order.
 * @param options - see {@link PsiBarsOptions}.
 * @returns a Figure with one bar trace and the zones as layout shapes.
 * @example psiBarsChart([{ name: "frequency", psi: 0.18 }]).data[0].marker.color // => ["#ff9f1c"]
 */
export function psiBarsChart(items: readonly { name: string; psi: number }[], options: PsiBarsOptions = {}): Figure {
  const title = options.title ?? "Population stability index per feature";
  const height = options.height ?? Math.max(300, 60 + 42 * items.length + 80);
  const { watch, refit } = STABILITY_BAND_LIMITS;
  const xMax = Math.max(refit * 1.4, ...items.map((i) => i.psi * 1.15));
  const zone = (x0: number, x1: number, band: StabilityBand): Partial<Shape> => ({
    type: "rect",
    xref: "x",
    yref: "paper",
    x0,
    x1,
    y0: 0,
    y1: 1,
    fillcolor: BAND_COLORS[band].zone,
    line: { width: 0 },
    layer: "below",
  });
  const limit = (x: number): Partial<Shape> => ({
    type: "line",
    xref: "x",
    yref: "paper",
    x0: x,
    x1: x,
    y0: 0,
    y1: 1,
    line: { color: "#555", dash: "dash", width: 1 },
  });
  const reversed = [...items].reverse(); // Plotly draws the first category at the bottom
  return {
    data: [
      {
        type: "bar",
        orientation: "h",
        y: reversed.map((i) => i.name),
        x: reversed.map((i) => i.psi),
        text: reversed.map((i) => `${i.psi.toFixed(3)} ${stabilityBand(i.psi)}`),
        textposition: "outside",
        marker: { color: reversed.map((i) => BAND_COLORS[stabilityBand(i.psi)].bar) },
        hovertemplate: "%{y}: PSI %{x:.4f}<extra></extra>",
      },
    ],
    layout: baseLayout(title, {
      height,
      margin: { l: 140, r: 40, t: 60, b: 55 },
      xaxis: { title: { text: "PSI" }, range: [0, xMax], zeroline: true },
      yaxis: { automargin: true },
      showlegend: false,
      shapes: [
        zone(0, watch, "stable"),
        zone(watch, refit, "watch"),
        zone(refit, xMax, "refit"),
        limit(watch),
        limit(refit),
      ],
      annotations: [
        {
          x: watch / 2,
          y: 1.02,
          xref: "x",
          yref: "paper",
          text: "stable",
          showarrow: false,
          font: { color: BAND_COLORS.stable.bar },
        },
        {
          x: (watch + refit) / 2,
          y: 1.02,
          xref: "x",
          yref: "paper",
          text: "watch",
          showarrow: false,
          font: { color: BAND_COLORS.watch.bar },
        },
        {
          x: (refit + xMax) / 2,
          y: 1.02,
          xref: "x",
          yref: "paper",
          text: "refit",
          showarrow: false,
          font: { color: BAND_COLORS.refit.bar },
        },
      ],
    }),
  };
}
