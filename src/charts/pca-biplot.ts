import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { distinctLabels, indicesOf } from "./clusters-2d";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface PcaBiplotOptions {
  /** Cluster of each sample, for colour. @default all 0 */
  labels?: ArrayLike<number>;
  /** Share of variance of PC1 and PC2, shown in the axis titles. @default none */
  explainedVarianceRatio?: readonly number[];
  /** @default "PCA biplot" */
  title?: string;
  /** @default 500 */
  height?: number;
}

const defaults = { title: "PCA biplot", height: 500 };

/**
 * PCA biplot: the samples' scores on PC1 × PC2, coloured by cluster, and one arrow per original
 * feature (its loadings on PC1 and PC2), scaled to the spread of the scores.
 *
 * @param scores - nSamples × ≥2 projected samples.
 * @param components - ≥2 × nFeatures principal axes (scikit-learn's `components_` orientation).
 * @param featureNames - nFeatures names, one per arrow.
 * @param options - `labels`, `explainedVarianceRatio`; see {@link PcaBiplotOptions}.
 * @returns a Figure: point traces per cluster, one line trace per feature arrow, an arrow head and a name annotation per feature.
 * @throws {ArgumentError} when components and featureNames disagree.
 * @example
 * pcaBiplotChart([[1, 0], [-1, 0]], [[1, 0], [0, 1]], ["a", "b"]).layout.annotations.length; // => 4
 */
export function pcaBiplotChart(
  scores: number[][],
  components: number[][],
  featureNames: readonly string[],
  options: PcaBiplotOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (components.length < 2 || components[0]!.length !== featureNames.length) {
    throw new ArgumentError(
      `pcaBiplotChart: need ≥2 components of ${featureNames.length} loadings, got ${components.length} × ${components[0]?.length}`,
    );
  }
  const labels = opts.labels ?? new Array<number>(scores.length).fill(0);
  const data: Data[] = distinctLabels(labels).map((label) => {
    const idx = indicesOf(labels, label);
    return {
      type: "scatter",
      mode: "markers",
      name: opts.labels ? (label < 0 ? "noise" : `cluster ${label}`) : "samples",
      x: idx.map((i) => scores[i]![0]!),
      y: idx.map((i) => scores[i]![1]!),
      marker: { color: clusterColor(label), size: 7, opacity: 0.7 },
    };
  });
  // Arrow length: the largest loading reaches 80 % of the largest |score|.
  const maxScore = Math.max(...scores.flatMap((s) => [Math.abs(s[0]!), Math.abs(s[1]!)]));
  const maxLoading = Math.max(...featureNames.map((_, j) => Math.hypot(components[0]![j]!, components[1]![j]!)));
  const scale = maxLoading > 0 ? (0.8 * maxScore) / maxLoading : 1;
  const tips = featureNames.map((_, j) => [components[0]![j]! * scale, components[1]![j]! * scale] as const);
  featureNames.forEach((name, j) => {
    data.push({
      type: "scatter",
      mode: "lines",
      name,
      showlegend: false,
      hoverinfo: "name",
      x: [0, tips[j]![0]],
      y: [0, tips[j]![1]],
      line: { color: "#222", width: 2 },
    });
  });
  const pct = (i: number) =>
    opts.explainedVarianceRatio ? ` (${(100 * opts.explainedVarianceRatio[i]!).toFixed(1)} % of variance)` : "";
  const layout = baseLayout(opts.title, {
    height: opts.height,
    xaxis: { title: { text: `PC1${pct(0)}` }, zeroline: true },
    yaxis: { title: { text: `PC2${pct(1)}` }, zeroline: true },
    // An arrow head per feature (its text would sit at the tail, so the name is a second annotation at the tip).
    annotations: featureNames.flatMap((name, j) => [
      {
        x: tips[j]![0],
        y: tips[j]![1],
        ax: 0,
        ay: 0,
        axref: "x" as const,
        ayref: "y" as const,
        text: "",
        showarrow: true,
        arrowhead: 2,
        arrowsize: 1.2,
        arrowwidth: 2,
        arrowcolor: "#222",
      },
      {
        x: tips[j]![0] * 1.12,
        y: tips[j]![1] * 1.12,
        text: `<b>${name}</b>`,
        showarrow: false,
        bgcolor: "rgba(255,255,255,0.7)",
      },
    ]),
  });
  return { data, layout };
}
