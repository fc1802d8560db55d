/**
 * Gaussian mixture models fitted by EM, hand-written because no Gaussian-mixture package exists on npm.
 * Follows scikit-learn's `GaussianMixture` step for step (k-means start, EM with reg_covar on the diagonal,
 * mean log-likelihood as the lower bound, tol on its change, BIC/AIC with sklearn's parameter count), so the
 * results can be checked against it.
 *
 * The files, top down (each imports only the ones below it): gmm.ts (options, runs, the fitted model) →
 * gmm-init.ts (starting parameters) and gmm-em.ts (the EM loop) → gmm-predict.ts (E-step, densities,
 * `gmmPredictProba`) → gmm-covariance.ts (the algebra of the covariance types, the M-step's estimates).
 */
import { ArgumentError } from "../core/errors";
import { flatInput, fromFlat, type FlatMatrix, type MatrixInput } from "../core/matrix";
import { expandCovariances, nParameters, type CovarianceType } from "./gmm-covariance";
import { runEm, type EmRun } from "./gmm-em";
import { explicitStart, kmeansStart, type GaussianMixtureInit } from "./gmm-init";
import { eStep, rowsOf, type GaussianMixtureParameters } from "./gmm-predict";

export type { CovarianceType } from "./gmm-covariance";
export type { CovarianceArray, GaussianMixtureInit } from "./gmm-init";
export { gmmPredictProba, type GaussianMixtureParameters } from "./gmm-predict";

/** One finished EM run, reported to `onRun` (for progress: run + 1 of nRuns done). */
export interface GaussianMixtureRun {
  /** 0-based index of the run. */
  run: number;
  /** Runs in all: nInit, or 1 with an explicit init. */
  nRuns: number;
  /** The run's final lower bound (mean log-likelihood). */
  lowerBound: number;
}

export interface GaussianMixtureOptions {
  /** Number of components, an integer in [1, nSamples]. Required. */
  k: number;
  /** Shape of the covariances: one full matrix per component, one shared (tied), diagonal, or σ²·I. @default "full" */
  covarianceType?: CovarianceType;
  /** EM runs from k-means starts with seeds seed, seed + 1, …; the highest final lower bound wins. @default 1 */
  nInit?: number;
  /** Seed of the k-means start. @default 0 */
  seed?: number;
  /** EM iteration cap per run (0 = return the starting parameters). @default 100 */
  maxIter?: number;
  /** A run converges when the mean log-likelihood changes by less than tol between iterations. @default 1e-3 */
  tol?: number;
  /** Added to the diagonal of every covariance, keeps them positive definite. @default 1e-6 */
  regCovar?: number;
  /** Explicit starting parameters instead of k-means (then one run: nInit is ignored). */
  init?: GaussianMixtureInit;
  /** Called after each EM run (progress of a long fit); does not change the result. */
  onRun?: (state: GaussianMixtureRun) => void;
}

export interface GaussianMixtureModel extends GaussianMixtureParameters {
  covarianceType: CovarianceType;
  /** nSamples components, argmax of the responsibilities. */
  labels: number[];
  /** nSamples × k responsibilities (posterior probability of each component), rows sum to 1. */
  probabilities: number[][];
  /** k × d × d covariance matrices, whatever the type (diag → diagonal matrices, tied → k copies). */
  covariances: number[][][];
  /** Mean log-likelihood per sample under the fitted parameters (sklearn's `score(X)`). */
  logLikelihood: number;
  /** Bayesian information criterion: −2·n·logLikelihood + p·ln n (p = free parameters). Lower is better. */
  bic: number;
  /** Akaike information criterion: −2·n·logLikelihood + 2p. Lower is better. */
  aic: number;
  /** Whether the kept run stopped on tol before maxIter. */
  converged: boolean;
  /** EM iterations of the kept run. */
  iterations: number;
}

/**
 * Fit a Gaussian mixture to the rows of X by expectation–maximisation.
 *
 * @param X - nSamples × nFeatures finite numbers: rows (`number[][]`), or a typed matrix
 *   `{ data: Float64Array, nSamples, nFeatures }` (row-major, see `matrix`), read in place; both give the same result.
 * @param options - `k` (required), `covarianceType`, `nInit`, `seed`, `maxIter`, `tol`, `regCovar`, `init`, `onRun`.
 * @returns the fitted model: labels (n), probabilities (n×k), means (k×d), covariances (k×d×d), weights (k),
 *   logLikelihood, bic, aic, converged, iterations.
 * @throws {ArgumentError} on a bad X or option, bad init shapes, or a collapsed component (covariance not positive
 *   definite even with regCovar).
 * @example
 * const X = [[0], [0.2], [0.4], [10], [10.2], [10.4]];
 * gaussianMixture(X, { k: 2 }).means; // => [[0.2], [10.2]] (in the order k-means found them)
 */
