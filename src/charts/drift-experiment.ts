import { STABILITY_BAND_LIMITS } from "../track/bands";
import type { DriftExperimentRun } from "../track/drift-experiment";
import { baseLayout, type Figure } from "./figure";

export interface DriftExperimentChartOptions {
  /** @default "PSI over seeded runs: no change vs an injected change" */
  title?: string;
  /** @default "no change" */
  baselineName?: string;
  /** @default "with the change" */
  changedName?: string;
  /** @default 430 */
  height?: number;
}

/**
 * The PSIs of a controlled experiment, every run a point: for each measure (recency, frequency, monetary, segment
 * shares) the runs without a change next to the runs with one, over the band limits 0.1 and 0.25.
 *
 * @param baseline - runs of `driftExperiment` without a change.
 * @param changed - runs with the change.
 * @param options - see {@link DriftExperimentChartOptions}.
 * @returns a Figure with two box traces (all points shown) grouped by measure.
 */
export function driftExperimentChart(
  baseline: readonly DriftExperimentRun[],
  changed: readonly DriftExperimentRun[],
  options: DriftExperimentChartOptions = {},
): Figure {
  const {
    title = "PSI over seeded runs: no change vs an injected change",
    baselineName = "no change",
    changedName = "with the change",
    height = 430,
  } = options;
  const measures = ["recency_days", "frequency", "monetary", "segment shares"] as const;
  const trace = (name: string, runs: readonly DriftExperimentRun[], color: string) => ({
    type: "box" as const,
    name,
    x: runs.flatMap(() => [...measures]),
    y: runs.flatMap((r) => [r.features.recency_days, r.features.frequency, r.features.monetary, r.segments]),
    boxpoints: "all" as const,
    jitter: 0.4,
    pointpos: 0,
    marker: { color, size: 5 },
    line: { color },
  });
  const { watch, refit } = STABILITY_BAND_LIMITS;
  const limit = (y: number, text: string) => ({
    shape: {
      type: "line" as const,
      xref: "paper" as const,
      yref: "y" as const,
      x0: 0,
      x1: 1,
      y0: y,
      y1: y,
      line: { color: "#555", dash: "dash" as const, width: 1 },
    },
    annotation: {
      xref: "paper" as const,
      yref: "y" as const,
      x: 1,
      y,
      text,
      showarrow: false,
      xanchor: "right" as const,
      yanchor: "bottom" as const,
      font: { size: 11, color: "#555" },
    },
  });
  const limits = [limit(watch, `watch from ${watch}`), limit(refit, `refit above ${refit}`)];
  return {
    data: [trace(baselineName, baseline, "#9e9e9e"), trace(changedName, changed, "#d62728")],
    layout: baseLayout(title, {
      height,
      boxmode: "group",
      xaxis: { title: { text: "measure" } },
      yaxis: { title: { text: "PSI" }, rangemode: "tozero" },
      shapes: limits.map((l) => l.shape),
      annotations: limits.map((l) => l.annotation),
      legend: { orientation: "h", x: 0, y: 1.1 },
    }),
  };
}
