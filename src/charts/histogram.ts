import type { Data } from "plotly.js-dist-min";
import { baseLayout, palette, type Figure } from "./figure";

export interface HistogramOptions {
  /** @default "Distribution" */
  title?: string;
  /** Axis title of the values. @default "" */
  xTitle?: string;
  /** A group per value (e.g. gender): one overlaid, semi-transparent histogram per group. @default none */
  groups?: readonly string[];
  /** Target number of bins. @default 20 */
  nbins?: number;
  /** @default 380 */
  height?: number;
}

const defaults = { title: "Distribution", xTitle: "", nbins: 20, height: 380 };

/**
 * Histogram of one numeric column, optionally overlaid per group, with a box-plot strip on top
 * (Plotly's marginal box) so the quartiles and outliers read at a glance.
 *
 * @param values - n numbers.
 * @param options - see {@link HistogramOptions}.
 * @returns a Figure with one histogram (and one box) trace per group.
 * @example histogramChart([1, 2, 2, 3], { title: "Age" }).data[0].type // => "histogram"
 */
export function histogramChart(values: readonly number[], options: HistogramOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  const groups = opts.groups ? [...new Set(opts.groups)].sort() : [""];
  const data: Data[] = [];
  groups.forEach((group, g) => {
    const x = opts.groups ? values.filter((_, i) => opts.groups![i] === group) : [...values];
    const color = palette[g % palette.length]!;
    const name = group || opts.xTitle || "values";
    data.push({
      type: "histogram",
      x,
      name,
      nbinsx: opts.nbins,
      marker: { color },
      opacity: groups.length > 1 ? 0.6 : 0.85,
      legendgroup: name,
    } as Data);
    data.push({
      type: "box",
      x,
      name,
      yaxis: "y2",
      marker: { color },
      boxpoints: "outliers",
      showlegend: false,
      legendgroup: name,
    });
  });
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      barmode: "overlay",
      showlegend: groups.length > 1,
      xaxis: { title: { text: opts.xTitle } },
      yaxis: { title: { text: "customers" }, domain: [0, 0.78] },
      yaxis2: { domain: [0.82, 1], showticklabels: false },
    }),
  };
}
