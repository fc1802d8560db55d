/**
 * Gaussian mixture, prediction: log densities and responsibilities (the E-step), and {@link gmmPredictProba} for
 * new rows under a fitted model. Uses only the covariance algebra of gmm-covariance.ts.
 */
import { ArgumentError } from "../core/errors";
import { flatInput, type FlatMatrix, type MatrixInput } from "../core/matrix";
import { logDetCholesky, precisionCholesky, type CovarianceType, type GmmParams } from "./gmm-covariance";

const LOG_2PI = Math.log(2 * Math.PI);

/** What scoring needs of a fitted mixture (a {@link GaussianMixtureModel} has it): k weights, k × d means, k × d × d covariances. */
export interface GaussianMixtureParameters {
  /** k mixing weights, summing to 1. */
  weights: number[];
  /** k × d component means. */
  means: number[][];
  /** k × d × d covariance matrices. */
  covariances: number[][][];
}

/**
 * Responsibilities of new rows under a fitted model.
 *
 * @param model - a result of `gaussianMixture`, or any k weights, k × d means and k × d × d covariances.
 * @param rows - m × d (d = the model's number of features): rows or a typed matrix (see `matrix`), read in place.
 * @returns m × k posterior probabilities, rows sum to 1.
 * @throws {ArgumentError} on bad rows, a feature count that differs from the model's, or a covariance that is not
 *   positive definite.
 * @example
 * gmmPredictProba(model, [[0.1], [10]]); // => [[1, 0], [0, 1]] (nearly)
 */
export function gmmPredictProba(model: GaussianMixtureParameters, rows: MatrixInput): number[][] {
  const flat = flatInput(rows, "gmmPredictProba");
  const { nFeatures } = flat;
  const k = model.weights.length;
  const d = model.means[0]?.length ?? 0;
  if (nFeatures !== d) throw new ArgumentError(`gmmPredictProba: rows have ${nFeatures} features, the model ${d}`);
  const covariances = Float64Array.from(model.covariances.flat(2));
  const params: GmmParams = {
    covarianceType: "full",
    weights: Float64Array.from(model.weights),
    means: Float64Array.from(model.means.flat()),
    covariances,
    precisionsCholesky: precisionCholesky(covariances, "full", k, d),
  };
  const resp = new Float64Array(flat.nSamples * k);
  eStep(flat, params, resp);
  return rowsOf(resp, flat.nSamples, k);
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
 * log(w_c) + log N(x_i | μ_c, Σ_c) for every sample and component, into `out` (n×k). Assumes validated input.
 */
export function weightedLogProb(
  X: FlatMatrix,
  weights: Float64Array,
  means: Float64Array,
  precChol: Float64Array,
  type: CovarianceType,
  out: Float64Array,
): void {
  const { data, nSamples: n, nFeatures: d } = X;
  const k = weights.length;
  const logDet = logDetCholesky(precChol, type, k, d);
  const constant = new Float64Array(k);
  for (let c = 0; c < k; c++) constant[c] = Math.log(weights[c]!) + logDet[c]! - 0.5 * d * LOG_2PI;
  if (type === "full" || type === "tied") {
    // Mahalanobis distance ‖x·F − μ·F‖², F upper triangular (only F[a][b] with a <= b is non-zero)
    const blockOf = (c: number) => (type === "full" ? c * d * d : 0);
    const muF = new Float64Array(k * d);
    for (let c = 0; c < k; c++) {
      for (let b = 0; b < d; b++) {
        let s = 0;
        for (let a = 0; a <= b; a++) s += means[c * d + a]! * precChol[blockOf(c) + a * d + b]!;
        muF[c * d + b] = s;
      }
    }
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        const base = blockOf(c);
        let maha = 0;
        for (let b = 0; b < d; b++) {
          let s = 0;
          for (let a = 0; a <= b; a++) s += data[i * d + a]! * precChol[base + a * d + b]!;
          const y = s - muF[c * d + b]!;
          maha += y * y;
        }
        out[i * k + c] = constant[c]! - 0.5 * maha;
      }
    }
    return;
  }
  // diag and spherical: ‖(x − μ_c) ∘ f_c‖², f_c the precision factor of each feature (spherical: one, d times)
  const factors = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) factors[c * d + j] = type === "diag" ? precChol[c * d + j]! : precChol[c]!;
  }
  for (let i = 0, o = 0; i < n; i++, o += d) {
    for (let c = 0, p = 0; c < k; c++, p += d) {
      let maha = 0;
      for (let j = 0; j < d; j++) {
        const z = (data[o + j]! - means[p + j]!) * factors[p + j]!;
        maha += z * z;
      }
      out[i * k + c] = constant[c]! - 0.5 * maha;
    }
  }
}

/** n × k rows from flat storage (a plain loop: much faster than Array.from per row for large n). */
export function rowsOf(flat: Float64Array, n: number, k: number): number[][] {
  const rows = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(k);
    for (let c = 0; c < k; c++) row[c] = flat[i * k + c]!;
    rows[i] = row;
  }
  return rows;
}
