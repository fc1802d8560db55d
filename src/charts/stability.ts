import { ArgumentError } from "../core/errors";
import { baseLayout, type Figure } from "./figure";

export interface StabilityOptions {
  /** Spread of each score (e.g. the standard deviation over resamples), drawn as error bars. @default none */
  spread?: readonly number[];
  /** The chosen k, highlighted. @default none */
  chosen?: number;
  /** @default "Stability: agreement of clusterings on resampled data" */
  title?: string;
  /** @default "mean adjusted Rand index" */
  yTitle?: string;
  /** @default 400 */
  height?: number;
}

const defaults = { title: "Stability: agreement of clusterings on resampled data", yTitle: "mean adjusted Rand index", height: 400 };

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
export function stabilityChart(ks: readonly number[], scores: readonly number[], options: StabilityOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  if (scores.length !== ks.length || (opts.spread && opts.spread.length !== ks.length)) {
    throw new ArgumentError(`stabilityChart: ${ks.length} ks, ${scores.length} scores, ${opts.spread?.length ?? "no"} spreads`);
  }
  return {
    data: [{
      type: "bar", name: "stability", x: [...ks], y: [...scores],
      marker: { color: ks.map((k) => (k === opts.chosen ? "#ef553b" : "#636efa")) },
      ...(opts.spread ? { error_y: { type: "data" as const, array: [...opts.spread], visible: true } } : {}),
    }],
    layout: baseLayout(opts.title, { height: opts.height, xaxis: { title: { text: "k (number of clusters)" }, dtick: 1 }, yaxis: { title: { text: opts.yTitle } } }),
  };
}
