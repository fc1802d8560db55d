/**
 * Describe each segment in the units of the data: its size and share, the mean and median of every
 * feature next to the overall mean, and the mix of each categorical column (e.g. gender).
 */
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
      throw new ArgumentError(`profileSegments: categorical "${name}" has ${values.length} values, X has ${nSamples} rows`);
    }
  }
  return profileUnchecked(X, labels, featureNames, categorical);
}

/** Assumes validated input (see {@link profileSegments}). */
function profileUnchecked(
  X: Matrix,
  labels: Labels,
  featureNames: readonly string[],
  categorical: Record<string, readonly string[]>,
): ProfileTable {
  const nSamples = X.length;
  const members = new Map<number, number[]>();
  for (let i = 0; i < nSamples; i++) {
    const l = labels[i]!;
    if (!members.has(l)) members.set(l, []);
    members.get(l)!.push(i);
  }
  const all = Array.from({ length: nSamples }, (_, i) => i);
  const overall: ProfileTable["overall"] = {};
  featureNames.forEach((name, j) => {
    const values = all.map((i) => X[i]![j]!);
    overall[name] = { mean: mean(values), median: median(values), std: populationStd(values) };
  });
  const overallCategorical: ProfileTable["overallCategorical"] = {};
  for (const [name, values] of Object.entries(categorical)) overallCategorical[name] = mix(all.map((i) => values[i]!));

  const segments = [...members.keys()].sort((a, b) => a - b).map((segment): SegmentProfile => {
    const rows = members.get(segment)!;
    const features: Record<string, FeatureProfile> = {};
    featureNames.forEach((name, j) => {
      const values = rows.map((i) => X[i]![j]!);
      const m = mean(values);
      const { mean: overallMean, std: overallStd } = overall[name]!;
      features[name] = {
        mean: m,
        median: median(values),
        std: populationStd(values),
        overallMean,
        difference: m - overallMean,
        zScore: overallStd > 0 ? (m - overallMean) / overallStd : 0,
      };
    });
    const cats: SegmentProfile["categorical"] = {};
    for (const [name, values] of Object.entries(categorical)) cats[name] = mix(rows.map((i) => values[i]!));
    return { segment, size: rows.length, share: rows.length / nSamples, features, categorical: cats };
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

function mean(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Median: the middle value, or the mean of the two middle values. */
function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Population standard deviation (ddof = 0). */
function populationStd(values: number[]): number {
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / values.length);
}

/** Share of each value, values in order of first appearance. */
function mix(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  for (const k of Object.keys(counts)) counts[k]! /= values.length;
  return counts;
}
