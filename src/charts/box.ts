import type { Data } from "plotly.js-dist-min";
import { baseLayout, palette, type Figure } from "./figure";

export interface BoxOptions {
  /** @default "Box plots" */
  title?: string;
  /** A group per value: box plots side by side per group within each series. @default none */
  groups?: readonly string[];
  /** @default 400 */
  height?: number;
}

const defaults = { title: "Box plots", height: 400 };

/**
 * Box plots of several numeric series on one axis (median, quartiles, 1.5 × IQR whiskers, outliers
 * as points), e.g. age, income and spending side by side, optionally split by group.
 *
 * @param series - name → n values.
 * @param options - see {@link BoxOptions}.
 * @returns a Figure with one box trace per series (or per group).
 * @example boxChart({ Age: [19, 21, 70] }).data.length // => 1
 */
export function boxChart(series: Record<string, readonly number[]>, options: BoxOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  const names = Object.keys(series);
  let data: Data[];
  if (opts.groups) {
    const groups = [...new Set(opts.groups)].sort();
    data = groups.map((group, g) => {
      const x: string[] = [];
      const y: number[] = [];
      for (const name of names) {
        series[name]!.forEach((v, i) => {
          if (opts.groups![i] === group) {
            x.push(name);
            y.push(v);
          }
        });
      }
      return {
        type: "box",
        name: group,
        x,
        y,
        marker: { color: palette[g % palette.length] },
        boxpoints: "outliers",
      } as Data;
    });
  } else {
    data = names.map(
      (name, s) =>
        ({
          type: "box",
          name,
          y: [...series[name]!],
          marker: { color: palette[s % palette.length] },
          boxpoints: "outliers",
        }) as Data,
    );
  }
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      boxmode: opts.groups ? "group" : "overlay",
      showlegend: Boolean(opts.groups),
    }),
  };
}
