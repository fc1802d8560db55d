import type { Data, Layout } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { distinctLabels, indicesOf } from "./clusters-2d";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface BoxBySegmentOptions {
  /** Name of segment i. @default "segment i" */
  segmentNames?: readonly string[];
  /** @default "Features by segment" */
  title?: string;
  /** @default 420 */
  height?: number;
  /**
   * Points drawn next to each box: `"outliers"` only, or `"all"` (every value, jittered sideways, so that
   * equal values show as separate dots: use it for a few values, e.g. 20 runs). @default "outliers"
   */
  points?: "outliers" | "all";
}

const defaults = { title: "Features by segment", height: 420, points: "outliers" as const };

/**
 * Box plots of every feature per segment, one panel per feature side by side.
 *
 * @param X - nSamples × nFeatures.
 * @param labels - nSamples segment numbers.
 * @param featureNames - nFeatures names (the panel titles).
 * @param options - see {@link BoxBySegmentOptions}.
 * @returns a Figure with nFeatures × nSegments box traces on a 1 × nFeatures grid.
 * @throws {ArgumentError} on mismatched lengths.
 * @example
 * boxBySegmentChart([[1, 2], [3, 4]], [0, 1], ["a", "b"]).data.length; // => 4
 */
export function boxBySegmentChart(
  X: number[][],
  labels: ArrayLike<number>,
  featureNames: readonly string[],
  options: BoxBySegmentOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (labels.length !== X.length)
    throw new ArgumentError(`boxBySegmentChart: ${labels.length} labels for ${X.length} rows`);
  const segments = distinctLabels(labels);
  const data: Data[] = [];
  const axes: Partial<Layout> = {};
  featureNames.forEach((feature, j) => {
    const suffix = j === 0 ? "" : String(j + 1);
    for (const s of segments) {
      const idx = indicesOf(labels, s);
      data.push({
        type: "box",
        name: opts.segmentNames?.[s] ?? `segment ${s}`,
        legendgroup: `s${s}`,
        showlegend: j === 0,
        y: idx.map((i) => X[i]![j]!),
        xaxis: `x${suffix}`,
        yaxis: `y${suffix}`,
        marker: { color: clusterColor(s) },
        boxpoints: opts.points,
        ...(opts.points === "all" ? { jitter: 0.5, pointpos: 0 } : {}),
      } as Data);
    }
    Object.assign(axes, { [`xaxis${suffix}`]: { showticklabels: false, title: { text: feature } } });
  });
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      grid: { rows: 1, columns: featureNames.length, pattern: "independent" },
      ...axes,
    }),
  };
}
