import { ArgumentError } from "../core/errors";
import { argBest } from "./index-curves";
import { baseLayout, type Figure } from "./figure";

export interface BicAicOptions {
  /** @default "Gaussian mixture: BIC and AIC by number of components (lower is better)" */
  title?: string;
  /** @default 400 */
  height?: number;
}

const defaults = { title: "Gaussian mixture: BIC and AIC by number of components (lower is better)", height: 400 };

/**
 * BIC and AIC of Gaussian mixtures against the number of components, each minimum marked.
 *
 * @param ks - the numbers of components tried.
 * @param bic - one BIC per k.
 * @param aic - one AIC per k.
 * @param options - see {@link BicAicOptions}.
 * @returns a Figure with 4 traces: BIC, AIC, and the minimum of each.
 * @throws {ArgumentError} when the lengths differ.
 * @example
 * bicAicChart([1, 2, 3], [50, 40, 45], [48, 36, 35]).data[3].x; // => [3]  (lowest AIC)
 */
export function bicAicChart(
  ks: readonly number[],
  bic: readonly number[],
  aic: readonly number[],
  options: BicAicOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (bic.length !== ks.length || aic.length !== ks.length)
    throw new ArgumentError(`bicAicChart: ${ks.length} ks, ${bic.length} BIC, ${aic.length} AIC values`);
  const lower = (a: number, b: number) => a < b;
  const iBic = argBest(bic, lower);
  const iAic = argBest(aic, lower);
  return {
    data: [
      { type: "scatter", mode: "lines+markers", name: "BIC", x: [...ks], y: [...bic], line: { color: "#ab63fa" } },
      { type: "scatter", mode: "lines+markers", name: "AIC", x: [...ks], y: [...aic], line: { color: "#ffa15a" } },
      {
        type: "scatter",
        mode: "markers",
        name: `min BIC: k = ${ks[iBic]}`,
        x: [ks[iBic]!],
        y: [bic[iBic]!],
        marker: { color: "#ab63fa", size: 16, symbol: "circle-open", line: { width: 3 } },
      },
      {
        type: "scatter",
        mode: "markers",
        name: `min AIC: k = ${ks[iAic]}`,
        x: [ks[iAic]!],
        y: [aic[iAic]!],
        marker: { color: "#ffa15a", size: 16, symbol: "circle-open", line: { width: 3 } },
      },
    ],
    layout: baseLayout(opts.title, {
      height: opts.height,
      xaxis: { title: { text: "number of components" }, dtick: 1 },
      yaxis: { title: { text: "information criterion" } },
    }),
  };
}
