import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface RadarOptions {
  /** Legend name of segment i. @default "segment i" */
  segmentNames?: readonly string[];
  /**
   * "minmax" rescales each feature to [0, 1] across the segments (so features on different scales
   * are comparable); "none" draws the raw values. @default "minmax"
   */
  normalise?: "minmax" | "none";
  /** @default "Segment profiles" */
  title?: string;
  /** @default 480 */
  height?: number;
}

const defaults = { title: "Segment profiles", normalise: "minmax" as const, height: 480 };

/**
 * Radar (spider) chart of segment profiles: one closed, filled polygon per segment over the features.
 * Hover shows the raw value even when the radius is normalised.
 *
 * @param profiles - nSegments × nFeatures, e.g. the mean of each feature per segment.
 * @param featureNames - nFeatures names (the spokes).
 * @param options - `segmentNames`, `normalise`; see {@link RadarOptions}.
 * @returns a Figure with one `scatterpolar` trace per segment.
 * @throws {ArgumentError} on no profiles or a row with another number of values than featureNames.
 * @example
 * radarChart([[20, 80], [60, 20]], ["age", "spending"]).data[0].r; // => [0, 1, 0]
 */
export function radarChart(profiles: number[][], featureNames: readonly string[], options: RadarOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  if (profiles.length === 0) throw new ArgumentError("radarChart: profiles is empty");
  profiles.forEach((p, i) => {
    if (p.length !== featureNames.length)
      throw new ArgumentError(
        `radarChart: profiles[${i}] has ${p.length} values, featureNames has ${featureNames.length}`,
      );
  });
  const lo = featureNames.map((_, j) => Math.min(...profiles.map((p) => p[j]!)));
  const hi = featureNames.map((_, j) => Math.max(...profiles.map((p) => p[j]!)));
  const radius = (v: number, j: number) =>
    opts.normalise === "none" ? v : hi[j]! > lo[j]! ? (v - lo[j]!) / (hi[j]! - lo[j]!) : 0.5;
  const theta = [...featureNames, featureNames[0]!];
  const data: Data[] = profiles.map((p, s) => ({
    type: "scatterpolar",
    fill: "toself",
    opacity: 0.6,
    name: opts.segmentNames?.[s] ?? `segment ${s}`,
    theta,
    r: [...p, p[0]!].map((v, j) => radius(v, j % featureNames.length)),
    customdata: [...p, p[0]!],
    hovertemplate: "%{theta}: %{customdata:.1f}<extra>%{fullData.name}</extra>",
    line: { color: clusterColor(s) },
  }));
  const layout = baseLayout(opts.title, {
    height: opts.height,
    polar: { radialaxis: { visible: true, ...(opts.normalise === "minmax" ? { range: [0, 1] } : {}) } },
    ...(opts.normalise === "minmax"
      ? {
          annotations: [
            {
              xref: "paper" as const,
              yref: "paper" as const,
              x: 0,
              y: -0.08,
              showarrow: false,
              text: "radius per spoke: 0 = lowest segment mean, 1 = highest",
            },
          ],
        }
      : {}),
  });
  return { data, layout };
}
