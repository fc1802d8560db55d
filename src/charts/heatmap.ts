import type { Annotations } from "plotly.js-dist-min";
import { baseLayout, type Figure } from "./figure";

export interface HeatmapOptions {
  /** @default "Correlation" */
  title?: string;
  /** Colour scale range. @default [-1, 1] (correlations) */
  range?: [number, number];
  /** Decimal places of the printed values. @default 2 */
  digits?: number;
  /** @default 420 */
  height?: number;
}

const defaults = { title: "Correlation", range: [-1, 1] as [number, number], digits: 2, height: 420 };

/**
 * Annotated heatmap of a square matrix such as a correlation matrix: a diverging colour scale centred
 * on 0 and each value printed in its cell. Row 0 is drawn at the top.
 *
 * @param names - the n row/column names.
 * @param values - n × n values.
 * @param options - see {@link HeatmapOptions}.
 * @returns a Figure with one heatmap trace and n² annotations.
 * @example heatmapChart(["a", "b"], [[1, 0.5], [0.5, 1]]).layout.annotations.length // => 4
 */
export function heatmapChart(
  names: readonly string[],
  values: readonly (readonly number[])[],
  options: HeatmapOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  const annotations: Partial<Annotations>[] = values.flatMap((row, i) =>
    row.map((v, j) => ({
      x: names[j],
      y: names[i],
      text: v.toFixed(opts.digits),
      showarrow: false,
      font: {
        color: Math.abs(v) > 0.6 * Math.max(Math.abs(opts.range[0]), Math.abs(opts.range[1])) ? "white" : "#222",
      },
    })),
  );
  return {
    data: [
      {
        type: "heatmap",
        x: [...names],
        y: [...names],
        z: values.map((row) => [...row]),
        zmin: opts.range[0],
        zmax: opts.range[1],
        colorscale: "RdBu",
        reversescale: true,
        hovertemplate: "%{y} × %{x}: %{z:.3f}<extra></extra>",
      },
    ],
    layout: baseLayout(opts.title, {
      height: opts.height,
      annotations,
      yaxis: { autorange: "reversed", automargin: true },
      xaxis: { side: "bottom", automargin: true },
    }),
  };
}
