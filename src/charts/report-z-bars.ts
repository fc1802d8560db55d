import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface ZBarsOptions {
  /** Legend name of segment i. @default "segment i" */
  segmentNames?: readonly string[];
  /** Segment label of each row of `zScores` (for its colour). @default 0, 1, … */
  segments?: readonly number[];
  /** Dotted guide lines at ± this z (the naming threshold). @default 0.5 */
  threshold?: number;
  /** @default "How each segment differs from the average customer" */
  title?: string;
  /** @default 420 */
  height?: number;
}

const defaults = { title: "How each segment differs from the average customer", threshold: 0.5, height: 420 };

/**
 * Grouped bars of each segment's z-score per feature (segment mean − overall mean, in overall stds), with
 * guide lines at ±threshold: readable with any number of features, where a radar needs three or more.
 *
 * @param zScores - nSegments × nFeatures.
 * @param featureNames - nFeatures names (the x categories).
 * @param options - see {@link ZBarsOptions}.
 * @returns a Figure with one bar trace per segment and two threshold shapes.
 * @throws {ArgumentError} on no rows or a row of the wrong length.
 * @example
 * zScoreBarsChart([[1, -1], [-1, 1]], ["income", "spending"]).data.length; // => 2
 */
export function zScoreBarsChart(
  zScores: number[][],
  featureNames: readonly string[],
  options: ZBarsOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (zScores.length === 0) throw new ArgumentError("zScoreBarsChart: zScores is empty");
  zScores.forEach((row, i) => {
    if (row.length !== featureNames.length)
      throw new ArgumentError(
        `zScoreBarsChart: zScores[${i}] has ${row.length} values, featureNames has ${featureNames.length}`,
      );
  });
  const data: Data[] = zScores.map((row, i) => {
    const segment = opts.segments?.[i] ?? i;
    return {
      type: "bar",
      name: opts.segmentNames?.[i] ?? `segment ${segment}`,
      x: [...featureNames],
      y: row,
      marker: { color: clusterColor(segment) },
      hovertemplate: "%{x}: z = %{y:.2f}<extra>%{fullData.name}</extra>",
    };
  });
  const line = (y: number) => ({
    type: "line" as const,
    xref: "paper" as const,
    x0: 0,
    x1: 1,
    y0: y,
    y1: y,
    line: { color: "#888", dash: "dot" as const, width: 1 },
  });
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      barmode: "group",
      yaxis: { title: { text: "z (overall standard deviations)" }, zeroline: true },
      shapes: [line(opts.threshold), line(-opts.threshold)],
      legend: { orientation: "h", y: -0.2 },
      margin: { l: 60, r: 30, t: 60, b: 100 },
    }),
  };
}