export function gaussianMixture(X: MatrixInput, options: GaussianMixtureOptions): GaussianMixtureModel {
  const flat = flatInput(X, "gaussianMixture");
  const { nSamples, nFeatures } = flat;
  const settings = checkOptions(options, nSamples);
  const runs: EmRun[] = [];
  if (settings.init !== undefined) {
    const start = explicitStart(settings.init, settings.covarianceType, settings.k, nFeatures);
    runs.push(runEm(flat, start, settings));
    settings.onRun?.({ run: 0, nRuns: 1, lowerBound: runs[0]!.lowerBound });
  } else {
    for (let run = 0; run < settings.nInit; run++) {
      const start = kmeansStart(flat, settings.k, settings.covarianceType, settings.regCovar, settings.seed + run);
      runs.push(runEm(flat, start, settings));
      settings.onRun?.({ run, nRuns: settings.nInit, lowerBound: runs[run]!.lowerBound });
    }
  }
  // keep the first run with the highest lower bound (sklearn: strictly greater replaces)
  const best = runs.reduce((a, b) => (b.lowerBound > a.lowerBound ? b : a));
  return describeModel(flat, best);
}

type Settings = Required<Omit<GaussianMixtureOptions, "init" | "onRun">> &
  Pick<GaussianMixtureOptions, "init" | "onRun">;

function checkOptions(options: GaussianMixtureOptions, nSamples: number): Settings {
  const fn = "gaussianMixture";
  const settings: Settings = {
    k: options?.k,
    covarianceType: options.covarianceType ?? "full",
    nInit: options.nInit ?? 1,
    seed: options.seed ?? 0,
    maxIter: options.maxIter ?? 100,
    tol: options.tol ?? 1e-3,
    regCovar: options.regCovar ?? 1e-6,
    init: options.init,
    onRun: options.onRun,
  };
  const { k, covarianceType, nInit, seed, maxIter, tol, regCovar } = settings;
  if (!Number.isInteger(k) || k < 1 || k > nSamples) {
    throw new ArgumentError(`${fn}: k=${k} must be an integer in 1..nSamples=${nSamples}`);
  }
  if (!["full", "diag", "tied", "spherical"].includes(covarianceType)) {
    throw new ArgumentError(`${fn}: unknown covarianceType "${covarianceType}" (full, diag, tied, spherical)`);
  }
  if (!Number.isInteger(nInit) || nInit < 1) throw new ArgumentError(`${fn}: nInit=${nInit} must be an integer >= 1`);
  if (!Number.isInteger(seed)) throw new ArgumentError(`${fn}: seed=${seed} must be an integer`);
  if (!Number.isInteger(maxIter) || maxIter < 0)
    throw new ArgumentError(`${fn}: maxIter=${maxIter} must be an integer >= 0`);
  if (!(tol >= 0) || !Number.isFinite(tol)) throw new ArgumentError(`${fn}: tol=${tol} must be a finite number >= 0`);
  if (!(regCovar >= 0) || !Number.isFinite(regCovar)) {
    throw new ArgumentError(`${fn}: regCovar=${regCovar} must be a finite number >= 0`);
  }
  return settings;
}

/** Final E-step on the kept parameters (labels consistent with the model, as sklearn), then the criteria. */
function describeModel(X: FlatMatrix, run: EmRun): GaussianMixtureModel {
  const { params } = run;
  const k = params.weights.length;
  const { nSamples: n, nFeatures: d } = X;
  const resp = new Float64Array(n * k);
  const logLikelihood = eStep(X, params, resp);
  const labels = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (resp[i * k + c]! > resp[i * k + best]!) best = c;
    labels[i] = best;
  }
  const p = nParameters(params.covarianceType, k, d);
  return {
    covarianceType: params.covarianceType,
    labels,
    probabilities: rowsOf(resp, n, k),
    means: fromFlat({ data: params.means, nSamples: k, nFeatures: d }),
    covariances: expandCovariances(params.covariances, params.covarianceType, k, d),
    weights: Array.from(params.weights),
    logLikelihood,
    bic: -2 * logLikelihood * n + p * Math.log(n),
    aic: -2 * logLikelihood * n + 2 * p,
    converged: run.converged,
    iterations: run.iterations,
  };
}
