import type { Data, Frame } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, clusterColor, type Figure } from "./figure";

/** One step of the animation: the assignment of the points and the centres at that step. */
export interface KMeansStep {
  labels: ArrayLike<number>;
  centroids: number[][];
}

export interface KMeansAnimationOptions {
  /** @default "k-means, iteration by iteration" */
  title?: string;
  /** Axis titles for columns 0 and 1. @default ["x", "y"] */
  featureNames?: [string, string];
  /** Milliseconds per frame when playing. @default 800 */
  frameMs?: number;
  /** Name of step i on the slider. @default "iteration i+1" */
  stepNames?: string[];
  /** @default 500 */
  height?: number;
}

const defaults = {
  title: "k-means, iteration by iteration",
  featureNames: ["x", "y"] as [string, string],
  frameMs: 800,
  height: 500,
};

/**
 * An animation of k-means: points coloured by their current cluster, centres moving, one frame per
 * step, with a play/pause button (`updatemenus`) and a slider.
 *
 * @param X - nSamples × ≥2 (columns 0 and 1 are drawn).
 * @param steps - ≥1 steps, e.g. from `kmeans`' `onIteration` (labels and centroids of each iteration).
 * @param options - see {@link KMeansAnimationOptions}.
 * @returns a Figure with 2 traces (points, centres), `frames` (one per step), a play button and a slider.
 * @throws {ArgumentError} on no steps or a step whose labels do not match X.
 * @example
 * kmeansAnimationChart([[0, 0], [1, 1]], [{ labels: [0, 1], centroids: [[0, 0], [1, 1]] }]).frames.length; // => 1
 */
export function kmeansAnimationChart(
  X: number[][],
  steps: readonly KMeansStep[],
  options: KMeansAnimationOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (steps.length === 0) throw new ArgumentError("kmeansAnimationChart: steps is empty");
  steps.forEach((s, i) => {
    if (s.labels.length !== X.length)
      throw new ArgumentError(
        `kmeansAnimationChart: steps[${i}].labels has length ${s.labels.length}, X has ${X.length} rows`,
      );
  });
  const names = steps.map((_, i) => opts.stepNames?.[i] ?? `iteration ${i + 1}`);
  const x = X.map((r) => r[0]!);
  const y = X.map((r) => r[1]!);
  const traces = (step: KMeansStep): Data[] => [
    {
      type: "scatter",
      mode: "markers",
      name: "customers",
      x,
      y,
      marker: { color: Array.from(step.labels, clusterColor), size: 8, opacity: 0.75 },
    },
    {
      type: "scatter",
      mode: "markers",
      name: "centres",
      x: step.centroids.map((c) => c[0]!),
      y: step.centroids.map((c) => c[1]!),
      marker: {
        color: step.centroids.map((_, i) => clusterColor(i)),
        size: 20,
        symbol: "x",
        line: { color: "#000", width: 2 },
      },
    },
  ];
  const frames: Partial<Frame>[] = steps.map((s, i) => ({ name: names[i], data: traces(s) as Frame["data"] }));
  const animateTo = (duration: number) =>
    ({
      mode: "immediate",
      frame: { duration, redraw: false },
      transition: { duration: Math.round(duration / 2) },
      fromcurrent: true,
    }) as const;
  const layout = baseLayout(opts.title, {
    height: opts.height,
    xaxis: { title: { text: opts.featureNames[0] }, range: paddedRange(x) },
    yaxis: { title: { text: opts.featureNames[1] }, range: paddedRange(y) },
    updatemenus: [
      {
        type: "buttons",
        direction: "left",
        showactive: false,
        x: 0,
        y: -0.16,
        xanchor: "left",
        yanchor: "top",
        buttons: [
          { label: "▶ Play", method: "animate", args: [null as unknown as string, animateTo(opts.frameMs)] },
          { label: "❚❚ Pause", method: "animate", args: [[null] as unknown as string, animateTo(0)] },
        ],
      },
    ],
    sliders: [
      {
        active: 0,
        x: 0.24,
        len: 0.76,
        y: -0.12,
        yanchor: "top",
        currentvalue: { prefix: "", xanchor: "right" },
        steps: names.map((name) => ({ label: name, method: "animate", args: [[name], animateTo(0)] })),
      },
    ],
    margin: { l: 60, r: 30, t: 60, b: 120 },
  });
  return { data: traces(steps[0]!), layout, frames };
}

function paddedRange(values: number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || 1) * 0.06;
  return [lo - pad, hi + pad];
}

/** What k-means reports per iteration (the shape of `KMeansIteration`). */
export interface KMeansIterationLike {
  run?: number;
  labels: ArrayLike<number>;
  centroids: number[][];
  previousCentroids: number[][];
}

/**
 * Animation steps from k-means iterations of the first run: a "start" step (the first assignment,
 * to the initial centres), then one step per iteration (its assignment and the updated centres).
 * Beyond `maxSteps`, the first maxSteps − 1 steps and the last one are kept.
 *
 * @param iterations - as collected from `kmeans(X, { onIteration })`; only run 0 is used.
 * @param maxSteps - frame budget, >= 2. @default 12
 * @returns `{ steps, names }` for {@link kmeansAnimationChart} (`names` go to `stepNames`).
 * @throws {ArgumentError} when there is no iteration of run 0 or maxSteps < 2.
 * @example
 * kmeansAnimationSteps(iterations).names; // => ["start", "iteration 1", "iteration 2", …]
 */
export function kmeansAnimationSteps(
  iterations: readonly KMeansIterationLike[],
  maxSteps = 12,
): { steps: KMeansStep[]; names: string[] } {
  const run = iterations.filter((it) => (it.run ?? 0) === 0);
  if (run.length === 0) throw new ArgumentError("kmeansAnimationSteps: no iteration of run 0");
  if (!(maxSteps >= 2)) throw new ArgumentError(`kmeansAnimationSteps: maxSteps=${maxSteps} must be >= 2`);
  let steps: KMeansStep[] = [
    { labels: run[0]!.labels, centroids: run[0]!.previousCentroids },
    ...run.map((it) => ({ labels: it.labels, centroids: it.centroids })),
  ];
  let names = ["start", ...run.map((_, i) => `iteration ${i + 1}`)];
  if (steps.length > maxSteps) {
    steps = [...steps.slice(0, maxSteps - 1), steps[steps.length - 1]!];
    names = [...names.slice(0, maxSteps - 1), names[names.length - 1]!];
  }
  return { steps, names };
}
