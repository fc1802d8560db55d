import type { Data, Layout } from "plotly.js-dist-min";
import type { RfmValues } from "../rfm/cluster-rfm";
import { baseLayout, palette, type Figure } from "./figure";

export interface RfmLogDistributionsOptions {
  /** Bins per histogram. @default 40 */
  nbins?: number;
  /** @default "Recency, frequency and monetary: raw (top) and natural log (bottom)" */
  title?: string;
  /** @default 560 */
  height?: number;
}

const defaults: Required<RfmLogDistributionsOptions> = {
  nbins: 40,
  title: "Recency, frequency and monetary: raw (top) and natural log (bottom)",
  height: 560,
};

const FEATURES = ["recency_days", "frequency", "monetary"] as const;

/**
 * Histograms of recency_days, frequency and monetary (top row) and of their natural logs (bottom row),
 * each axis titled with the sample skewness so the effect of the log is read as a number too.
 *
 * @param customers - n rows with recency_days, frequency, monetary (> 0).
 * @param options - `nbins`, `title`, `height`.
 * @returns a Figure with 6 histogram traces on a 2 × 3 grid.
 * @example
 * rfmLogDistributionsChart([{ recency_days: 1, frequency: 1, monetary: 10 }]).data.length; // => 6
 */
export function rfmLogDistributionsChart(
  customers: readonly RfmValues[],
  options: RfmLogDistributionsOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  const data: Data[] = [];
  const axes: Record<string, unknown> = {};
  [false, true].forEach((logged, row) => {
    FEATURES.forEach((feature, j) => {
      const values = customers.map((c) => (logged ? Math.log(c[feature]) : c[feature]));
      const n = row * FEATURES.length + j + 1;
      const suffix = n === 1 ? "" : String(n);
      const name = logged ? `ln ${feature}` : feature;
      data.push({
        type: "histogram",
        name,
        showlegend: false,
        x: values,
        nbinsx: opts.nbins,
        xaxis: `x${suffix}`,
        yaxis: `y${suffix}`,
        marker: { color: palette[j], opacity: logged ? 0.9 : 0.55 },
      } as Data);
      axes[`xaxis${suffix}`] = { title: { text: `${name} (skew ${skewness(values).toFixed(2)})`, font: { size: 11 } } };
    });
  });
  return {
    data,
    layout: baseLayout(opts.title, {
      height: opts.height,
      grid: { rows: 2, columns: 3, pattern: "independent", ygap: 0.45 },
      ...(axes as Partial<Layout>),
    }),
  };
}

/** Population skewness g1 = m3 / m2^(3/2) (0 for fewer than 2 values or no spread). */
export function skewness(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m3 = 0;
  for (const v of values) {
    const d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= n;
  m3 /= n;
  return m2 === 0 ? 0 : m3 / Math.pow(m2, 1.5);
}
