import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, palette, type Figure } from "./figure";

/** One curve: a method's fidelity at each number of leaves. */
export interface FidelitySeries {
  name: string;
  leaves: number[];
  fidelity: number[];
}

export interface FidelityCurveOptions {
  /** @default "Fidelity of the rules against the number of leaves" */
  title?: string;
  /** @default 400 */
  height?: number;
}

const defaults = { title: "Fidelity of the rules against the number of leaves", height: 400 };

/**
 * The trade-off of rules: share of customers the rules put in their own segment (y, 0–1) against the number
 * of leaves (x), one line per method (e.g. IMM at k leaves, CART from k to 3k).
 *
 * @param series - one {@link FidelitySeries} per method; leaves and fidelity of equal length.
 * @param options - see {@link FidelityCurveOptions}.
 * @returns a Figure with one lines+markers trace per series.
 * @throws {ArgumentError} on an empty series list or lengths that differ.
 * @example
 * fidelityCurveChart([{ name: "CART", leaves: [5, 10], fidelity: [0.975, 1] }]).data.length; // => 1
 */
export function fidelityCurveChart(series: FidelitySeries[], options: FidelityCurveOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  if (series.length === 0) throw new ArgumentError("fidelityCurveChart: series is empty");
  for (const s of series) {
    if (s.leaves.length !== s.fidelity.length)
      throw new ArgumentError(
        `fidelityCurveChart: series "${s.name}" has ${s.leaves.length} leaf counts and ${s.fidelity.length} fidelities`,
      );
  }
  const data: Data[] = series.map((s, i) => ({
    type: "scatter",
    mode: s.leaves.length === 1 ? "markers" : "lines+markers",
    name: s.name,
    x: s.leaves,
    y: s.fidelity,
    hovertemplate: `${s.name}: %{x} leaves, fidelity %{y:.3f}<extra></extra>`,
    marker: { size: s.leaves.length === 1 ? 14 : 8, color: palette[i % palette.length] },
    line: { color: palette[i % palette.length] },
  }));
  const layout = baseLayout(opts.title, {
    height: opts.height,
    xaxis: { title: { text: "number of leaves (rules)" }, dtick: 1 },
    yaxis: {
      title: { text: "fidelity (share of customers in their own segment)" },
      range: [Math.min(0.8, ...series.flatMap((s) => s.fidelity)) - 0.02, 1.01],
    },
  });
  return { data, layout };
}
