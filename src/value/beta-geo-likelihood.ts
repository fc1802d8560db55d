/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, "Counting your customers the easy way", eq. 6 and
 * section 7) and its gradient, over a purchase history with the terms that depend on the frequency x alone
 * tabulated once per distinct x.
 *
 *   LL_i = ln Γ(r+x) − ln Γ(r) + r ln α                                  (A1)
 *        + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)                  (A2)
 *        + ln( (α+T)^−(r+x) + [x > 0] · a/(b+x−1) · (α+t_x)^−(r+x) )       (A3, A4)
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import digamma from "@stdlib/math-base-special-digamma";
import { checkHistory, checkPositive, type PurchaseHistory } from "./check-inputs";

/** The four BG/NBD parameters: purchase rates λ ~ Gamma(shape r, rate α); dropout p ~ Beta(a, b). */
export interface BetaGeoParams {
  r: number;
  /** In the data's time unit (a rate scale: it grows with the unit's length). */
  alpha: number;
  a: number;
  b: number;
}

/**
 * A history as typed arrays, ready for repeated evaluation: the customers with repeat purchases one by one,
 * those without grouped by T (their likelihood depends on T alone), and the customer count per frequency.
 */
export interface PreparedHistory {
  n: number;
  /** Frequency, recency and T of the customers with x > 0. */
  x: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  /** Distinct T of the customers with x = 0, and how many have each. */
  zeroT: Float64Array;
  zeroCount: Float64Array;
  /** Customers per frequency value 0…maxX. */
  countByX: Float64Array;
  sumX: number;
}

/** Copy a (validated) history into typed arrays, times multiplied by `scale`. */
export function prepareHistory({ frequency, recency, T }: PurchaseHistory, scale = 1): PreparedHistory {
  const n = frequency.length;
  let maxX = 0;
  let sumX = 0;
  let nRepeat = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i]!;
    if (x > maxX) maxX = x;
    sumX += x;
    if (x > 0) nRepeat++;
  }
  const x = new Int32Array(nRepeat);
  const tx = new Float64Array(nRepeat);
  const age = new Float64Array(nRepeat);
  const zeros = new Map<number, number>();
  const countByX = new Float64Array(maxX + 1);
  for (let i = 0, j = 0; i < n; i++) {
    const xi = frequency[i]!;
    countByX[xi]!++;
    if (xi === 0) {
      const t = T[i]! * scale;
      zeros.set(t, (zeros.get(t) ?? 0) + 1);
      continue;
    }
    x[j] = xi;
    tx[j] = recency[i]! * scale;
    age[j] = T[i]! * scale;
    j++;
  }
  return {
    n,
    x,
    tx,
    T: age,
    zeroT: Float64Array.from(zeros.keys()),
    zeroCount: Float64Array.from(zeros.values()),
    countByX,
    sumX,
  };
}

/**
 * Total log-likelihood and its gradient with respect to (r, α, a, b), written into `gradient`
 * (validated, prepared input assumed; the times and α in one unit).
 */
export function betaGeoLogLikelihoodAndGradient(
  params: BetaGeoParams,
  data: PreparedHistory,
  gradient?: number[],
): number {
  const { r, alpha, a, b } = params;
  const { countByX } = data;
  const maxX = countByX.length - 1;
  // Terms of x alone: A1 − r ln α, A2 and their derivatives, weighted by how many customers have that x.
  const lnB1 = new Float64Array(maxX + 1); // ln(b + x − 1) for x > 0
  const invB1 = new Float64Array(maxX + 1);
  let ll = 0;
  let dr = 0;
  let da = 0;
  let db = 0;
  const gR = gammaln(r);
  const gB = gammaln(b);
  const gAB = gammaln(a + b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  for (let x = 0; x <= maxX; x++) {
    const count = countByX[x]!;
    if (count === 0) continue;
    ll += count * (gammaln(r + x) - gR + gAB + gammaln(b + x) - gB - gammaln(a + b + x));
    if (gradient) {
      const psiABX = digamma(a + b + x);
      dr += count * (digamma(r + x) - psiR);
      da += count * (psiAB - psiABX);
      db += count * (psiAB + digamma(b + x) - psiB - psiABX);
    }
    if (x > 0) {
      lnB1[x] = Math.log(b + x - 1);
      invB1[x] = 1 / (b + x - 1);
    }
  }
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  ll += data.n * r * lnAlpha;
  dr += data.n * lnAlpha;
  let dAlpha = (data.n * r) / alpha;
  // Customers without repeat purchases: LL = A1 + A2 − r ln(α+T), grouped by T.
  const { zeroT, zeroCount } = data;
  for (let k = 0; k < zeroT.length; k++) {
    const lnAT = Math.log(alpha + zeroT[k]!);
    ll -= zeroCount[k]! * r * lnAT;
    dr -= zeroCount[k]! * lnAT;
    dAlpha -= (zeroCount[k]! * r) / (alpha + zeroT[k]!);
  }
  const { x: xs, tx, T } = data;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const lnAT = Math.log(alpha + T[i]!);
    const a3 = -(r + x) * lnAT;
    // ln(e^A3 + e^A4) without overflow, and the shares w3 + w4 = 1 of the two terms.
    const lnATx = Math.log(alpha + tx[i]!);
    const a4 = lnA - lnB1[x]! - (r + x) * lnATx;
    const hi = a3 > a4 ? a3 : a4;
    const lo = a3 > a4 ? a4 : a3;
    const e = Math.exp(lo - hi);
    ll += hi + Math.log1p(e);
    const wLo = e / (1 + e);
    const w4 = a3 > a4 ? wLo : 1 - wLo;
    const w3 = 1 - w4;
    dr -= w3 * lnAT + w4 * lnATx;
    dAlpha -= (r + x) * (w3 / (alpha + T[i]!) + w4 / (alpha + tx[i]!));
    da += w4 / a;
    db -= w4 * invB1[x]!;
  }
  if (gradient) {
    gradient[0] = dr;
    gradient[1] = dAlpha;
    gradient[2] = da;
    gradient[3] = db;
  }
  return ll;
}

/**
 * The BG/NBD log-likelihood of a purchase history, summed over customers, in the data's time unit.
 *
 * @param params - r, alpha, a, b (all > 0).
 * @param data - frequency, recency, T (nCustomers each), `lifetimes` conventions.
 * @returns the total log-likelihood (CDNOW at the published fit: −9582.4).
 * @throws {ArgumentError} for a parameter <= 0 or a bad history (see `fitBetaGeo`).
 * @example
 * betaGeoLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: [0], recency: [0], T: [38.86] });
 * // => -0.5547… (ln of (α/(α+T))^r for a customer without repeat purchases)
 */
export function betaGeoLogLikelihood(params: BetaGeoParams, data: PurchaseHistory): number {
  checkPositive("betaGeoLogLikelihood", { r: params.r, alpha: params.alpha, a: params.a, b: params.b });
  checkHistory("betaGeoLogLikelihood", data);
  return betaGeoLogLikelihoodAndGradient(params, prepareHistory(data));
}
