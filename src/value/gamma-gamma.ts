/**
 * The Gamma-Gamma model of the mean spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma model of
 * monetary value"; Fader, Hardie & Lee 2005, "RFM and CLV"): a customer's transactions have values
 * ~ Gamma(p, ν) with ν ~ Gamma(q, v) across customers. Fitted by maximum likelihood on the customers with
 * repeat purchases, as `lifetimes`' `GammaGammaFitter` (log-parameters, BFGS from 0.1, mean negative
 * log-likelihood + penalizer · (p² + q² + v²)).
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import digamma from "@stdlib/math-base-special-digamma";
import { ArgumentError } from "../core/errors";
import { checkMonetary, checkNonNegative, checkPositive } from "./check-inputs";
import { minimizeBfgs } from "./minimize-bfgs";

/** Gamma-Gamma parameters: shape p of a transaction's value, shape q and scale v of its rate across customers. */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  /** Total log-likelihood over the customers with frequency > 0. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
}

export interface FitGammaGammaOptions {
  /** L2 penalty on p, q, v (as `lifetimes`' penalizer_coef). @default 0 */
  penalizer?: number;
  /** Optimiser tolerance on the step in log-parameters. @default 1e-10 */
  tol?: number;
  /** @default 1000 */
  maxIterations?: number;
}

/** Repeat-purchase counts and mean repeat-purchase values (`lifetimes`' monetary_value), nCustomers each. */
export interface SpendHistory {
  frequency: readonly number[];
  /** Mean value of the repeat purchases (> 0 where frequency > 0; ignored where frequency = 0). */
  monetary: readonly number[];
}

const defaults: Required<FitGammaGammaOptions> = { penalizer: 0, tol: 1e-10, maxIterations: 1000 };

/**
 * Fit the Gamma-Gamma spend model by maximum likelihood on the customers with frequency > 0.
 *
 * @param data - frequency and monetary (nCustomers each); customers with frequency 0 are skipped.
 * @param options - see {@link FitGammaGammaOptions}.
 * @returns p, q, v, the total log-likelihood, converged and iterations.
 * @throws {ArgumentError} for ragged arrays, NaN, a bad frequency, monetary <= 0 where frequency > 0,
 *   no customer with frequency > 0, or a negative penalizer.
 * @example
 * fitGammaGamma({ frequency, monetary }); // CDNOW => { p: 6.2488, q: 3.7448, v: 15.4442, … }
 */
export function fitGammaGamma(data: SpendHistory, options: FitGammaGammaOptions = {}): GammaGammaFit {
  const fn = "fitGammaGamma";
  const opts = { ...defaults, ...options };
  checkNonNegative(fn, "penalizer", opts.penalizer);
  checkMonetary(fn, data.frequency, data.monetary);
  const xs: number[] = [];
  const ms: number[] = [];
  data.frequency.forEach((x, i) => {
    if (x > 0) {
      xs.push(x);
      ms.push(data.monetary[i]!);
    }
  });
  if (xs.length === 0) throw new ArgumentError(`${fn}: no customer with frequency > 0 among ${data.frequency.length}`);
  const n = xs.length;
  const gradient = [0, 0, 0];
  const objective = (theta: number[], grad: number[]) => {
    const [p, q, v] = theta.map(Math.exp) as [number, number, number];
    const ll = gammaGammaLogLikelihood({ p, q, v }, xs, ms, gradient);
    const params = [p, q, v];
    let penalty = 0;
    for (let k = 0; k < 3; k++) {
      penalty += opts.penalizer * params[k]! ** 2;
      grad[k] = params[k]! * (-gradient[k]! / n + 2 * opts.penalizer * params[k]!);
    }
    return -ll / n + penalty;
  };
  const result = minimizeBfgs(objective, [0.1, 0.1, 0.1], { tol: opts.tol, maxIterations: opts.maxIterations });
  const [p, q, v] = result.x.map(Math.exp) as [number, number, number];
  return {
    p,
    q,
    v,
    logLikelihood: gammaGammaLogLikelihood({ p, q, v }, xs, ms),
    converged: result.converged && Number.isFinite(result.fx),
    iterations: result.iterations,
  };
}

/**
 * Total Gamma-Gamma log-likelihood of customers with x > 0 and mean value m, and its gradient in (p, q, v)
 * (validated input assumed). Per customer (Fader & Hardie 2013, eq. 1a with the mean value m):
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(xm + v)
 */
function gammaGammaLogLikelihood(
  { p, q, v }: GammaGammaParams,
  xs: readonly number[],
  ms: readonly number[],
  gradient?: number[],
): number {
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dv = 0;
  const gQ = gammaln(q);
  const psiQ = digamma(q);
  const lnV = Math.log(v);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const m = ms[i]!;
    const px = p * x;
    const lnM = Math.log(m);
    const lnX = Math.log(x);
    const lnXMV = Math.log(x * m + v);
    ll += gammaln(px + q) - gammaln(px) - gQ + q * lnV + (px - 1) * lnM + px * lnX - (px + q) * lnXMV;
    if (gradient) {
      const psiPXQ = digamma(px + q);
      dp += x * (psiPXQ - digamma(px) + lnM + lnX - lnXMV);
      dq += psiPXQ - psiQ + lnV - lnXMV;
      dv += q / v - (px + q) / (x * m + v);
    }
  }
  if (gradient) {
    gradient[0] = dp;
    gradient[1] = dq;
    gradient[2] = dv;
  }
  return ll;
}

/**
 * Expected mean spend per transaction of each customer, shrunk from their observed mean toward the
 * population mean: (1 − w) · v·p/(q−1) + w · m with w = p·x / (p·x + q − 1) (w = 0 for x = 0).
 *
 * @param params - p, q, v (> 0, q > 1 for a finite population mean).
 * @param frequency - repeat purchases (nCustomers).
 * @param monetary - mean value of the repeat purchases (nCustomers; > 0 where frequency > 0).
 * @returns expected spend per transaction (nCustomers).
 * @throws {ArgumentError} for bad parameters, q <= 1, ragged arrays, NaN or monetary <= 0 where frequency > 0.
 * @example
 * gammaGammaExpectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, [0, 2], [0, 20]); // => [35.2…, 22.7…]
 */
export function gammaGammaExpectedSpend(
  params: GammaGammaParams,
  frequency: readonly number[],
  monetary: readonly number[],
): number[] {
  const fn = "gammaGammaExpectedSpend";
  checkPositive(fn, { p: params.p, q: params.q, v: params.v });
  if (!(params.q > 1))
    throw new ArgumentError(`${fn}: q=${params.q} must be > 1 (the population mean spend v·p/(q−1) is not finite)`);
  checkMonetary(fn, frequency, monetary);
  const { p, q, v } = params;
  const populationMean = (v * p) / (q - 1);
  return frequency.map((x, i) => {
    const w = (p * x) / (p * x + q - 1);
    return (1 - w) * populationMean + (x > 0 ? w * monetary[i]! : 0);
  });
}
