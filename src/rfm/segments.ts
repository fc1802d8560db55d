import { ArgumentError } from "../core/errors";

/** The eleven named RFM segments (Putler's list), best first. */
export const RFM_SEGMENTS = [
  "Champions",
  "Loyal Customers",
  "Potential Loyalist",
  "New Customers",
  "Promising",
  "Need Attention",
  "About To Sleep",
  "At Risk",
  "Can't Lose Them",
  "Hibernating",
  "Lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The rule table: segment by R score (rows, R = 5 first) × FM score (columns, FM = 1..5), FM being the
 * rounded mean of F and M ({@link fmScore}).
 *
 * This is the common R × F map used with the Online Retail data (Champions 5-4/5, Loyal 3..4 × 4..5,
 * Potential Loyalist 4..5 × 2..3, New 5-1, Promising 4-1, Need Attention 3-3, About To Sleep 3-1/2,
 * At Risk 1..2 × 3..4, Can't Lose 1..2 × 5, Hibernating 1..2 × 1..2) with F replaced by FM, and
 * its Hibernating block split so that R = 1 is "Lost", which completes Putler's eleven segments.
 */
export const RFM_SEGMENT_GRID: Readonly<
  Record<1 | 2 | 3 | 4 | 5, readonly [RfmSegment, RfmSegment, RfmSegment, RfmSegment, RfmSegment]>
> = {
  //   FM = 1                FM = 2                 FM = 3                 FM = 4               FM = 5
  5: ["New Customers", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"],
  4: ["Promising", "Potential Loyalist", "Potential Loyalist", "Loyal Customers", "Loyal Customers"],
  3: ["About To Sleep", "About To Sleep", "Need Attention", "Loyal Customers", "Loyal Customers"],
  2: ["Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
  1: ["Lost", "Lost", "At Risk", "At Risk", "Can't Lose Them"],
};

/**
 * The FM score: the mean of F and M rounded half up, so (F, M) = (3, 4) → 4 and (1, 2) → 2.
 * @example
 * fmScore(3, 4); // => 4
 */
export function fmScore(F: number, M: number): number {
  return Math.floor((F + M) / 2 + 0.5);
}

/**
 * The named segment of one customer's scores, looked up in {@link RFM_SEGMENT_GRID}.
 *
 * @param score - R, F, M, each an integer in 1..5.
 * @returns the segment name.
 * @throws {ArgumentError} when a score is not an integer in 1..5.
 * @example
 * rfmSegment({ R: 5, F: 5, M: 4 }); // => "Champions"
 * rfmSegment({ R: 1, F: 5, M: 5 }); // => "Can't Lose Them"
 */
export function rfmSegment(score: { R: number; F: number; M: number }): RfmSegment {
  for (const key of ["R", "F", "M"] as const) {
    const v = score[key];
    if (!Number.isInteger(v) || v < 1 || v > 5)
      throw new ArgumentError(`rfmSegment: ${key}=${v} must be an integer in 1..5`);
  }
  const row = RFM_SEGMENT_GRID[score.R as 1 | 2 | 3 | 4 | 5];
  return row[fmScore(score.F, score.M) - 1]!;
}

/** What to do with each segment: one marketing action per segment, for reports and the notebook. */
export const RFM_SEGMENT_ACTIONS: Readonly<Record<RfmSegment, string>> = {
  Champions: "Reward them: early access, loyalty perks; ask for reviews and referrals. No discounts needed.",
  "Loyal Customers": "Upsell higher-value items, invite to a loyalty programme, ask for feedback.",
  "Potential Loyalist": "Offer membership or a loyalty programme; recommend related products to build the habit.",
  "New Customers": "Onboard well: a welcome series, support, and an easy second purchase.",
  Promising: "Build awareness of the range with free trials or samples; no heavy discounts yet.",
  "Need Attention": "Limited-time offers based on past purchases to move them up before they slip.",
  "About To Sleep": "Reconnect with popular products and a modest discount; recommend what similar customers buy.",
  "At Risk": "Personal win-back emails and offers on the categories they used to buy.",
  "Can't Lose Them": "Win them back personally (high past value): talk to them, renewals, the newest products.",
  Hibernating: "Offer other relevant products and special discounts; recreate brand value cheaply.",
  Lost: "Revive interest with one low-cost campaign; otherwise stop spending on them.",
};
