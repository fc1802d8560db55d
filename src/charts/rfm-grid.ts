import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, type Figure } from "./figure";

/** What colours an R × F cell. */
export type RfmGridColour = "count" | "meanMonetary";

export interface RfmGridOptions {
  /** @default "count" */
  colour?: RfmGridColour;
  /** @default "RFM grid: recency score × frequency score" */
  title?: string;
  /** @default 460 */
  height?: number;
}

const defaults: Required<RfmGridOptions> = {
  colour: "count",
  title: "RFM grid: recency score × frequency score",
  height: 460,
};

/**
 * Heatmap of customers by R score (rows, 5 at the top) × F score (columns), coloured by the number of
 * customers in each cell or by their mean monetary value; each cell is annotated with its value.
 *
 * @param scores - n rows with R and F in 1..5.
 * @param monetary - n monetary values (required for `colour: "meanMonetary"`).
 * @param options - `colour`, `title`, `height`.
 * @returns a Figure with one heatmap trace (z is 5 × 5, row 0 = R 1) and 25 annotations.
 * @throws {ArgumentError} when a score is outside 1..5, or monetary is missing/of another length for "meanMonetary".
 * @example
 * rfmGridChart([{ R: 5, F: 1 }, { R: 5, F: 1 }]).data[0].z[4][0]; // => 2
 */
export function rfmGridChart(
  scores: readonly { R: number; F: number }[],
  monetary: readonly number[] = [],
  options: RfmGridOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (opts.colour === "meanMonetary" && monetary.length !== scores.length) {
    throw new ArgumentError(
      `rfmGridChart: colour "meanMonetary" needs ${scores.length} monetary values, got ${monetary.length}`,
    );
  }
  const count = grid();
  const sum = grid();
  scores.forEach(({ R, F }, i) => {
    if (![R, F].every((s) => Number.isInteger(s) && s >= 1 && s <= 5)) {
      throw new ArgumentError(`rfmGridChart: scores[${i}] = (R=${R}, F=${F}) must be integers in 1..5`);
    }
    count[R - 1]![F - 1]!++;
    sum[R - 1]![F - 1]! += monetary[i] ?? 0;
  });
  let z: (number | null)[][];
  let label: string;
  switch (opts.colour) {
    case "count":
      z = count;
      label = "customers";
      break;
    case "meanMonetary":
      z = count.map((row, r) => row.map((n, f) => (n === 0 ? null : sum[r]![f]! / n)));
      label = "mean monetary";
      break;
    default: {
      const unreachable: never = opts.colour;
      throw new ArgumentError(`rfmGridChart: colour=${String(unreachable)} must be "count" or "meanMonetary"`);
    }
  }
  const ticks = [1, 2, 3, 4, 5];
  const present = z.flat().filter((v): v is number => v !== null);
  const [lo, hi] = [Math.min(...present), Math.max(...present)];
  // Dark cells (the upper part of the scale) get white text.
  const textColour = (v: number | null) =>
    v !== null && hi > lo && (v - lo) / (hi - lo) > 0.55 ? "#ffffff" : "#222222";
  const annotations = z.flatMap((row, r) =>
    row.map((v, f) => ({
      x: f + 1,
      y: r + 1,
      showarrow: false,
      text: v === null ? "–" : opts.colour === "count" ? String(v) : v.toFixed(0),
      font: { size: 11, color: textColour(v) },
    })),
  );
  const trace = {
    // Plotly's named scales run dark → light; reversed, a larger value is darker.
    type: "heatmap",
    x: ticks,
    y: ticks,
    z,
    colorscale: "YlGnBu",
    reversescale: true,
    colorbar: { title: { text: label } },
    hovertemplate: `R=%{y}, F=%{x}: %{z:.0f} ${label}<extra></extra>`,
  } as unknown as Data;
  return {
    data: [trace],
    layout: baseLayout(opts.title, {
      height: opts.height,
      xaxis: { title: { text: "F score (5 = most frequent)" }, tickvals: ticks, constrain: "domain" },
      yaxis: { title: { text: "R score (5 = most recent)" }, tickvals: ticks, scaleanchor: "x" },
      annotations,
    }),
  };
}

function grid(): number[][] {
  return Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
}
