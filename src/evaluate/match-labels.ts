import { munkres } from "munkres";
import { ArgumentError } from "../core/errors";
import type { Labels } from "../core/matrix";

/** Options of {@link matchLabels}. */
export interface MatchLabelsOptions {
  /**
   * Labels below 0 (DBSCAN's noise) are kept as they are and never matched, in both labellings.
   * @default true
   */
  keepNegative?: boolean;
}

/** Result of {@link matchLabels}. */
export interface MatchedLabels {
  /** nSamples labels, renumbered: each cluster takes the number of the reference cluster it is matched to. */
  labels: number[];
  /** `[label, newLabel]` for every distinct (non-negative) label of the input, by input label. */
  mapping: [number, number][];
  /** Samples whose new label equals their reference label (noise counts when both are negative). */
  agreement: number;
}

const defaults: Required<MatchLabelsOptions> = { keepNegative: true };

/**
 * Renumber a clustering so that its clusters carry the numbers of the reference clusters they overlap
 * most, so that "cluster 2" means the same group in every chart (and takes the same colour). The
 * matching maximises the total overlap (the number of samples whose new label equals their reference
 * label) over all one-to-one matchings, by the Hungarian algorithm (the `munkres` package) on the
 * contingency table — scipy's `linear_sum_assignment` on `-contingency`. Clusters left over when the
 * clustering has more clusters than the reference get fresh numbers after the reference's largest,
 * in order of their input label. Only the numbers change: the partition, and so every index of it
 * (ARI, silhouette …), stays the same.
 *
 * @param labels - nSamples integer labels to renumber.
 * @param reference - nSamples integer labels of the reference partition (e.g. k-means).
 * @param options - `keepNegative` (default true: negative labels stay and are not matched).
 * @returns the renumbered labels, the mapping and the agreement count; see {@link MatchedLabels}.
 * @throws {ArgumentError} when the lengths differ or a label is not an integer.
 * @example
 * matchLabels([1, 1, 0, 0, 2], [0, 0, 1, 1, 1]).labels; // => [0, 0, 1, 1, 2]
 * matchLabels([5, 5, -1, 7], [1, 1, 0, 0]).labels; // => [1, 1, -1, 0]
 */
export function matchLabels(labels: Labels, reference: Labels, options: MatchLabelsOptions = {}): MatchedLabels {
  const opts = { ...defaults, ...options };
  const fn = "matchLabels";
  if (labels.length !== reference.length) {
    throw new ArgumentError(`${fn}: labels has length ${labels.length}, reference has length ${reference.length}`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isInteger(labels[i]) || !Number.isInteger(reference[i])) {
      throw new ArgumentError(`${fn}: labels at ${i} (${labels[i]}, ${reference[i]}) must be integers`);
    }
  }
  return matchValidated(labels, reference, opts);
}

/** {@link matchLabels} on validated input. */
function matchValidated(labels: Labels, reference: Labels, opts: Required<MatchLabelsOptions>): MatchedLabels {
  const n = labels.length;
  const matched = (v: number) => !opts.keepNegative || v >= 0;
  const own = distinct(labels, matched);
  const ref = distinct(reference, matched);
  // Contingency table: rows = own clusters, columns = reference clusters.
  const ownIndex = new Map(own.map((v, i) => [v, i]));
  const refIndex = new Map(ref.map((v, j) => [v, j]));
  const overlap = own.map(() => new Array<number>(ref.length).fill(0));
  for (let i = 0; i < n; i++) {
    const r = ownIndex.get(labels[i]!);
    const c = refIndex.get(reference[i]!);
    if (r !== undefined && c !== undefined) overlap[r]![c]! += 1;
  }
  // Hungarian algorithm on the negated overlap: the minimum-cost matching is the maximum-overlap one.
  const newLabel = new Map<number, number>();
  if (own.length > 0 && ref.length > 0) {
    for (const [r, c] of munkres(overlap.map((row) => row.map((v) => -v)))) newLabel.set(own[r]!, ref[c]!);
  }
  let next = Math.max(-1, ...ref) + 1;
  for (const v of own) if (!newLabel.has(v)) newLabel.set(v, next++);
  const out = Array.from({ length: n }, (_, i) => newLabel.get(labels[i]!) ?? labels[i]!);
  let agreement = 0;
  for (let i = 0; i < n; i++) if (out[i] === reference[i]) agreement++;
  return { labels: out, mapping: own.map((v) => [v, newLabel.get(v)!]), agreement };
}

/** The distinct labels that pass `keep`, ascending. */
function distinct(labels: Labels, keep: (v: number) => boolean): number[] {
  const set = new Set<number>();
  for (let i = 0; i < labels.length; i++) if (keep(labels[i]!)) set.add(labels[i]!);
  return [...set].sort((a, b) => a - b);
}
