import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, type Figure } from "./figure";

export interface RfmCrosstabOptions {
  /** Title of the y axis (the first labelling). @default "RFM segment" */
  rowTitle?: string;
  /** Title of the x axis (the second labelling). @default "k-means cluster" */
  columnTitle?: string;
  /** Adjusted Rand index to show in the title (omitted when undefined). */
  ari?: number;
  /** @default "RFM segments × k-means clusters" */
  title?: string;
  /** @default 520 */
  height?: number;
}

const defaults = {
  rowTitle: "RFM segment",
  columnTitle: "k-means cluster",
  title: "RFM segments × k-means clusters",
  height: 520,
};

/**
 * Heatmap of a crosstab (e.g. `compareGroupings(...)`): rows × columns counts, each cell annotated and
 * coloured by the share of its ROW, so each segment reads as "where did its customers go".
 *
 * @param rows - row labels (first row drawn at the top).
 * @param columns - column labels.
 * @param counts - rows.length × columns.length counts.
 * @param options - axis titles, `ari`, `title`, `height`.
 * @returns a Figure with one heatmap trace (z = row shares) and one annotation per cell.
 * @throws {ArgumentError} when counts does not have the shape of rows × columns.
 * @example
 * rfmCrosstabChart(["a"], [0, 1], [[3, 1]]).data[0].z; // => [[0.75, 0.25]]
 */
export function rfmCrosstabChart(
  rows: readonly (string | number)[],
  columns: readonly (string | number)[],
  counts: readonly (readonly number[])[],
  options: RfmCrosstabOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (counts.length !== rows.length || counts.some((r) => r.length !== columns.length)) {
    throw new ArgumentError(`rfmCrosstabChart: counts must be ${rows.length} × ${columns.length}`);
  }
  const shares = counts.map((r) => {
    const total = r.reduce((a, b) => a + b, 0);
    return r.map((n) => (total === 0 ? 0 : n / total));
  });
  const x = columns.map(String);
  const y = rows.map(String);
  const annotations = counts.flatMap((r, i) =>
    r.map((n, j) => ({
      x: x[j],
      y: y[i],
      text: n === 0 ? "" : String(n),
      showarrow: false,
      font: { size: 11, color: shares[i]![j]! > 0.6 ? "#ffffff" : "#222222" },
    })),
  );
  const trace = {
    type: "heatmap",
    x,
    y,
    z: shares,
    zmin: 0,
    zmax: 1,
    colorscale: "Blues",
    reversescale: true, // larger share = darker
    colorbar: { title: { text: "share of row" } },
    customdata: counts,
    hovertemplate: "%{y} → %{x}: %{customdata} customers (%{z:.0%} of the row)<extra></extra>",
  } as unknown as Data;
  const title = opts.ari === undefined ? opts.title : `${opts.title} (ARI ${opts.ari.toFixed(3)})`;
  return {
    data: [trace],
    layout: baseLayout(title, {
      height: opts.height,
      margin: { l: 140, r: 30, t: 60, b: 55 },
      xaxis: { title: { text: opts.columnTitle }, type: "category" },
      yaxis: { title: { text: opts.rowTitle }, type: "category", autorange: "reversed" },
      annotations,
    }),
  };
}
