import type { Data } from "plotly.js-dist-min";
import { ArgumentError } from "../core/errors";
import { baseLayout, palette, type Figure } from "./figure";

export interface HoldoutPurchasesOptions {
  /** Calibration frequencies above this are pooled into one group "≥ max". @default 7 */
  maxFrequency?: number;
  /** @default "Holdout purchases: actual vs predicted, by calibration frequency" */
  title?: string;
  /** @default 420 */
  height?: number;
}

/** One group of the chart: customers with a calibration frequency (or `max` and more). */
export interface HoldoutGroup {
  label: string;
  customers: number;
  actual: number;
  predicted: number;
}

/**
 * Mean actual and predicted holdout purchases per calibration frequency (the standard validation chart of
 * buy-till-you-die models, as `lifetimes`' plot_calibration_purchases_vs_holdout_purchases).
 *
 * @param frequency - calibration repeat purchases (nCustomers).
 * @param actual - purchases in the holdout period (nCustomers).
 * @param predicted - model's expected purchases over the holdout (nCustomers).
 * @param options - see {@link HoldoutPurchasesOptions}.
 * @returns the groups (customers and the two means, in frequency order).
 * @throws {ArgumentError} for ragged or empty arrays or maxFrequency not a positive integer.
 * @example holdoutGroups([0, 0, 1], [0, 1, 2], [0.2, 0.2, 1.5]).map((g) => g.actual) // => [0.5, 2]
 */
export function holdoutGroups(
  frequency: readonly number[],
  actual: readonly number[],
  predicted: readonly number[],
  options: HoldoutPurchasesOptions = {},
): HoldoutGroup[] {
  const maxFrequency = options.maxFrequency ?? 7;
  if (!Number.isInteger(maxFrequency) || maxFrequency < 1)
    throw new ArgumentError(`holdoutGroups: maxFrequency=${maxFrequency} must be a positive integer`);
  if (frequency.length === 0 || actual.length !== frequency.length || predicted.length !== frequency.length) {
    throw new ArgumentError(
      `holdoutGroups: frequency, actual and predicted must have the same non-zero length (got ${frequency.length}, ${actual.length}, ${predicted.length})`,
    );
  }
  const sums = Array.from({ length: maxFrequency + 1 }, () => ({ customers: 0, actual: 0, predicted: 0 }));
  frequency.forEach((x, i) => {
    const g = sums[Math.min(x, maxFrequency)]!;
    g.customers++;
    g.actual += actual[i]!;
    g.predicted += predicted[i]!;
  });
  return sums.flatMap((g, x) =>
    g.customers === 0
      ? []
      : [
          {
            label: x === maxFrequency ? `≥ ${x}` : String(x),
            customers: g.customers,
            actual: g.actual / g.customers,
            predicted: g.predicted / g.customers,
          },
        ],
  );
}

/**
 * The validation chart: mean actual vs predicted holdout purchases by calibration frequency, two lines.
 * @param frequency - calibration repeat purchases (nCustomers).
 * @param actual - holdout purchases (nCustomers).
 * @param predicted - expected holdout purchases (nCustomers).
 * @param options - see {@link HoldoutPurchasesOptions}.
 * @returns a Figure with two line traces (actual, predicted); hover gives the group size.
 * @example holdoutPurchasesChart([0, 1], [0, 2], [0.1, 1.5]).data.length // => 2
 */
export function holdoutPurchasesChart(
  frequency: readonly number[],
  actual: readonly number[],
  predicted: readonly number[],
  options: HoldoutPurchasesOptions = {},
): Figure {
  const groups = holdoutGroups(frequency, actual, predicted, options);
  const x = groups.map((g) => g.label);
  const customdata = groups.map((g) => g.customers);
  const line = (name: string, y: number[], color: string, dash: string): Data =>
    ({
      type: "scatter",
      mode: "lines+markers",
      name,
      x,
      y,
      customdata,
      line: { color, dash },
      hovertemplate: `${name}: %{y:.2f} (frequency %{x}, %{customdata} customers)<extra></extra>`,
    }) as Data;
  return {
    data: [
      line(
        "actual",
        groups.map((g) => g.actual),
        palette[0]!,
        "solid",
      ),
      line(
        "predicted (BG/NBD)",
        groups.map((g) => g.predicted),
        palette[1]!,
        "dash",
      ),
    ],
    layout: baseLayout(options.title ?? "Holdout purchases: actual vs predicted, by calibration frequency", {
      height: options.height ?? 420,
      xaxis: { title: { text: "purchases in the calibration period (repeat)" }, type: "category" },
      yaxis: { title: { text: "mean purchases in the holdout period" }, rangemode: "tozero" },
    }),
  };
}
