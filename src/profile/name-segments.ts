/**
 * Name segments from their profile with a rule anyone can read: a feature is "high" in a segment when
 * the segment's mean is at least half an overall std above the overall mean, "low" when at least half
 * an std below, "mid" otherwise; the name joins the levels, e.g. "High annual income × low spending score".
 */
import { ArgumentError } from "../core/errors";
import type { ProfileTable } from "./profile-segments";

/** Level of a feature in a segment. */
export type FeatureLevel = "high" | "mid" | "low";

/** The naming rule, as data (the notebook prints it). */
export interface NamingRule {
  /** A feature is high when zScore >= high. */
  high: number;
  /** A feature is low when zScore <= low. */
  low: number;
  /** What the thresholds are measured in. */
  unit: string;
  /** Between the parts of a name. */
  separator: string;
}

/** The default rule: ±0.5 overall std from the overall mean. */
export const NAMING_RULE: Readonly<NamingRule> = Object.freeze({
  high: 0.5,
  low: -0.5,
  unit: "overall standard deviations from the overall mean (z-score of the segment mean)",
  separator: " × ",
});

export interface NameSegmentsOptions {
  /** Override parts of {@link NAMING_RULE}. @default NAMING_RULE */
  rule?: Partial<NamingRule>;
  /**
   * Short label of each feature in names, name → label. @default the name without any "(…)" part,
   * in lower case ("Annual Income (k$)" → "annual income")
   */
  labels?: Record<string, string>;
}

/** A segment's name and the level of each feature behind it. */
export interface SegmentName {
  segment: number;
  /** Unique among the segments: a repeated name gets " (segment N)" appended. */
  name: string;
  /** Feature name → level, in feature order. */
  levels: Record<string, FeatureLevel>;
}

/**
 * Name each segment of a profile table by the {@link NAMING_RULE}. The noise group (label −1) is named "Noise".
 *
 * @param profile - from `profileSegments`.
 * @param options - `rule` overrides and short feature `labels`.
 * @returns one {@link SegmentName} per segment, in the profile's order.
 * @throws {ArgumentError} when `rule.low > rule.high`.
 * @example
 * nameSegments(profileSegments([[1, 9], [2, 8], [9, 1], [8, 2]], [0, 0, 1, 1], ["Income (k$)", "Spending"]))[0].name;
 * // => "Low income × high spending"
 */
export function nameSegments(profile: ProfileTable, options: NameSegmentsOptions = {}): SegmentName[] {
  const rule: NamingRule = { ...NAMING_RULE, ...options.rule };
  if (!(rule.low <= rule.high))
    throw new ArgumentError(`nameSegments: rule.low=${rule.low} must be <= rule.high=${rule.high}`);
  const labels = options.labels ?? {};
  const named = profile.segments.map((s): SegmentName => {
    const levels: Record<string, FeatureLevel> = Object.create(null); // user names as keys ("__proto__" too)
    const parts = profile.featureNames.map((f) => {
      const level = featureLevel(s.features[f]!.zScore, rule);
      levels[f] = level;
      return `${level} ${Object.hasOwn(labels, f) ? labels[f] : shortLabel(f)}`;
    });
    const name = s.segment < 0 ? "Noise" : capitalise(parts.join(rule.separator));
    return { segment: s.segment, name, levels };
  });
  const counts = new Map<string, number>();
  for (const n of named) counts.set(n.name, (counts.get(n.name) ?? 0) + 1);
  for (const n of named) if (counts.get(n.name)! > 1) n.name += ` (segment ${n.segment})`;
  return named;
}

/**
 * The level of a feature from its z-score by the rule's thresholds.
 * @example
 * featureLevel(0.7); // => "high"
 * featureLevel(-0.2); // => "mid"
 */
export function featureLevel(zScore: number, rule: Pick<NamingRule, "high" | "low"> = NAMING_RULE): FeatureLevel {
  if (zScore >= rule.high) return "high";
  if (zScore <= rule.low) return "low";
  return "mid";
}

/** "Annual Income (k$)" → "annual income": drop parenthesised parts, collapse spaces, lower case. */
export function shortLabel(feature: string): string {
  const label = feature
    .replace(/\([^)]*\)/g, " ")
    .replace(/[_\s]+/g, " ")
    .trim()
    .toLowerCase();
  return label === "" ? feature : label;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
