import { baseLayout, palette, type Figure } from "./figure";

export interface BarOptions {
  /** @default "Counts" */
  title?: string;
  /** @default "" */
  xTitle?: string;
  /** @default "count" */
  yTitle?: string;
  /** Print the share of the total above each bar. @default true */
  showShare?: boolean;
  /** @default 360 */
  height?: number;
}

const defaults = { title: "Counts", xTitle: "", yTitle: "count", showShare: true, height: 360 };

/**
 * Bar chart of the counts of a categorical column (e.g. the gender mix), each bar labelled with its
 * count and share.
 *
 * @param values - n category values.
 * @param options - see {@link BarOptions}.
 * @returns a Figure with one bar trace, categories sorted by name.
 * @example countBarChart(["F", "M", "F"]).data[0].y // => [2, 1]
 */
export function countBarChart(values: readonly string[], options: BarOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const categories = [...counts.keys()].sort();
  const y = categories.map((c) => counts.get(c)!);
  const text = y.map((count) =>
    opts.showShare ? `${count} (${((100 * count) / values.length).toFixed(1)} %)` : String(count),
  );
  return {
    data: [
      {
        type: "bar",
        x: categories,
        y,
        text,
        textposition: "outside",
        cliponaxis: false,
        marker: { color: categories.map((_, i) => palette[i % palette.length]!) },
      },
    ],
    // The y range leaves 15 % of headroom above the tallest bar, so that its label fits inside the plot area.
    layout: baseLayout(opts.title, {
      height: opts.height,
      xaxis: { title: { text: opts.xTitle } },
      yaxis: { title: { text: opts.yTitle }, range: [0, 1.15 * Math.max(1, ...y)] },
    }),
  };
}
