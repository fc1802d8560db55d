import type { Data } from "plotly.js-dist-min";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface Clusters2dOptions {
  /** @default "Clusters" */
  title?: string;
  /** Axis titles for columns 0 and 1 of X. @default ["x", "y"] */
  featureNames?: [string, string];
  /** k × ≥2 centres drawn as large crosses (columns 0 and 1). @default none */
  centroids?: number[][];
  /** Legend name of cluster i. @default "cluster i" (and "noise" for -1) */
  clusterNames?: string[];
  /** One hover line per sample (e.g. the customer ID). @default none */
  hoverText?: string[];
  /** @default 460 */
  height?: number;
}

const defaults = { title: "Clusters", featureNames: ["x", "y"] as [string, string], height: 460 };

/**
 * Scatter of two features with one trace per cluster (noise, label -1, in grey), optional centroids.
 *
 * @param X - nSamples × ≥2; columns 0 and 1 are drawn.
 * @param labels - nSamples cluster numbers (-1 = noise).
 * @param options - see {@link Clusters2dOptions}.
 * @returns a Figure with one scatter trace per cluster, plus a "centroids" trace when given.
 * @example
 * clusters2dChart([[0, 0], [5, 5]], [0, 1]).data.length; // => 2
 */
export function clusters2dChart(X: number[][], labels: ArrayLike<number>, options: Clusters2dOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  const data: Data[] = distinctLabels(labels).map((label) => {
    const idx = indicesOf(labels, label);
    return {
      type: "scatter",
      mode: "markers",
      name: label < 0 ? "noise" : (opts.clusterNames?.[label] ?? `cluster ${label}`),
      x: idx.map((i) => X[i]![0]!),
      y: idx.map((i) => X[i]![1]!),
      ...(opts.hoverText ? { text: idx.map((i) => opts.hoverText![i]!) } : {}),
      marker: { color: clusterColor(label), size: label < 0 ? 6 : 8, symbol: label < 0 ? "x" : "circle", opacity: 0.8 },
    };
  });
  if (opts.centroids) {
    data.push({
      type: "scatter",
      mode: "markers",
      name: "centroids",
      x: opts.centroids.map((c) => c[0]!),
      y: opts.centroids.map((c) => c[1]!),
      marker: {
        color: opts.centroids.map((_, i) => clusterColor(i)),
        size: 18,
        symbol: "x",
        line: { color: "#000", width: 2 },
      },
    });
  }
  const layout = baseLayout(opts.title, {
    height: opts.height,
    xaxis: { title: { text: opts.featureNames[0] } },
    yaxis: { title: { text: opts.featureNames[1] } },
  });
  return { data, layout };
}

/** The distinct labels, ascending (noise -1 first). */
export function distinctLabels(labels: ArrayLike<number>): number[] {
  return [...new Set(Array.from(labels))].sort((a, b) => a - b);
}

/** Indices of the samples with label `label`. */
export function indicesOf(labels: ArrayLike<number>, label: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === label) out.push(i);
  return out;
}
