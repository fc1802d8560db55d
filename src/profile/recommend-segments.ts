/**
 * One marketing paragraph per segment, written from its profile: the facts (size, each feature against
 * the overall mean, an over-represented category) and an action chosen from the levels of the features
 * whose names say what they measure (income/spending, recency, age).
 */
import { ArgumentError } from "../core/errors";
import { featureLevel, NAMING_RULE, shortLabel, type FeatureLevel, type SegmentName } from "./name-segments";
import type { ProfileTable, SegmentProfile } from "./profile-segments";

/** What a feature measures, recognised from its name, and the pattern that recognises it. */
export const FEATURE_ROLES = {
  /** What customers can spend. */
  capacity: /income|salary|wage|wealth|earning|budget/i,
  /** How much they spend or engage with the business. */
  engagement: /spend|monetary|purchase|basket|amount|revenue|frequency|orders|visits|score/i,
  /** Days since the last purchase: low is good. */
  recency: /recency|days since|since last/i,
  /** Customer age. */
  age: /(^|[^a-z])age([^a-z]|$)/i,
} as const;

export type FeatureRole = keyof typeof FEATURE_ROLES;

/** A paragraph for one segment. */
export interface SegmentRecommendation {
  segment: number;
  name: string;
  text: string;
}

/** Actions by the levels of capacity × engagement ("mid" also stands for "not measured"). */
const ACTIONS: Record<`${FeatureLevel}-${FeatureLevel}`, string> = {
  "high-high":
    "These are the most valuable customers: keep them with a loyalty or VIP programme, early access to new and premium lines and personal service; protect the relationship rather than discounting.",
  "high-low":
    "They can afford more than they spend here: win share of wallet with quality and premium messaging and personalised offers, and ask (survey, feedback) what keeps them from buying more.",
  "high-mid": "They have room to spend more: upsell premium ranges and bundles, and test which offers move them up.",
  "mid-high":
    "They are engaged buyers: reward the habit with points and member events, and cross-sell complementary products.",
  "mid-mid":
    "This is the mainstream: reach them with broad seasonal campaigns and use cross-selling to move them towards higher engagement.",
  "mid-low":
    "They engage little: try low-cost reactivation (email, app notifications) with a clear reason to come back, and measure the response before spending more.",
  "low-high":
    "They spend freely for their means: keep them with value bundles, loyalty points and price-friendly offers, and avoid pushing credit or premium lines they may not afford.",
  "low-mid": "They are price-aware: promote value ranges, essentials and clear price offers.",
  "low-low":
    "They are price-sensitive and spend little: serve them through low-cost channels with discounts on essentials; do not invest heavily in this group.",
};

/**
 * Write one marketing paragraph per segment from its profile and name.
 *
 * @param profile - from `profileSegments`.
 * @param names - from `nameSegments(profile)`, same order.
 * @returns one {@link SegmentRecommendation} per segment.
 * @throws {ArgumentError} when `names` does not match the profile's segments.
 * @example
 * recommendSegments(profile, nameSegments(profile))[0].text;
 * // => "High annual income × low spending score: 35 customers (17.5%). Annual income averages 88.2 … They can afford more …"
 */
export function recommendSegments(profile: ProfileTable, names: readonly SegmentName[]): SegmentRecommendation[] {
  if (names.length !== profile.segments.length || names.some((n, i) => n.segment !== profile.segments[i]!.segment)) {
    throw new ArgumentError(
      `recommendSegments: names cover segments [${names.map((n) => n.segment)}], the profile has [${profile.segments.map((s) => s.segment)}]`,
    );
  }
  return profile.segments.map((s, i) => ({
    segment: s.segment,
    name: names[i]!.name,
    text: paragraph(profile, s, names[i]!.name),
  }));
}

/** The role of a feature by {@link FEATURE_ROLES}, or undefined. Recency and age are tested first. */
export function featureRole(feature: string): FeatureRole | undefined {
  for (const role of ["recency", "age", "capacity", "engagement"] as const)
    if (FEATURE_ROLES[role].test(feature)) return role;
  return undefined;
}

function paragraph(profile: ProfileTable, s: SegmentProfile, name: string): string {
  const sentences = [`${name}: ${s.size} customers (${pct(s.share)} of ${profile.nSamples}).`];
  if (s.segment < 0) {
    sentences.push("These customers fit no segment (noise); look at them one by one before targeting them.");
    return sentences.join(" ");
  }
  const facts = profile.featureNames.map((f) => {
    const p = s.features[f]!;
    const sign = p.zScore >= 0 ? "+" : "−";
    return `${shortLabel(f)} averages ${fmt(p.mean)} (overall ${fmt(p.overallMean)}, ${sign}${fmt(Math.abs(p.zScore))} std)`;
  });
  sentences.push(capitalise(facts.join("; ")) + ".");
  const levelOf = (role: FeatureRole): FeatureLevel | undefined => {
    const f = profile.featureNames.find((name) => featureRole(name) === role);
    return f === undefined ? undefined : featureLevel(s.features[f]!.zScore, NAMING_RULE);
  };
  const capacity = levelOf("capacity");
  const engagement = levelOf("engagement");
  if (capacity !== undefined || engagement !== undefined)
    sentences.push(ACTIONS[`${capacity ?? "mid"}-${engagement ?? "mid"}`]);
  else sentences.push(genericAction(profile, s));
  const recency = levelOf("recency");
  if (recency === "high")
    sentences.push("They have not bought for a long time: a win-back offer with a deadline is worth testing.");
  if (recency === "low") sentences.push("They bought recently: follow up while the last purchase is fresh.");
  const age = levelOf("age");
  if (age === "low") sentences.push("They are younger than average: favour mobile and social channels and new trends.");
  if (age === "high")
    sentences.push("They are older than average: favour email or print, service and quality messages.");
  const category = overRepresented(profile, s);
  if (category) sentences.push(category);
  return sentences.join(" ");
}

/** Without known roles: point at the most distinctive feature. */
function genericAction(profile: ProfileTable, s: SegmentProfile): string {
  const [f] = [...profile.featureNames].sort(
    (a, b) => Math.abs(s.features[b]!.zScore) - Math.abs(s.features[a]!.zScore),
  );
  const z = s.features[f!]!.zScore;
  const level = featureLevel(z, NAMING_RULE);
  if (level === "mid")
    return "No feature sets them apart: treat them with the general programme and look for other data that splits them.";
  return `Their most distinctive trait is a ${level} ${shortLabel(f!)}: build the offer and message around it.`;
}

/** The categorical value most over-represented in the segment (by at least 10 points), as a sentence. */
function overRepresented(profile: ProfileTable, s: SegmentProfile): string | undefined {
  let best: { column: string; value: string; share: number; overall: number } | undefined;
  for (const column of profile.categoricalNames) {
    for (const [value, share] of Object.entries(s.categorical[column]!)) {
      const overall = profile.overallCategorical[column]![value]!;
      if (share - overall >= 0.1 && (!best || share - overall > best.share - best.overall))
        best = { column, value, share, overall };
    }
  }
  return (
    best &&
    `${best.column} "${best.value}" is over-represented (${pct(best.share)} against ${pct(best.overall)} overall).`
  );
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
