import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, clusterColor, type Figure } from "./figure";

export interface RfmSnakeOptions {
  /** Feature names along the x axis. @default ["recency (ln)", "frequency (ln)", "monetary (ln)"] */
  featureNames?: readonly string[];
  /** Legend name of each cluster, by label. @default "cluster <label>" */
  clusterNames?: readonly string[];
  /** @default "Cluster profiles: mean standardised value per feature" */
  title?: string;
  /** @default 420 */
  height?: number;
}

const defaults = {
  featureNames: ["recency (ln)", "frequency (ln)", "monetary (ln)"],
  title: "Cluster profiles: mean standardised value per feature",
  height: 420,
};

/**
 * Snake plot of cluster profiles: one line per cluster through its mean standardised value of each
 * feature (0 = the average customer, +1 = one standard deviation above). The usual profile chart of
 * an RFM clustering; remember a HIGH recency means a customer who has not bought for long.
 *
 * @param X - nSamples × nFeatures standardised values (e.g. `clusterRfm(...).X`).
 * @param labels - nSamples cluster numbers in [0, k).
 * @param options - feature and cluster names, `title`, `height`.
 * @returns a Figure with one line trace per cluster (legend: name and size).
 * @throws {ArgumentError} when the lengths differ or a row has another number of values than featureNames.
 * @example
 * rfmSnakeChart([[1, 0, 0], [-1, 0, 0]], [0, 1]).data[1].y; // => [-1, 0, 0]
 */
export function rfmSnakeChart(
  X: readonly (readonly number[])[],
  labels: readonly number[],
  options: RfmSnakeOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  const nF = opts.featureNames.length;
  if (X.length !== labels.length)
    throw new ArgumentError(`rfmSnakeChart: ${X.length} rows but ${labels.length} labels`);
  X.forEach((row, i) => {
    if (row.length !== nF)
      throw new ArgumentError(`rfmSnakeChart: X[${i}] has ${row.length} values, featureNames has ${nF}`);
  });
  const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
  const sums = Array.from({ length: k }, () => new Array<number>(nF).fill(0));
  const sizes = new Array<number>(k).fill(0);
  X.forEach((row, i) => {
    sizes[labels[i]!]!++;
    row.forEach((v, j) => (sums[labels[i]!]![j]! += v));
  });
  const data: Data[] = [];
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) continue;
    data.push({
      type: "scatter",
      mode: "lines+markers",
      name: `${opts.clusterNames?.[c] ?? `cluster ${c}`} (n=${sizes[c]})`,
      x: [...opts.featureNames],
      y: sums[c]!.map((s) => s / sizes[c]!),
      line: { color: clusterColor(c), width: 3 },
      marker: { size: 9 },
    } as Data);
  }
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      yaxis: { title: { text: "mean (standardised)" }, zeroline: true, zerolinecolor: "#999999" },
    }),
  };
}
