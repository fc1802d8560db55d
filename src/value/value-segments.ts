/**
 * A value-based segmentation: predicted CLV tiers × probability alive, each combination with an action.
 */
import { ArgumentError } from "../core/errors";
import { quantileSorted } from "../core/quantile";

export const CLV_TIERS = ["High value", "Mid value", "Low value"] as const;
export type ClvTier = (typeof CLV_TIERS)[number];
export const ALIVE_BANDS = ["active", "at risk", "likely lost"] as const;
export type AliveBand = (typeof ALIVE_BANDS)[number];

export interface ValueSegmentsOptions {
  /** Share of customers in the top tier (by CLV) and in the top two tiers. @default [0.2, 0.5] */
  tierShares?: [number, number];
  /** P(alive) at or above which a customer is "active", and below which "likely lost". @default [0.7, 0.3] */
  aliveCuts?: [number, number];
}

/** One customer's value segment. */
export interface ValueSegment {
  tier: ClvTier;
  alive: AliveBand;
  /** `"<tier> · <alive>"`, e.g. "High value · at risk". */
  segment: string;
}

/** What to do with each tier × band (keys are `ValueSegment.segment`). */
export const VALUE_SEGMENT_ACTIONS: Readonly<Record<string, string>> = {
  "High value · active": "Protect: loyalty programme, early access and personal service; no discounts needed.",
  "High value · at risk": "Act first: personal win-back contact before they lapse; most of the future value at stake.",
  "High value · likely lost": "Win back selectively: one strong personal offer; stop if there is no response.",
  "Mid value · active": "Grow: cross-sell and bundles to raise the basket; invite to the loyalty programme.",
  "Mid value · at risk": "Re-engage: reminders and a time-limited offer on what they bought before.",
  "Mid value · likely lost": "Automated win-back e-mail only; low cost.",
  "Low value · active": "Nurture cheaply: newsletters and a second-purchase incentive.",
  "Low value · at risk": "Low-cost reminders only.",
  "Low value · likely lost": "No spend: keep in the general newsletter at most.",
};

/**
 * Tier each customer by predicted CLV (quantiles: top 20 % High, next 30 % Mid, rest Low by default) and band
 * them by P(alive) (>= 0.7 active, < 0.3 likely lost, between at risk).
 *
 * @param clv - predicted CLV (nCustomers).
 * @param probabilityAlive - P(alive) (nCustomers).
 * @param options - see {@link ValueSegmentsOptions}.
 * @returns one {@link ValueSegment} per customer.
 * @throws {ArgumentError} for ragged or empty arrays, NaN, or shares/cuts out of order.
 * @example
 * valueSegments([100, 10, 1, 0.5, 0.1], [0.9, 0.5, 0.2, 0.9, 0.9]).map((s) => s.segment);
 * // => ["High value · active", "Mid value · at risk", "Low value · likely lost", "Low value · active", "Low value · active"]
 */
export function valueSegments(
  clv: readonly number[],
  probabilityAlive: readonly number[],
  options: ValueSegmentsOptions = {},
): ValueSegment[] {
  const fn = "valueSegments";
  const { tierShares = [0.2, 0.5], aliveCuts = [0.7, 0.3] } = options;
  if (clv.length !== probabilityAlive.length)
    throw new ArgumentError(
      `${fn}: ragged arrays: clv has ${clv.length}, probabilityAlive has ${probabilityAlive.length} entries`,
    );
  if (clv.length === 0) throw new ArgumentError(`${fn}: no customers (empty arrays)`);
  if (!(tierShares[0] > 0 && tierShares[0] < tierShares[1] && tierShares[1] < 1))
    throw new ArgumentError(`${fn}: tierShares=[${tierShares}] must satisfy 0 < top < top two < 1`);
  if (!(aliveCuts[0] <= 1 && aliveCuts[1] >= 0 && aliveCuts[1] <= aliveCuts[0]))
    throw new ArgumentError(`${fn}: aliveCuts=[${aliveCuts}] must satisfy 0 <= likely-lost cut <= active cut <= 1`);
  clv.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new ArgumentError(`${fn}: clv[${i}]=${v} must be finite`);
    const p = probabilityAlive[i]!;
    if (!(p >= 0 && p <= 1)) throw new ArgumentError(`${fn}: probabilityAlive[${i}]=${p} must be in [0, 1]`);
  });
  const sorted = Float64Array.from(clv).sort();
  const highCut = quantileSorted(sorted, 1 - tierShares[0]);
  const midCut = quantileSorted(sorted, 1 - tierShares[1]);
  return clv.map((v, i) => {
    const tier: ClvTier = v > highCut ? "High value" : v > midCut ? "Mid value" : "Low value";
    const p = probabilityAlive[i]!;
    const alive: AliveBand = p >= aliveCuts[0] ? "active" : p < aliveCuts[1] ? "likely lost" : "at risk";
    return { tier, alive, segment: `${tier} · ${alive}` };
  });
}
