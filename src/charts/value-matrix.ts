import type { Data } from "plotly.js-dist-min";
import { baseLayout, type Figure } from "./figure";

export interface ValueMatrixChartOptions {
  /** @default "Expected purchases" or "Probability alive" by the matrix's metric */
  title?: string;
  /** Name of the time unit for the axis titles. @default "days" */
  unit?: string;
  /** @default 460 */
  height?: number;
}

/** A frequency × recency matrix as `betaGeoMatrix` returns it. */
export interface ValueMatrixLike {
  metric: "expectedPurchases" | "probabilityAlive";
  frequencies: readonly number[];
  recencies: readonly number[];
  values: readonly (readonly number[])[];
  T: number;
  t: number;
}

/**
 * Heatmap of a BG/NBD frequency × recency matrix (`betaGeoMatrix`): frequency on x, recency on y with the
 * most recent buyers at the top, colour = expected purchases in the next t (or P(alive), 0…1).
 *
 * @param matrix - the matrix (rows = recency, columns = frequency).
 * @param options - see {@link ValueMatrixChartOptions}.
 * @returns a Figure with one heatmap trace.
 * @example valueMatrixChart({ metric: "probabilityAlive", frequencies: [0, 1], recencies: [0, 10], values: [[1, 0.4], [1, 0.9]], T: 10, t: 30 }).data[0].type // => "heatmap"
 */
export function valueMatrixChart(matrix: ValueMatrixLike, options: ValueMatrixChartOptions = {}): Figure {
  const unit = options.unit ?? "days";
  const alive = matrix.metric === "probabilityAlive";
  const title =
    options.title ??
    (alive
      ? `Probability alive (customers observed ${matrix.T} ${unit})`
      : `Expected purchases in the next ${matrix.t} ${unit} (customers observed ${matrix.T} ${unit})`);
  const trace = {
    type: "heatmap",
    x: [...matrix.frequencies],
    y: [...matrix.recencies],
    z: matrix.values.map((row) => [...row]),
    colorscale: alive ? "RdYlGn" : "Viridis",
    ...(alive ? { zmin: 0, zmax: 1 } : {}),
    colorbar: { title: { text: alive ? "P(alive)" : "purchases" } },
    hovertemplate: `frequency %{x}, recency %{y} ${unit}: %{z:.3f}<extra></extra>`,
  } as unknown as Data;
  return {
    data: [trace],
    layout: baseLayout(title, {
      height: options.height ?? 460,
      xaxis: { title: { text: "frequency (repeat purchases)" } },
      yaxis: { title: { text: `recency (${unit} from first to last purchase)` } },
    }),
  };
}
