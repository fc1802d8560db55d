import { ArgumentError } from "../core/errors";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface ParallelCoordinatesOptions {
  /** @default "Parallel coordinates by segment" */
  title?: string;
  /** Name of segment i, shown on the colour axis. @default "segment i" */
  segmentNames?: readonly string[];
  /** @default 460 */
  height?: number;
}

const defaults = { title: "Parallel coordinates by segment", height: 460 };

/**
 * Parallel-coordinates chart: one polyline per sample across the features, coloured by segment; a
 * last axis holds the segment itself, so brushing it selects one segment.
 *
 * @param X - nSamples × nFeatures (e.g. the customers, or the segment means).
 * @param labels - nSamples segment numbers, 0..k−1.
 * @param featureNames - nFeatures names.
 * @param options - see {@link ParallelCoordinatesOptions}.
 * @returns a Figure with one `parcoords` trace (nFeatures + 1 dimensions).
 * @throws {ArgumentError} on mismatched lengths.
 * @example
 * parallelCoordinatesChart([[1, 2], [3, 4]], [0, 1], ["a", "b"]).data[0].dimensions.length; // => 3
 */
export function parallelCoordinatesChart(
  X: number[][],
  labels: ArrayLike<number>,
  featureNames: readonly string[],
  options: ParallelCoordinatesOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (labels.length !== X.length)
    throw new ArgumentError(`parallelCoordinatesChart: ${labels.length} labels for ${X.length} rows`);
  if (X.some((r) => r.length !== featureNames.length))
    throw new ArgumentError(`parallelCoordinatesChart: rows must have ${featureNames.length} values`);
  const lab = Array.from(labels);
  const k = Math.max(0, ...lab) + 1;
  // A stepwise colour scale: segment s gets its palette colour over [s/k, (s+1)/k].
  const colorscale: [number, string][] = [];
  for (let s = 0; s < k; s++) colorscale.push([s / k, clusterColor(s)], [(s + 1) / k, clusterColor(s)]);
  const names = Array.from({ length: k }, (_, s) => opts.segmentNames?.[s] ?? `segment ${s}`);
  return {
    data: [
      {
        type: "parcoords",
        line: { color: lab, colorscale, cmin: -0.5, cmax: k - 0.5 },
        dimensions: [
          ...featureNames.map((name, j) => ({ label: name, values: X.map((r) => r[j]!) })),
          { label: "segment", values: lab, tickvals: names.map((_, s) => s), ticktext: names },
        ],
      } as Figure["data"][number],
    ],
    layout: baseLayout(opts.title, { height: opts.height, margin: { l: 80, r: 120, t: 80, b: 40 } }),
  };
}
