/**
 * The EM core of the Gaussian mixture, step for step as scikit-learn's `BaseMixture.fit_predict` and
 * `GaussianMixture._m_step`, started from explicit parameters.
 */
import type { FlatMatrix } from "../core/matrix";
import {
  estimateCovariances,
  FLOAT64_EPS,
  precisionCholesky,
  weightedLogProb,
  type CovarianceType,
} from "./gmm-covariance";

/** Mixture parameters on flat storage (covariance layouts in gmm-covariance.ts). */
export interface GmmParams {
  covarianceType: CovarianceType;
  /** k mixing weights, summing to 1. */
  weights: Float64Array;
  /** k × d means, row-major. */
  means: Float64Array;
  covariances: Float64Array;
  precisionsCholesky: Float64Array;
}

export interface EmSettings {
  maxIter: number;
  tol: number;
  regCovar: number;
}

export interface EmRun {
  params: GmmParams;
  /** The last lower bound: the mean log-likelihood computed in the last E-step (before the last M-step). */
  lowerBound: number;
  iterations: number;
  converged: boolean;
}

/**
 * E-step: responsibilities into `resp` (n×k, also used as scratch) and the mean over samples of
 * log Σ_c w_c N(x_i | μ_c, Σ_c). Assumes validated input.
 */
export function eStep(X: FlatMatrix, params: GmmParams, resp: Float64Array): number {
  const k = params.weights.length;
  weightedLogProb(X, params.weights, params.means, params.precisionsCholesky, params.covarianceType, resp);
  let total = 0;
  for (let i = 0; i < X.nSamples; i++) {
    // log-sum-exp over the components, shifted by the row maximum; r_ic = exp(v_ic − max) / Σ_c exp(v_ic − max)
    const row = i * k;
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (resp[row + c]! > max) max = resp[row + c]!;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(resp[row + c]! - max);
      resp[row + c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) resp[row + c] = resp[row + c]! / sum;
    total += max + Math.log(sum);
  }
  return total / X.nSamples;
}

/**
 * M-step: weights, means and covariances from responsibilities (sklearn's `_estimate_gaussian_parameters`:
 * n_c = Σ_i r_ic + 10·eps, weights = n_c / Σ n_c). Assumes validated input.
 */
export function mStep(X: FlatMatrix, resp: Float64Array, k: number, type: CovarianceType, regCovar: number): GmmParams {
  const { data, nSamples: n, nFeatures: d } = X;
  const nk = new Float64Array(k);
  const means = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const r = resp[i * k + c]!;
      nk[c] += r;
      for (let j = 0; j < d; j++) means[c * d + j] += r * data[i * d + j]!;
    }
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    nk[c] += 10 * FLOAT64_EPS;
    total += nk[c]!;
    for (let j = 0; j < d; j++) means[c * d + j] /= nk[c]!;
  }
  const covariances = estimateCovariances(X, resp, nk, means, regCovar, type);
  return {
    covarianceType: type,
    weights: nk.map((v) => v / total),
    means,
    covariances,
    precisionsCholesky: precisionCholesky(covariances, type, k, d),
  };
}

/**
 * EM from `start` until the lower bound changes by less than `tol` or `maxIter` iterations
 * (each iteration: E-step, M-step, lower bound = the E-step's mean log-likelihood).
 * Assumes validated input.
 */
export function runEm(X: FlatMatrix, start: GmmParams, settings: EmSettings): EmRun {
  const k = start.weights.length;
  const resp = new Float64Array(X.nSamples * k);
  let params = start;
  let lowerBound = -Infinity;
  let converged = false;
  let iterations = 0;
  for (let iteration = 1; iteration <= settings.maxIter; iteration++) {
    const previous = lowerBound;
    lowerBound = eStep(X, params, resp);
    params = mStep(X, resp, k, params.covarianceType, settings.regCovar);
    iterations = iteration;
    if (Math.abs(lowerBound - previous) < settings.tol) {
      converged = true;
      break;
    }
  }
  return { params, lowerBound, iterations, converged };
}
