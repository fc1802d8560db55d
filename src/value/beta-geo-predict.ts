/**
 * BG/NBD predictions for fitted parameters (Fader, Hardie & Lee 2005): conditional expected purchases
 * (eq. 10), the probability a customer is still alive (Fader, Hardie & Lee 2008, "Computing P(alive) using
 * the BG/NBD model") and the unconditional expected purchases of a new customer (eq. 9). Equal to
 * `lifetimes`' `BetaGeoFitter` methods given the same parameters.
 */
import { ArgumentError } from "../core/errors";
import { checkHistory, checkNonNegative, checkPositive } from "./check-inputs";
import type { BetaGeoParams } from "./beta-geo-likelihood";
import { hyp2f1Series } from "./hyp2f1";

/**
 * Expected repeat purchases in the next `t` time units of each customer, given their history.
 *
 * @param params - r, alpha, a, b (> 0; alpha in the history's time unit).
 * @param t - horizon (>= 0), in the same unit.
 * @param frequency - repeat purchases (nCustomers).
 * @param recency - time from first to last purchase (nCustomers).
 * @param T - time from first purchase to the end of observation (nCustomers).
 * @returns expected purchases (nCustomers).
 * @throws {ArgumentError} for bad parameters, a negative t, or a bad history (see `fitBetaGeo`).
 * @example
 * betaGeoExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, [2], [30.43], [38.86]);
 * // => [1.226…] (CDNOW customer 1 over the next 39 weeks)
 */
export function betaGeoExpectedPurchases(
  params: BetaGeoParams,
  t: number,
  frequency: readonly number[],
  recency: readonly number[],
  T: readonly number[],
): number[] {
  const fn = "betaGeoExpectedPurchases";
  checkPositive(fn, { r: params.r, alpha: params.alpha, a: params.a, b: params.b });
  checkNonNegative(fn, "t", t);
  const n = checkHistory(fn, { frequency, recency, T }, true);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = expectedPurchases(params, t, frequency[i]!, recency[i]!, T[i]!);
  return out;
}

/**
 * E[Y(t) | x, t_x, T] for one customer (validated input assumed):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * The product (1−z)^(r+x) · 2F1(r+x, b+x; c; z) is computed by Euler's transformation as
 * (1−z)^(a−1) · 2F1(a+b−1−r, a−1; c; z), whose terms stay moderate for any x.
 */
export function expectedPurchases(params: BetaGeoParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const hypTimesPower = Math.exp((a - 1) * Math.log1p(-z)) * hyp2f1Series(a + b - 1 - r, a - 1, c, z);
  const numerator = ((a + b + x - 1) / (a - 1)) * (1 - hypTimesPower);
  const denominator = x > 0 ? 1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))) : 1;
  return numerator / denominator;
}

/**
 * Probability that each customer is still alive (has not dropped out) at the end of observation.
 *
 * @param params - r, alpha, a, b (> 0).
 * @param frequency - repeat purchases (nCustomers).
 * @param recency - time from first to last purchase (nCustomers).
 * @param T - time from first purchase to the end of observation (nCustomers).
 * @returns P(alive) in (0, 1] (nCustomers); 1 for a customer without repeat purchases (the model lets a
 *   customer drop out only right after a purchase).
 * @throws {ArgumentError} for bad parameters or a bad history.
 * @example
 * betaGeoProbabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [2, 0], [30.43, 0], [38.86, 38.86]);
 * // => [0.7265…, 1]
 */
export function betaGeoProbabilityAlive(
  params: BetaGeoParams,
  frequency: readonly number[],
  recency: readonly number[],
  T: readonly number[],
): number[] {
  const fn = "betaGeoProbabilityAlive";
  checkPositive(fn, { r: params.r, alpha: params.alpha, a: params.a, b: params.b });
  const n = checkHistory(fn, { frequency, recency, T }, true);
  const { r, alpha, a, b } = params;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = frequency[i]!;
    if (x === 0) {
      out[i] = 1;
      continue;
    }
    // 1 / (1 + e^logOdds), logOdds = ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+t_x))
    const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T[i]!) / (alpha + recency[i]!));
    out[i] = logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
  }
  return out;
}

/**
 * Expected repeat purchases of a randomly chosen new customer in a period of length `t` (eq. 9):
 *   (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))].
 *
 * @param params - r, alpha, a, b (> 0, a + b > 1).
 * @param t - period length (>= 0), in the parameters' time unit.
 * @returns the expected number of repeat purchases.
 * @throws {ArgumentError} for bad parameters, a + b <= 1 or a negative t.
 * @example
 * betaGeoUnconditionalPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 78); // => 1.8605… (CDNOW, 78 weeks)
 */
export function betaGeoUnconditionalPurchases(params: BetaGeoParams, t: number): number {
  const fn = "betaGeoUnconditionalPurchases";
  checkPositive(fn, { r: params.r, alpha: params.alpha, a: params.a, b: params.b });
  checkNonNegative(fn, "t", t);
  const { r, alpha, a, b } = params;
  if (!(a + b > 1)) throw new ArgumentError(`${fn}: a + b = ${a + b} must be > 1`);
  if (t === 0) return 0;
  const z = t / (alpha + t);
  // (1−z)^r · 2F1(r, b; a+b−1; z) = (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b−1; z) (Euler)
  const hypTimesPower = Math.exp((a - 1) * Math.log1p(-z)) * hyp2f1Series(a + b - 1 - r, a - 1, a + b - 1, z);
  return ((a + b - 1) / (a - 1)) * (1 - hypTimesPower);
}
