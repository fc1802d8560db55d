/**
 * Customer lifetime value from a BG/NBD purchase model and a Gamma-Gamma spend model: the discounted sum,
 * month by month, of expected purchases × expected spend per purchase. The same sum as `lifetimes`'
 * `GammaGammaFitter.customer_lifetime_value`.
 */
import { checkHistory, checkMonetary, checkNonNegative, checkPositive } from "./check-inputs";
import type { BetaGeoParams } from "./beta-geo-likelihood";
import { expectedPurchases } from "./beta-geo-predict";
import { gammaGammaExpectedSpend, type GammaGammaParams } from "./gamma-gamma";
import { ArgumentError } from "../core/errors";

export interface CustomerLifetimeValueInput {
  /** Fitted BG/NBD parameters (alpha in the history's time unit). */
  betaGeo: BetaGeoParams;
  /** Fitted Gamma-Gamma parameters. */
  gammaGamma: GammaGammaParams;
  /** Repeat purchases (nCustomers). */
  frequency: readonly number[];
  /** Time from first to last purchase (nCustomers). */
  recency: readonly number[];
  /** Time from first purchase to the end of observation (nCustomers). */
  T: readonly number[];
  /** Mean value of the repeat purchases (nCustomers). */
  monetary: readonly number[];
  /** Horizon in months. @default 12 */
  months?: number;
  /** Monthly discount rate. @default 0.01 */
  discountRate?: number;
  /** Time units per month: 30 for days, 4.345 for weeks, 1 for months (as `lifetimes`' freq D/W/M). @default 30 */
  unitsPerMonth?: number;
}

/**
 * Customer lifetime value over the next `months`:
 *   CLV_i = Σ_{k=1..months} spend_i · (E_i[Y(k·u)] − E_i[Y((k−1)·u)]) / (1 + d)^k
 * with spend_i the Gamma-Gamma expected spend, E_i[Y(t)] the BG/NBD conditional expected purchases,
 * u = unitsPerMonth and d = discountRate.
 *
 * @param input - see {@link CustomerLifetimeValueInput}.
 * @returns CLV per customer (nCustomers), in the monetary unit.
 * @throws {ArgumentError} for bad parameters or histories, months not a positive integer, a negative
 *   discount rate or unitsPerMonth <= 0.
 * @example
 * customerLifetimeValue({ betaGeo, gammaGamma, frequency, recency, T, monetary, unitsPerMonth: 4.345 });
 * // => [CLV of each customer over 12 months, discounted 1 % a month]
 */
export function customerLifetimeValue(input: CustomerLifetimeValueInput): number[] {
  const fn = "customerLifetimeValue";
  const {
    betaGeo,
    gammaGamma,
    frequency,
    recency,
    T,
    monetary,
    months = 12,
    discountRate = 0.01,
    unitsPerMonth = 30,
  } = input;
  checkPositive(fn, { r: betaGeo.r, alpha: betaGeo.alpha, a: betaGeo.a, b: betaGeo.b });
  if (!Number.isInteger(months) || months < 1)
    throw new ArgumentError(`${fn}: months=${months} must be a positive integer`);
  checkNonNegative(fn, "discountRate", discountRate);
  checkPositive(fn, { unitsPerMonth });
  const n = checkHistory(fn, { frequency, recency, T }, true);
  checkMonetary(fn, frequency, monetary);
  const spend = gammaGammaExpectedSpend(gammaGamma, frequency, monetary);
  const clv = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let previous = 0;
    for (let k = 1; k <= months; k++) {
      const cumulative = expectedPurchases(betaGeo, k * unitsPerMonth, frequency[i]!, recency[i]!, T[i]!);
      clv[i]! += (spend[i]! * (cumulative - previous)) / (1 + discountRate) ** k;
      previous = cumulative;
    }
  }
  return clv;
}
