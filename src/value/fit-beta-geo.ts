/**
 * Maximum-likelihood fit of the BG/NBD model (Fader, Hardie & Lee 2005) with the conventions of `lifetimes`'
 * `BetaGeoFitter`: the parameters are optimised on the log scale, with time rescaled so that the longest T
 * is 1, by BFGS from log-parameters 0.1; the penalty `penalizer · (r² + α² + a² + b²)` (α on that rescaled
 * time) is added to the mean negative log-likelihood.
 */
import { Matrix, inverse } from "ml-matrix";
import { ArgumentError } from "../core/errors";
import { checkHistory, checkNonNegative, checkPositive, type PurchaseHistory } from "./check-inputs";
import {
  betaGeoLogLikelihoodAndGradient,
  prepareHistory,
  type BetaGeoParams,
  type PreparedHistory,
} from "./beta-geo-likelihood";
import { minimizeBfgs } from "./minimize-bfgs";

export interface FitBetaGeoOptions {
  /** L2 penalty on the parameters (as `lifetimes`' penalizer_coef). @default 0 */
  penalizer?: number;
  /** Starting point (α in the data's time unit). @default r = a = b = e^0.1 and α = e^0.1 · max T (log-parameters 0.1 in rescaled time, as `lifetimes`) */
  initialParams?: BetaGeoParams;
  /** Optimiser tolerance on the step in log-parameters. @default 1e-10 */
  tol?: number;
  /** @default 1000 */
  maxIterations?: number;
}

/** The fitted parameters, the log-likelihood at them (total, in the data's time unit) and the optimiser's state. */
export interface BetaGeoFit extends BetaGeoParams {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
}

const defaults: Required<Omit<FitBetaGeoOptions, "initialParams">> = { penalizer: 0, tol: 1e-10, maxIterations: 1000 };

/**
 * Fit the BG/NBD model to a purchase history by maximum likelihood.
 *
 * @param data - frequency (repeat purchases), recency (time from first to last purchase) and T (time from
 *   first purchase to the end of observation), nCustomers each, in one time unit.
 * @param options - see {@link FitBetaGeoOptions}.
 * @returns r, alpha (in the data's time unit), a, b, the total log-likelihood, converged and iterations.
 * @throws {ArgumentError} for ragged or empty arrays, NaN, a negative or non-integer frequency, recency < 0,
 *   recency > T, recency ≠ 0 where frequency = 0, all T = 0, or a negative penalizer.
 * @example
 * const fit = fitBetaGeo({ frequency, recency, T }); // CDNOW, weeks
 * // => { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258, logLikelihood: -9582.43, converged: true, … }
 */
export function fitBetaGeo(data: PurchaseHistory, options: FitBetaGeoOptions = {}): BetaGeoFit {
  const fn = "fitBetaGeo";
  const opts = { ...defaults, ...options };
  checkNonNegative(fn, "penalizer", opts.penalizer);
  if (options.initialParams)
    checkPositive(fn, {
      r: options.initialParams.r,
      alpha: options.initialParams.alpha,
      a: options.initialParams.a,
      b: options.initialParams.b,
    });
  checkHistory(fn, data);
  let maxT = 0;
  for (const t of data.T) if (t > maxT) maxT = t;
  if (!(maxT > 0)) throw new ArgumentError(`${fn}: every T is 0; the observation window must have a length`);
  return fitPrepared(prepareHistory(data, 1 / maxT), 1 / maxT, opts, options.initialParams);
}

