import type { Data } from "plotly.js-dist-min";
import { distinctLabels, indicesOf } from "./clusters-2d";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface Clusters3dOptions {
  /** @default "Clusters in 3-D" */
  title?: string;
  /** Axis titles for columns 0, 1 and 2. @default ["x", "y", "z"] */
  featureNames?: [string, string, string];
  /** k × ≥3 centres drawn as diamonds. @default none */
  centroids?: number[][];
  /** Legend name of cluster i. @default "cluster i" */
  clusterNames?: string[];
  /** @default 560 */
  height?: number;
}

const defaults = { title: "Clusters in 3-D", featureNames: ["x", "y", "z"] as [string, string, string], height: 560 };

/**
 * Rotatable 3-D scatter of three features, one trace per cluster, optional centroids.
 *
 * @param X - nSamples × ≥3; columns 0, 1, 2 are drawn.
 * @param labels - nSamples cluster numbers (-1 = noise).
 * @param options - see {@link Clusters3dOptions}.
 * @returns a Figure of `scatter3d` traces.
 * @example
 * clusters3dChart([[0, 0, 0], [1, 1, 1]], [0, 0]).data[0].type; // => "scatter3d"
 */
export function clusters3dChart(X: number[][], labels: ArrayLike<number>, options: Clusters3dOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  const data: Data[] = distinctLabels(labels).map((label) => {
    const idx = indicesOf(labels, label);
    return {
      type: "scatter3d",
      mode: "markers",
      name: label < 0 ? "noise" : (opts.clusterNames?.[label] ?? `cluster ${label}`),
      x: idx.map((i) => X[i]![0]!),
      y: idx.map((i) => X[i]![1]!),
      z: idx.map((i) => X[i]![2]!),
      marker: { color: clusterColor(label), size: 4, opacity: 0.85 },
    };
  });
  if (opts.centroids) {
    data.push({
      type: "scatter3d",
      mode: "markers",
      name: "centroids",
      x: opts.centroids.map((c) => c[0]!),
      y: opts.centroids.map((c) => c[1]!),
      z: opts.centroids.map((c) => c[2]!),
      marker: {
        color: opts.centroids.map((_, i) => clusterColor(i)),
        size: 9,
        symbol: "diamond",
        line: { color: "#000", width: 2 },
      },
    });
  }
  const [x, y, z] = opts.featureNames;
  const layout = baseLayout(opts.title, {
    height: opts.height,
    // A lower, farther camera than Plotly's default (eye 1.25, 1.25, 1.25), aimed a little below the box's
    // centre, and thin margins: the whole box with its lowest tick labels and axis titles fits the scene
    // (with the default view the bottom corner and the age ticks are cut off).
    margin: { l: 10, r: 10, t: 50, b: 10 },
    scene: {
      xaxis: { title: { text: x } },
      yaxis: { title: { text: y } },
      zaxis: { title: { text: z } },
      camera: { eye: { x: 1.7, y: 1.7, z: 0.9 }, center: { x: 0, y: 0, z: -0.12 } },
    },
  });
  return { data, layout };
}
