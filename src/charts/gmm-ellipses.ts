import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface GmmEllipsesOptions {
  /** @default "Gaussian mixture: covariance ellipses and soft assignment" */
  title?: string;
  /** Axis titles for columns 0 and 1. @default ["x", "y"] */
  featureNames?: [string, string];
  /** Ellipses drawn at these multiples of the standard deviation. @default [1, 2] */
  nStd?: number[];
  /** Points on each ellipse outline. @default 60 */
  resolution?: number;
  /** @default 480 */
  height?: number;
}

const defaults = {
  title: "Gaussian mixture: covariance ellipses and soft assignment",
  featureNames: ["x", "y"] as [string, string],
  nStd: [1, 2],
  resolution: 60,
  height: 480,
};

/**
 * Gaussian mixture in 2-D: points coloured by their most probable component with opacity = that
 * probability (uncertain points fade), and each component's covariance ellipses.
 *
 * @param X - nSamples × ≥2 (columns 0 and 1 are drawn).
 * @param probabilities - nSamples × k membership probabilities (rows sum to 1).
 * @param means - k × ≥2 component means.
 * @param covariances - k full covariance matrices (the top-left 2 × 2 block is drawn).
 * @param options - see {@link GmmEllipsesOptions}.
 * @returns a Figure: one point trace per component, one line trace per component and nStd.
 * @throws {ArgumentError} when the shapes disagree.
 * @example
 * gmmEllipsesChart([[0, 0]], [[1]], [[0, 0]], [[[1, 0], [0, 1]]]).data.length; // => 3 (points + 2 ellipses)
 */
export function gmmEllipsesChart(
  X: number[][],
  probabilities: number[][],
  means: number[][],
  covariances: number[][][],
  options: GmmEllipsesOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  const k = means.length;
  if (probabilities.length !== X.length)
    throw new ArgumentError(`gmmEllipsesChart: probabilities has ${probabilities.length} rows, X has ${X.length}`);
  if (covariances.length !== k)
    throw new ArgumentError(`gmmEllipsesChart: ${covariances.length} covariances for ${k} means`);
  const best = probabilities.map((p) => p.reduce((bi, v, i) => (v > p[bi]! ? i : bi), 0));
  const data: Data[] = [];
  for (let c = 0; c < k; c++) {
    const idx = best.flatMap((b, i) => (b === c ? [i] : []));
    data.push({
      type: "scatter",
      mode: "markers",
      name: `component ${c}`,
      legendgroup: `c${c}`,
      x: idx.map((i) => X[i]![0]!),
      y: idx.map((i) => X[i]![1]!),
      text: idx.map((i) => `P(component ${c}) = ${probabilities[i]![c]!.toFixed(2)}`),
      marker: { color: clusterColor(c), size: 8, opacity: idx.map((i) => Math.max(0.15, probabilities[i]![c]!)) },
    });
  }
  for (let c = 0; c < k; c++) {
    for (const s of opts.nStd) {
      const [ex, ey] = covarianceEllipse(means[c]!, covariances[c]!, s, opts.resolution);
      data.push({
        type: "scatter",
        mode: "lines",
        name: `${s}σ`,
        legendgroup: `c${c}`,
        showlegend: false,
        hoverinfo: "skip",
        x: ex,
        y: ey,
        line: { color: clusterColor(c), width: 2, dash: s === opts.nStd[0] ? "solid" : "dot" },
      });
    }
  }
  const layout = baseLayout(opts.title, {
    height: opts.height,
    xaxis: { title: { text: opts.featureNames[0] } },
    yaxis: { title: { text: opts.featureNames[1] } },
  });
  return { data, layout };
}

/**
 * Outline of the ellipse {x : (x − μ)ᵀ Σ⁻¹ (x − μ) = s²} of a 2 × 2 covariance Σ: semi-axes
 * s·√λ₁, s·√λ₂ along the eigenvectors, rotated by θ = ½·atan2(2σxy, σxx − σyy).
 */
export function covarianceEllipse(
  mean: number[],
  cov: number[][],
  s: number,
  resolution: number,
): [number[], number[]] {
  const a = cov[0]![0]!;
  const b = cov[0]![1]!;
  const d = cov[1]![1]!;
  const half = Math.sqrt(((a - d) / 2) ** 2 + b * b);
  const lambda1 = Math.max(0, (a + d) / 2 + half);
  const lambda2 = Math.max(0, (a + d) / 2 - half);
  const theta = 0.5 * Math.atan2(2 * b, a - d);
  const [r1, r2] = [s * Math.sqrt(lambda1), s * Math.sqrt(lambda2)];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= resolution; i++) {
    const t = (2 * Math.PI * i) / resolution;
    const u = r1 * Math.cos(t);
    const v = r2 * Math.sin(t);
    xs.push(mean[0]! + u * Math.cos(theta) - v * Math.sin(theta));
    ys.push(mean[1]! + u * Math.sin(theta) + v * Math.cos(theta));
  }
  return [xs, ys];
}
