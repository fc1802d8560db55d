import { ArgumentError } from "../core/errors";
import { baseLayout, type Figure } from "./figure";

export interface IndexCurvesOptions {
  /** @default "Davies–Bouldin (lower is better) and Calinski–Harabasz (higher is better)" */
  title?: string;
  /** @default 420 */
  height?: number;
}

const defaults = { title: "Davies–Bouldin (lower is better) and Calinski–Harabasz (higher is better)", height: 420 };

/**
 * Davies–Bouldin and Calinski–Harabasz indices against k on two y axes, each best k marked.
 *
 * @param ks - the numbers of clusters tried.
 * @param daviesBouldin - one DB index per k (best = lowest).
 * @param calinskiHarabasz - one CH index per k (best = highest).
 * @param options - see {@link IndexCurvesOptions}.
 * @returns a Figure with 4 traces: the two curves (DB on the left axis, CH on the right) and their best points.
 * @throws {ArgumentError} when the lengths differ.
 * @example
 * indexCurvesChart([2, 3], [0.9, 0.6], [100, 150]).data[2].x; // => [3]  (lowest DB)
 */
export function indexCurvesChart(
  ks: readonly number[],
  daviesBouldin: readonly number[],
  calinskiHarabasz: readonly number[],
  options: IndexCurvesOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (daviesBouldin.length !== ks.length || calinskiHarabasz.length !== ks.length) {
    throw new ArgumentError(
      `indexCurvesChart: ${ks.length} ks, ${daviesBouldin.length} DB values, ${calinskiHarabasz.length} CH values`,
    );
  }
  const bestDb = argBest(daviesBouldin, (a, b) => a < b);
  const bestCh = argBest(calinskiHarabasz, (a, b) => a > b);
  return {
    data: [
      {
        type: "scatter",
        mode: "lines+markers",
        name: "Davies–Bouldin",
        x: [...ks],
        y: [...daviesBouldin],
        line: { color: "#636efa" },
      },
      {
        type: "scatter",
        mode: "lines+markers",
        name: "Calinski–Harabasz",
        x: [...ks],
        y: [...calinskiHarabasz],
        yaxis: "y2",
        line: { color: "#ef553b" },
      },
      {
        type: "scatter",
        mode: "markers",
        name: `best DB: k = ${ks[bestDb]}`,
        x: [ks[bestDb]!],
        y: [daviesBouldin[bestDb]!],
        marker: { color: "#636efa", size: 16, symbol: "circle-open", line: { width: 3 } },
      },
      {
        type: "scatter",
        mode: "markers",
        name: `best CH: k = ${ks[bestCh]}`,
        x: [ks[bestCh]!],
        y: [calinskiHarabasz[bestCh]!],
        yaxis: "y2",
        marker: { color: "#ef553b", size: 16, symbol: "circle-open", line: { width: 3 } },
      },
    ],
    layout: baseLayout(opts.title, {
      height: opts.height,
      xaxis: { title: { text: "k (number of clusters)" }, dtick: 1 },
      yaxis: { title: { text: "Davies–Bouldin" } },
      yaxis2: { title: { text: "Calinski–Harabasz" }, overlaying: "y", side: "right" },
      legend: { orientation: "h", y: -0.2 },
      margin: { l: 60, r: 70, t: 60, b: 90 },
    }),
  };
}

/** Index of the best value under `better`; the first one on ties. */
export function argBest(values: readonly number[], better: (a: number, b: number) => boolean): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (better(values[i]!, values[best]!)) best = i;
  return best;
}
