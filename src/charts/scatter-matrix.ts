import type { Data } from "plotly.js-dist-min";
import { baseLayout, palette, type Figure } from "./figure";

export interface ScatterMatrixOptions {
  /** @default "Scatter matrix" */
  title?: string;
  /** A group per row (e.g. gender), coloured apart. @default none */
  groups?: readonly string[];
  /** Hover text per row (e.g. the customer ID). @default none */
  text?: readonly string[];
  /** @default 640 */
  height?: number;
}

const defaults = { title: "Scatter matrix", height: 640 };

/**
 * Scatter matrix (pairs plot) of numeric columns: every pair of features in a grid, a Plotly
 * `splom` trace per group. Selecting points in one panel highlights them in all.
 *
 * @param columns - name → n values (the grid's dimensions, in order).
 * @param options - see {@link ScatterMatrixOptions}.
 * @returns a Figure with one splom trace per group.
 * @example scatterMatrixChart({ a: [1, 2], b: [3, 4] }).data[0].type // => "splom"
 */
export function scatterMatrixChart(
  columns: Record<string, readonly number[]>,
  options: ScatterMatrixOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  const names = Object.keys(columns);
  const n = columns[names[0]!]?.length ?? 0;
  const groups = opts.groups ? [...new Set(opts.groups)].sort() : [""];
  const data = groups.map((group, g) => {
    const rows = [...Array(n).keys()].filter((i) => !opts.groups || opts.groups[i] === group);
    return {
      type: "splom",
      name: group || "customers",
      dimensions: names.map((label) => ({ label, values: rows.map((i) => columns[label]![i]!) })),
      text: opts.text ? rows.map((i) => opts.text![i]!) : undefined,
      marker: { color: palette[g % palette.length], size: 5, opacity: 0.7, line: { width: 0.5, color: "white" } },
      diagonal: { visible: false },
      showupperhalf: false,
    } as unknown as Data;
  });
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      showlegend: groups.length > 1,
      hovermode: "closest",
      dragmode: "select",
    }),
  };
}
