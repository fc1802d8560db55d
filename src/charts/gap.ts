import { ArgumentError } from "../core/errors";
import { baseLayout, type Figure } from "./figure";

export interface GapOptions {
  /** The chosen k (Tibshirani's rule: smallest k with gap(k) >= gap(k+1) − s(k+1)), marked. @default none */
  chosen?: number;
  /** @default "Gap statistic (error bars: s_k)" */
  title?: string;
  /** @default 400 */
  height?: number;
}

const defaults = { title: "Gap statistic (error bars: s_k)", height: 400 };

/**
 * The gap statistic against k with its standard-error bars, and the chosen k marked.
 *
 * @param ks - the numbers of clusters tried.
 * @param gaps - gap(k), one per k.
 * @param errors - s_k, one per k (the simulation error, drawn as ± bars).
 * @param options - `chosen`; see {@link GapOptions}.
 * @returns a Figure: the curve with error bars, plus a marker for the chosen k.
 * @throws {ArgumentError} when the lengths differ or `chosen` is not among ks.
 * @example
 * gapChart([1, 2], [0.1, 0.5], [0.02, 0.03]).data[0].error_y.array; // => [0.02, 0.03]
 */
export function gapChart(
  ks: readonly number[],
  gaps: readonly number[],
  errors: readonly number[],
  options: GapOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (gaps.length !== ks.length || errors.length !== ks.length)
    throw new ArgumentError(`gapChart: ${ks.length} ks, ${gaps.length} gaps, ${errors.length} errors`);
  const data: Figure["data"] = [
    {
      type: "scatter",
      mode: "lines+markers",
      name: "gap(k)",
      x: [...ks],
      y: [...gaps],
      error_y: { type: "data", array: [...errors], visible: true },
      line: { color: "#00cc96" },
    },
  ];
  if (opts.chosen !== undefined) {
    const i = ks.indexOf(opts.chosen);
    if (i < 0) throw new ArgumentError(`gapChart: chosen=${opts.chosen} is not one of ks ${JSON.stringify(ks)}`);
    data.push({
      type: "scatter",
      mode: "markers",
      name: `chosen: k = ${opts.chosen}`,
      x: [opts.chosen],
      y: [gaps[i]!],
      marker: { color: "#ef553b", size: 16, symbol: "circle-open", line: { width: 3 } },
    });
  }
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      xaxis: { title: { text: "k (number of clusters)" }, dtick: 1 },
      yaxis: { title: { text: "gap" } },
    }),
  };
}
