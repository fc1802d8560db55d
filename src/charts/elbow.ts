import { ArgumentError } from "../core/errors";
import { baseLayout, type Figure } from "./figure";

export interface ElbowOptions {
  /** The detected knee (a value of `ks`), marked and annotated. @default none */
  knee?: number;
  /** @default "Elbow: inertia by k" */
  title?: string;
  /** @default "inertia (within-cluster sum of squares)" */
  yTitle?: string;
  /** @default 400 */
  height?: number;
}

const defaults = { title: "Elbow: inertia by k", yTitle: "inertia (within-cluster sum of squares)", height: 400 };

/**
 * The elbow curve: inertia against the number of clusters, with the knee marked.
 *
 * @param ks - the numbers of clusters tried, ascending.
 * @param inertias - one inertia per k.
 * @param options - `knee`; see {@link ElbowOptions}.
 * @returns a Figure: the curve, plus a "knee" marker trace when `knee` is given.
 * @throws {ArgumentError} when the lengths differ or the knee is not among ks.
 * @example
 * elbowChart([1, 2, 3], [100, 30, 25], { knee: 2 }).data.length; // => 2
 */
export function elbowChart(ks: readonly number[], inertias: readonly number[], options: ElbowOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  if (ks.length !== inertias.length)
    throw new ArgumentError(`elbowChart: ${ks.length} ks but ${inertias.length} inertias`);
  const data: Figure["data"] = [
    {
      type: "scatter",
      mode: "lines+markers",
      name: "inertia",
      x: [...ks],
      y: [...inertias],
      line: { color: "#636efa" },
    },
  ];
  const layout = baseLayout(opts.title, {
    height: opts.height,
    xaxis: { title: { text: "k (number of clusters)" }, dtick: 1 },
    yaxis: { title: { text: opts.yTitle } },
  });
  if (opts.knee !== undefined) {
    const i = ks.indexOf(opts.knee);
    if (i < 0) throw new ArgumentError(`elbowChart: knee=${opts.knee} is not one of ks ${JSON.stringify(ks)}`);
    data.push({
      type: "scatter",
      mode: "markers",
      name: `knee: k = ${opts.knee}`,
      x: [opts.knee],
      y: [inertias[i]!],
      marker: { color: "#ef553b", size: 16, symbol: "circle-open", line: { width: 3 } },
    });
    layout.annotations = [
      { x: opts.knee, y: inertias[i]!, text: `knee: k = ${opts.knee}`, showarrow: true, arrowhead: 2, ax: 40, ay: -40 },
    ];
  }
  return { data, layout };
}