/** The fit on a prepared history in rescaled time (validated input assumed). */
function fitPrepared(data: PreparedHistory, scale: number, opts: typeof defaults, initial?: BetaGeoParams): BetaGeoFit {
  const { n } = data;
  const gradient = [0, 0, 0, 0];
  // Objective of the log-parameters θ = ln(r, α, a, b): mean negative log-likelihood + penalty.
  const objective = (theta: number[], grad: number[]) => {
    const p = theta.map(Math.exp);
    const params = { r: p[0]!, alpha: p[1]!, a: p[2]!, b: p[3]! };
    const ll = betaGeoLogLikelihoodAndGradient(params, data, gradient);
    let penalty = 0;
    for (let k = 0; k < 4; k++) {
      penalty += opts.penalizer * p[k]! * p[k]!;
      // chain rule through p = e^θ
      grad[k] = p[k]! * (-gradient[k]! / n + 2 * opts.penalizer * p[k]!);
    }
    return -ll / n + penalty;
  };
  const x0 = initial ? [initial.r, initial.alpha * scale, initial.a, initial.b].map(Math.log) : [0.1, 0.1, 0.1, 0.1];
  const result = minimizeBfgs(objective, x0, { tol: opts.tol, maxIterations: opts.maxIterations });
  const [r, alphaScaled, a, b] = result.x.map(Math.exp) as [number, number, number, number];
  // LL in rescaled time = LL in the data's unit − ln(scale) · Σx (each repeat purchase's density carries 1/time).
  const llScaled = betaGeoLogLikelihoodAndGradient({ r, alpha: alphaScaled, a, b }, data);
  return {
    r,
    alpha: alphaScaled / scale,
    a,
    b,
    logLikelihood: llScaled + Math.log(scale) * data.sumX,
    converged: result.converged && Number.isFinite(result.fx),
    iterations: result.iterations,
  };
}

/**
 * Standard errors of the BG/NBD maximum-likelihood estimates: square roots of the diagonal of the inverse
 * observed information (the Hessian of −LL in r, α, a, b, by central differences of the analytic gradient).
 *
 * @param params - fitted r, alpha, a, b.
 * @param data - the purchase history they were fitted to.
 * @returns { r, alpha, a, b } standard errors, in the parameters' units.
 * @throws {ArgumentError} for bad parameters or history, or a singular information matrix.
 * @example
 * betaGeoStandardErrors(fit, { frequency, recency, T }); // CDNOW => { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 }
 */
export function betaGeoStandardErrors(params: BetaGeoParams, data: PurchaseHistory): BetaGeoParams {
  const fn = "betaGeoStandardErrors";
  checkPositive(fn, { r: params.r, alpha: params.alpha, a: params.a, b: params.b });
  checkHistory(fn, data);
  const prepared = prepareHistory(data);
  const p = [params.r, params.alpha, params.a, params.b];
  const gradAt = (q: number[]) => {
    const g = [0, 0, 0, 0];
    betaGeoLogLikelihoodAndGradient({ r: q[0]!, alpha: q[1]!, a: q[2]!, b: q[3]! }, prepared, g);
    return g;
  };
  const hessian = Matrix.zeros(4, 4);
  for (let j = 0; j < 4; j++) {
    const h = 1e-5 * p[j]!;
    const up = p.slice();
    const down = p.slice();
    up[j]! += h;
    down[j]! -= h;
    const gUp = gradAt(up);
    const gDown = gradAt(down);
    for (let i = 0; i < 4; i++) hessian.set(i, j, -(gUp[i]! - gDown[i]!) / (2 * h));
  }
  const symmetric = hessian.add(hessian.transpose()).mul(0.5);
  let cov: Matrix;
  try {
    cov = inverse(symmetric);
  } catch {
    throw new ArgumentError(
      `${fn}: the information matrix is singular at r=${params.r}, alpha=${params.alpha}, a=${params.a}, b=${params.b}`,
    );
  }
  const se = [0, 1, 2, 3].map((k) => Math.sqrt(cov.get(k, k)));
  if (se.some((s) => !Number.isFinite(s)))
    throw new ArgumentError(`${fn}: the information matrix is not positive definite at these parameters`);
  return { r: se[0]!, alpha: se[1]!, a: se[2]!, b: se[3]! };
}
