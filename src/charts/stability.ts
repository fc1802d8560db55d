import { ArgumentError } from "../core/errors";
import { baseLayout, type Figure } from "./figure";

export interface StabilityOptions {
  /**
   * Spread of each score (e.g. the standard deviation over resamples), drawn as error bars clipped to
   * the range an ARI can take here, [min(0, score), 1]. @default none
   */
  spread?: readonly number[];
  /**
   * Per-k lower and upper ends of an interval (e.g. the 5th and 95th percentiles of the resampled ARIs),
   * drawn as asymmetric error bars instead of `spread`. @default none
   */
  interval?: { lower: readonly number[]; upper: readonly number[] };
  /** The chosen k, highlighted. @default none */
  chosen?: number;
  /** @default "Stability: agreement of clusterings on resampled data" */
  title?: string;
  /** @default "mean adjusted Rand index" */
  yTitle?: string;
  /** @default 400 */
  height?: number;
}

const defaults = {
  title: "Stability: agreement of clusterings on resampled data",
  yTitle: "mean adjusted Rand index",
  height: 400,
};

/**
 * Stability per k as bars (1 = the same clustering every time), with optional error bars and the chosen k highlighted.
 *
 * @param ks - the numbers of clusters tried.
 * @param scores - one stability score per k (e.g. mean pairwise ARI over bootstrap runs).
 * @param options - `spread`, `chosen`; see {@link StabilityOptions}.
 * @returns a Figure with one bar trace.
 * @throws {ArgumentError} when the lengths differ.
 * @example
 * stabilityChart([2, 3], [0.9, 0.7], { chosen: 2 }).data[0].marker.color; // => ["#ef553b", "#636efa"]
 */
export function stabilityChart(
  ks: readonly number[],
  scores: readonly number[],
  options: StabilityOptions = {},
): Figure {
  const opts = { ...defaults, ...options };
  if (scores.length !== ks.length || (opts.spread && opts.spread.length !== ks.length)) {
    throw new ArgumentError(
      `stabilityChart: ${ks.length} ks, ${scores.length} scores, ${opts.spread?.length ?? "no"} spreads`,
    );
  }
  const { interval, spread } = opts;
  if (interval && (interval.lower.length !== ks.length || interval.upper.length !== ks.length)) {
    throw new ArgumentError(
      `stabilityChart: ${ks.length} ks, interval of ${interval.lower.length} lower and ${interval.upper.length} upper ends`,
    );
  }
  // Error bars as distances below and above each score: an interval as given, a spread clipped to [min(0, y), 1].
  const bars = interval
    ? {
        above: scores.map((y, i) => Math.max(0, interval.upper[i]! - y)),
        below: scores.map((y, i) => Math.max(0, y - interval.lower[i]!)),
      }
    : spread
      ? {
          above: scores.map((y, i) => Math.max(0, Math.min(spread[i]!, 1 - y))),
          below: scores.map((y, i) => Math.max(0, Math.min(spread[i]!, y - Math.min(0, y)))),
        }
      : undefined;
  return {
    data: [
      {
        type: "bar",
        name: "stability",
        x: [...ks],
        y: [...scores],
        marker: { color: ks.map((k) => (k === opts.chosen ? "#ef553b" : "#636efa")) },
        ...(bars
          ? {
              error_y: {
                type: "data" as const,
                symmetric: false,
                array: bars.above,
                arrayminus: bars.below,
                visible: true,
              },
            }
          : {}),
      },
    ],
    layout: baseLayout(opts.title, {
      height: opts.height,
      xaxis: { title: { text: "k (number of clusters)" }, dtick: 1 },
      yaxis: { title: { text: opts.yTitle } },
    }),
  };
}
