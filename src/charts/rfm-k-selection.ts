import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, palette, type Figure } from "./figure";

export interface RfmKSelectionOptions {
  /** The k finally chosen, marked with a vertical line. @default none */
  chosen?: number;
  /** @default "Choosing k: inertia (elbow) and mean silhouette" */
  title?: string;
  /** @default 400 */
  height?: number;
}

const defaults = { title: "Choosing k: inertia (elbow) and mean silhouette", height: 400 };

/**
 * Inertia (left axis, look for the elbow) and mean silhouette (right axis, higher is better) against k,
 * as returned by `rfmKSweep`, with the chosen k marked.
 *
 * @param sweep - `{ ks, inertias, silhouettes }`, one value per k.
 * @param options - `chosen`, `title`, `height`.
 * @returns a Figure with 2 line traces (inertia on y, silhouette on y2) and, with `chosen`, a vertical line shape.
 * @throws {ArgumentError} when the lengths differ or `chosen` is not among ks.
 * @example
 * rfmKSelectionChart({ ks: [2, 3], inertias: [10, 6], silhouettes: [0.4, 0.3] }).data[1].yaxis; // => "y2"
 */
export function rfmKSelectionChart(
  sweep: { ks: readonly number[]; inertias: readonly number[]; silhouettes: readonly number[] },
  options: RfmKSelectionOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  const { ks, inertias, silhouettes } = sweep;
  if (inertias.length !== ks.length || silhouettes.length !== ks.length) {
    throw new ArgumentError(
      `rfmKSelectionChart: ${ks.length} ks but ${inertias.length} inertias and ${silhouettes.length} silhouettes`,
    );
  }
  if (opts.chosen !== undefined && !ks.includes(opts.chosen))
    throw new ArgumentError(`rfmKSelectionChart: chosen=${opts.chosen} is not among ks`);
  const data: Data[] = [
    {
      type: "scatter",
      mode: "lines+markers",
      name: "inertia",
      x: [...ks],
      y: [...inertias],
      line: { color: palette[0] },
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: "silhouette",
      x: [...ks],
      y: [...silhouettes],
      yaxis: "y2",
      line: { color: palette[1], dash: "dot" },
    },
  ];
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      margin: { l: 70, r: 80, t: 60, b: 55 }, // room for the right axis title
      xaxis: { title: { text: "k (clusters)" }, dtick: 1 },
      yaxis: { title: { text: "inertia" } },
      yaxis2: { title: { text: "mean silhouette" }, overlaying: "y", side: "right" },
      legend: { x: 0.75, y: 0.98 },
      shapes:
        opts.chosen === undefined
          ? []
          : [
              {
                type: "line",
                x0: opts.chosen,
                x1: opts.chosen,
                xref: "x",
                y0: 0,
                y1: 1,
                yref: "paper",
                line: { color: "#888888", dash: "dash" },
              },
            ],
    }),
  };
}
