import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { distinctLabels } from "./clusters-2d";
import { baseLayout, clusterColor, type Figure } from "./figure";

/** The silhouettes of one clustering: per-sample values and labels (and the k, for the menu). */
export interface SilhouettePanel {
  k: number;
  samples: ArrayLike<number>;
  labels: ArrayLike<number>;
}

export interface SilhouettePlotOptions {
  /** @default "Silhouette plot" */
  title?: string;
  /** Blank rows between two clusters' bars. @default 6 */
  gap?: number;
  /** Index of the panel shown first. @default 0 */
  active?: number;
  /** @default 520 */
  height?: number;
}

const defaults = { title: "Silhouette plot", gap: 6, active: 0, height: 520 };

/**
 * Silhouette plot: one horizontal bar per sample, grouped by cluster and sorted within it, and the
 * average silhouette as a dashed vertical line. With several panels (e.g. k = 3…6) a menu switches
 * between them; panel `active` (default the first) is shown.
 *
 * @param panels - ≥1 clusterings, each with nSamples silhouettes and labels.
 * @param options - see {@link SilhouettePlotOptions}.
 * @returns a Figure with one bar trace per (panel, cluster), menu buttons when there are several panels,
 *   and the average of each panel as a shape.
 * @throws {ArgumentError} on no panels or samples/labels of different lengths.
 * @example
 * silhouetteChart([{ k: 2, samples: [0.5, 0.7, 0.2], labels: [0, 0, 1] }]).data.length; // => 2
 */
export function silhouetteChart(panels: readonly SilhouettePanel[], options: SilhouettePlotOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  if (panels.length === 0) throw new ArgumentError("silhouetteChart: panels is empty");
  if (!(Number.isInteger(opts.active) && opts.active >= 0 && opts.active < panels.length)) {
    throw new ArgumentError(`silhouetteChart: active=${opts.active} must be an integer in 0..${panels.length - 1}`);
  }
  const data: Data[] = [];
  const owner: number[] = [];
  const averages: number[] = [];
  panels.forEach((panel, p) => {
    if (panel.samples.length !== panel.labels.length) {
      throw new ArgumentError(
        `silhouetteChart: panel ${p} has ${panel.samples.length} samples and ${panel.labels.length} labels`,
      );
    }
    const values = Array.from(panel.samples);
    averages.push(values.reduce((a, b) => a + b, 0) / values.length);
    let y = 0;
    for (const label of distinctLabels(panel.labels)) {
      const members = values.filter((_, i) => panel.labels[i] === label).sort((a, b) => a - b);
      data.push({
        type: "bar",
        orientation: "h",
        name: label < 0 ? "noise" : `cluster ${label}`,
        visible: p === opts.active,
        x: members,
        y: members.map((_, i) => y + i),
        width: 1,
        marker: { color: clusterColor(label), line: { width: 0 } },
        hovertemplate: "silhouette %{x:.3f}<extra></extra>",
      });
      owner.push(p);
      y += members.length + opts.gap;
    }
  });
  const averageLine = (p: number) => [
    {
      type: "line" as const,
      yref: "paper" as const,
      y0: 0,
      y1: 1,
      x0: averages[p]!,
      x1: averages[p]!,
      line: { dash: "dash" as const, color: "#d62728", width: 2 },
    },
  ];
  const titleOf = (p: number) => `${opts.title}: k = ${panels[p]!.k}, average ${averages[p]!.toFixed(3)}`;
  const layout = baseLayout(titleOf(opts.active), {
    height: opts.height,
    bargap: 0,
    xaxis: {
      title: { text: "silhouette coefficient" },
      range: [Math.min(-0.1, ...data.flatMap((t) => (t as { x: number[] }).x)) - 0.02, 1],
    },
    yaxis: { showticklabels: false, title: { text: "samples, grouped by cluster" } },
    shapes: averageLine(opts.active),
  });
  if (panels.length > 1) {
    layout.updatemenus = [
      {
        type: "buttons",
        direction: "down",
        x: 1.02,
        y: 0.6,
        xanchor: "left",
        yanchor: "top",
        active: opts.active,
        buttons: panels.map((panel, p) => ({
          label: `k = ${panel.k}`,
          method: "update",
          args: [{ visible: owner.map((o) => o === p) }, { shapes: averageLine(p), "title.text": titleOf(p) }],
        })),
      },
    ];
    layout.margin = { l: 60, r: 30, t: 60, b: 55 };
  }
  return { data, layout };
}
