/**
 * Describe each segment in the units of the data: its size and share, the mean and median of every
 * feature next to the overall mean, and the mix of each categorical column (e.g. gender).
 */
import { quantileSorted } from "../core/quantile";
import { ArgumentError } from "../core/errors";
import { checkLabels, checkMatrix, type Labels, type Matrix } from "../core/matrix";

export interface ProfileOptions {
  /**
   * Categorical columns to describe, name → one value per sample (e.g. `{ Gender: ["Male", …] }`).
   * @default {}
   */
  categorical?: Record<string, readonly string[]>;
}

/** One numeric feature of one segment (or of all samples). */
export interface FeatureProfile {
  mean: number;
  median: number;
  /** Population std (ddof = 0) within the group. */
  std: number;
  /** The overall mean of the feature, over all samples. */
  overallMean: number;
  /** `mean − overallMean`, in the feature's units. */
  difference: number;
  /** `(mean − overallMean) / overallStd` (overall std, ddof = 0; 0 when the feature is constant). */
  zScore: number;
}

/** One segment: who is in it and how it differs from everyone. */
export interface SegmentProfile {
  /** The cluster label (−1 is noise, when a method marks it). */
  segment: number;
  size: number;
  /** size / nSamples, in [0, 1]. */
  share: number;
  /** Feature name → profile, in `featureNames` order. */
  features: Record<string, FeatureProfile>;
  /** Categorical column → value → share of the segment (shares of one column sum to 1). */
  categorical: Record<string, Record<string, number>>;
}

/** The profile table: one entry per segment, sorted by label, and the overall figures. */
export interface ProfileTable {
  nSamples: number;
  featureNames: string[];
  categoricalNames: string[];
  /** Overall mean, median and std (ddof = 0) of each feature. */
  overall: Record<string, { mean: number; median: number; std: number }>;
  /** Overall mix of each categorical column. */
  overallCategorical: Record<string, Record<string, number>>;
  segments: SegmentProfile[];
}

/**
 * Profile segments: size, share, mean/median/std of each feature against the overall mean, and the
 * categorical mix.
 *
 * @param X - nSamples × nFeatures, in original units (not scaled, so the table reads in k$, years…).
 * @param labels - length nSamples, the segment of each sample.
 * @param featureNames - nFeatures names, the keys of `features`.
 * @param options - `categorical` columns (default none).
 * @returns the {@link ProfileTable}; segments sorted by label.
 * @throws {ArgumentError} on a bad X or labels, a wrong number of names, or a categorical column of the wrong length.
 * @example
 * const p = profileSegments([[1], [3], [10]], [0, 0, 1], ["x"]);
 * p.segments[0].features.x; // => { mean: 2, median: 2, std: 1, overallMean: 4.666…, difference: -2.666…, zScore: -0.6255… }
 */
export function profileSegments(
  X: Matrix,
  labels: Labels,
  featureNames: readonly string[],
  options: ProfileOptions = {},
): ProfileTable {
  const { nSamples, nFeatures } = checkMatrix(X, "profileSegments");
  checkLabels(labels, nSamples, "profileSegments");
  if (featureNames.length !== nFeatures) {
    throw new ArgumentError(`profileSegments: ${featureNames.length} feature names for X with ${nFeatures} features`);
  }
  const categorical = options.categorical ?? {};
  for (const [name, values] of Object.entries(categorical)) {
    if (values.length !== nSamples) {
      throw new ArgumentError(
        `profileSegments: categorical "${name}" has ${values.length} values, X has ${nSamples} rows`,
      );
    }
  }
  return profileUnchecked(X, labels, featureNames, categorical);
}

/** Assumes validated input (see {@link profileSegments}). Works on typed arrays: 10⁶ rows take well under a second. */
function profileUnchecked(
  X: Matrix,
  labels: Labels,
  featureNames: readonly string[],
  categorical: Record<string, readonly string[]>,
): ProfileTable {
  const nSamples = X.length;
  // Segments in label order, and the samples grouped by segment (a counting sort): order[offsets[s]..offsets[s+1]).
  const segmentLabels = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  const slot = new Map(segmentLabels.map((l, s) => [l, s]));
  const codes = new Int32Array(nSamples);
  const offsets = new Int32Array(segmentLabels.length + 1);
  for (let i = 0; i < nSamples; i++) {
    codes[i] = slot.get(labels[i]!)!;
    offsets[codes[i]! + 1]!++;
  }
  for (let s = 0; s < segmentLabels.length; s++) offsets[s + 1]! += offsets[s]!;
  const order = new Int32Array(nSamples);
  const fill = offsets.slice(0, segmentLabels.length);
  for (let i = 0; i < nSamples; i++) order[fill[codes[i]!]!++] = i;

  // Keyed by user column names: null-prototype objects, so "__proto__" or "constructor" is an ordinary name.
  const overall: ProfileTable["overall"] = Object.create(null);
  const perSegment = segmentLabels.map(() => Object.create(null) as Record<string, FeatureProfile>);
  featureNames.forEach((name, j) => {
    const column = new Float64Array(nSamples);
    for (let p = 0; p < nSamples; p++) column[p] = X[order[p]!]![j]!;
    const overallMean = mean(column);
    const overallStd = populationStd(column, overallMean);
    overall[name] = { mean: overallMean, median: median(column), std: overallStd };
    segmentLabels.forEach((_, s) => {
      const values = column.subarray(offsets[s]!, offsets[s + 1]!);
      const m = mean(values);
      perSegment[s]![name] = {
        mean: m,
        median: median(values),
        std: populationStd(values, m),
        overallMean,
        difference: m - overallMean,
        zScore: overallStd > 0 ? (m - overallMean) / overallStd : 0,
      };
    });
  });
  const overallCategorical: ProfileTable["overallCategorical"] = Object.create(null);
  const segmentCategorical = segmentLabels.map(() => Object.create(null) as SegmentProfile["categorical"]);
  for (const [name, values] of Object.entries(categorical)) {
    overallCategorical[name] = mix(values, order, 0, nSamples);
    segmentLabels.forEach((_, s) => (segmentCategorical[s]![name] = mix(values, order, offsets[s]!, offsets[s + 1]!)));
  }
  const segments = segmentLabels.map((segment, s): SegmentProfile => {
    const size = offsets[s + 1]! - offsets[s]!;
    return { segment, size, share: size / nSamples, features: perSegment[s]!, categorical: segmentCategorical[s]! };
  });
  return {
    nSamples,
    featureNames: [...featureNames],
    categoricalNames: Object.keys(categorical),
    overall,
    overallCategorical,
    segments,
  };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Median (numpy's, as pandas prints it). */
function median(values: Float64Array): number {
  return quantileSorted(values.slice().sort(), 0.5);
}

/** Population standard deviation (ddof = 0) around a known mean. */
function populationStd(values: Float64Array, m: number): number {
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - m) ** 2;
  return Math.sqrt(squares / values.length);
}

/** Share of each value among values[order[from..to)], values in order of first appearance. */
function mix(values: readonly string[], order: Int32Array, from: number, to: number): Record<string, number> {
  // A Map, not {}: a value such as "constructor" or "__proto__" must not meet Object.prototype.
  const counts = new Map<string, number>();
  for (let p = from; p < to; p++) {
    const v = values[order[p]!]!;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].map(([v, c]) => [v, c / (to - from)]));
}
