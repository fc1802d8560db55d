import type { PsiBin } from "../track/psi";
import { baseLayout, type Figure } from "./figure";

export interface ShareComparisonOptions {
  /** @default "Reference vs current" */
  title?: string;
  /** @default "" */
  xTitle?: string;
  /** @default "reference" */
  referenceName?: string;
  /** @default "current" */
  currentName?: string;
  /** @default 360 */
  height?: number;
}

/**
 * Side-by-side bars of two share distributions over the same categories (PSI bins of a feature, segment shares):
 * what a PSI compares, drawn.
 *
 * @param categories - n category labels, in display order.
 * @param referenceShares - n shares of the reference (each in [0, 1]).
 * @param currentShares - n shares now.
 * @param options - see {@link ShareComparisonOptions}.
 * @returns a Figure with two bar traces (grey reference, blue current), shares as percentages.
 * @example shareComparisonChart(["a", "b"], [0.5, 0.5], [0.3, 0.7]).data.length // => 2
 */
export function shareComparisonChart(
  categories: readonly string[],
  referenceShares: readonly number[],
  currentShares: readonly number[],
  options: ShareComparisonOptions = {},
): Figure {
  const {
    title = "Reference vs current",
    xTitle = "",
    referenceName = "reference",
    currentName = "current",
    height = 360,
  } = options;
  const bar = (name: string, shares: readonly number[], color: string) => ({
    type: "bar" as const,
    name,
    x: [...categories],
    y: shares.map((s) => 100 * s),
    marker: { color },
    hovertemplate: `${name}: %{y:.1f}%<extra>%{x}</extra>`,
  });
  return {
    data: [bar(referenceName, referenceShares, "#9e9e9e"), bar(currentName, currentShares, "#636efa")],
    layout: baseLayout(title, {
      height,
      barmode: "group",
      xaxis: { title: { text: xTitle }, type: "category", automargin: true },
      yaxis: { title: { text: "share (%)" }, rangemode: "tozero" },
      legend: { orientation: "h", x: 0, y: 1.12 },
    }),
  };
}

/**
 * The reference's quantile bins of one feature with each side's share (the raw count / n, before the epsilon
 * floor of the PSI), as side-by-side bars; the title gives the PSI.
 *
 * @param feature - the feature's name.
 * @param bins - the bins of `populationStabilityIndex(…).bins`.
 * @param psi - the feature's PSI, for the title.
 * @param options - see {@link ShareComparisonOptions} (title defaults to `<feature>: PSI <psi>`).
 * @returns a Figure with two bar traces over the bins `[lower, upper)`.
 */
export function psiBinsChart(
  feature: string,
  bins: readonly PsiBin[],
  psi: number,
  options: ShareComparisonOptions = {},
): Figure {
  const nReference = bins.reduce((s, b) => s + b.referenceCount, 0);
  const nCurrent = bins.reduce((s, b) => s + b.currentCount, 0);
  const labels = bins.map((b) => `[${edge(b.lower)}, ${edge(b.upper)})`);
  return shareComparisonChart(
    labels,
    bins.map((b) => b.referenceCount / nReference),
    bins.map((b) => b.currentCount / nCurrent),
    {
      title: `${feature}: PSI ${psi.toFixed(3)} over the reference's quantile bins`,
      xTitle: `${feature} (bin)`,
      ...options,
    },
  );
}

function edge(x: number): string {
  if (x === -Infinity) return "−∞";
  if (x === Infinity) return "∞";
  return Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString();
}
