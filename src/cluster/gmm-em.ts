/**
 * Gaussian mixture, the EM loop, step for step as scikit-learn's `BaseMixture.fit_predict`: from explicit starting
 * parameters, alternate the E-step (gmm-predict.ts) and the M-step (gmm-covariance.ts) until the lower bound settles.
 */
import type { FlatMatrix } from "../core/matrix";
import { estimateGaussianParameters, type GmmParams } from "./gmm-covariance";
import { eStep } from "./gmm-predict";

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
    params = estimateGaussianParameters(X, resp, k, params.covarianceType, settings.regCovar);
    iterations = iteration;
    if (Math.abs(lowerBound - previous) < settings.tol) {
      converged = true;
      break;
    }
  }
  return { params, lowerBound, iterations, converged };
}
