import type { Config, Data, Frame, Layout } from "plotly.js-dist-min";

/**
 * A Plotly figure as plain JSON: what every chart builder in `charts/` returns and what `show`
 * displays. Pure data, so the CLI report and the tests can reuse and inspect it.
 */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
  /** Animation frames (e.g. k-means iterations), played by an `updatemenus` play button. */
  frames?: Partial<Frame>[];
  config?: Partial<Config>;
}

/** The project's qualitative palette (Plotly's default, colour-blind-safe order for the first clusters). */
export const palette = [
  "#636efa",
  "#ef553b",
  "#00cc96",
  "#ab63fa",
  "#ffa15a",
  "#19d3f3",
  "#ff6692",
  "#b6e880",
  "#ff97ff",
  "#fecb52",
];

/** Colour of cluster `label`; noise (-1) is grey. */
export function clusterColor(label: number): string {
  return label < 0 ? "#9e9e9e" : palette[label % palette.length]!;
}

/** Layout defaults shared by all charts: a title, white background, compact margins. */
export function baseLayout(title: string, extra: Partial<Layout> = {}): Partial<Layout> {
  return {
    title: { text: title },
    plot_bgcolor: "#ffffff",
    paper_bgcolor: "#ffffff",
    margin: { l: 60, r: 30, t: 60, b: 55 },
    height: 420,
    ...extra,
  };
}
