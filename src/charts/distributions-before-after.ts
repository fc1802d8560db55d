import type { Data, Layout } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, palette, type Figure } from "./figure";

export interface BeforeAfterOptions {
  /** @default "before" */
  beforeName?: string;
  /** @default "after" */
  afterName?: string;
  /** @default "Distributions before and after" */
  title?: string;
  /** Bins per histogram. @default 20 */
  nbins?: number;
  /** @default 520 */
  height?: number;
}

const defaults = {
  beforeName: "before",
  afterName: "after",
  title: "Distributions before and after",
  nbins: 20,
  height: 520,
};

/**
 * Histograms of each feature before (top row) and after (bottom row) a transformation such as
 * scaling, so the change of units and of shape can be compared; one column per feature.
 *
 * @param before - nSamples × nFeatures.
 * @param after - mSamples × nFeatures (m may differ, e.g. after dropping rows).
 * @param featureNames - nFeatures names.
 * @param options - see {@link BeforeAfterOptions}.
 * @returns a Figure with 2 × nFeatures histogram traces on a 2 × nFeatures grid.
 * @throws {ArgumentError} when a matrix has another number of columns than featureNames.
 * @example
 * distributionsBeforeAfterChart([[1], [2]], [[-1], [1]], ["age"]).data.length; // => 2
 */
export function distributionsBeforeAfterChart(
  before: number[][],
  after: number[][],
  featureNames: readonly string[],
  options: BeforeAfterOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  const nF = featureNames.length;
  for (const [name, X] of [
    ["before", before],
    ["after", after],
  ] as const) {
    if (X.some((r) => r.length !== nF))
      throw new ArgumentError(`distributionsBeforeAfterChart: rows of ${name} must have ${nF} values`);
  }
  const data: Data[] = [];
  const axes: Record<string, unknown> = {};
  [before, after].forEach((X, row) => {
    featureNames.forEach((feature, j) => {
      const n = row * nF + j + 1;
      const suffix = n === 1 ? "" : String(n);
      data.push({
        type: "histogram",
        name: `${feature} (${row === 0 ? opts.beforeName : opts.afterName})`,
        showlegend: false,
        x: X.map((r) => r[j]!),
        nbinsx: opts.nbins,
        xaxis: `x${suffix}`,
        yaxis: `y${suffix}`,
        marker: { color: palette[j % palette.length], opacity: row === 0 ? 0.55 : 0.9 },
      } as Data);
      axes[`xaxis${suffix}`] = {
        title: { text: `${feature}: ${row === 0 ? opts.beforeName : opts.afterName}`, font: { size: 11 } },
      };
    });
  });
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      grid: { rows: 2, columns: nF, pattern: "independent", ygap: 0.45 },
      ...(axes as Partial<Layout>),
    }),
  };
}
