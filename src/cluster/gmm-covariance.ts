/**
 * Gaussian mixture, bottom layer: the algebra of the four covariance types, as scikit-learn's
 * `_gaussian_mixture.py` — the parameters estimated from responsibilities (the M-step's
 * `_estimate_gaussian_parameters`), the covariances by type, their precision Cholesky factors and log
 * determinants, and the expansion to full matrices. Imports nothing of the other gmm files.
 *
 * Flat storage, by type: full k×d×d, tied d×d, diag k×d, spherical k. A precision Cholesky factor F has
 * F·Fᵀ = Σ⁻¹ (for diag/spherical it is 1/σ elementwise), so (x − μ)ᵀ Σ⁻¹ (x − μ) = ‖(x − μ)·F‖².
 */
import { CholeskyDecomposition, Matrix as MlMatrix } from "ml-matrix";
import { ArgumentError } from "../core/errors";
import type { FlatMatrix } from "../core/matrix";

/** Shape of the component covariances. */
export type CovarianceType = "full" | "diag" | "tied" | "spherical";

/** numpy's float64 machine epsilon; sklearn adds 10·eps to each component's weight to avoid 0. */
export const FLOAT64_EPS = 2.220446049250313e-16;

/** Number of stored covariance values for a type: full k·d², tied d², diag k·d, spherical k. */
export function covarianceSize(type: CovarianceType, k: number, d: number): number {
  switch (type) {
    case "full":
      return k * d * d;
    case "tied":
      return d * d;
    case "diag":
      return k * d;
    case "spherical":
      return k;
    default: {
      const unknown: never = type;
      throw new ArgumentError(`gaussianMixture: unknown covarianceType "${String(unknown)}"`);
    }
  }
}

/** Free parameters of the model (sklearn's `_n_parameters`): covariances + means + (k − 1) weights. */
export function nParameters(type: CovarianceType, k: number, d: number): number {
  const covarianceParams = {
    full: (k * d * (d + 1)) / 2,
    diag: k * d,
    tied: (d * (d + 1)) / 2,
    spherical: k,
  }[type];
  return covarianceParams + d * k + k - 1;
}

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

/**
 * Weights, means and covariances from responsibilities (the M-step; sklearn's `_estimate_gaussian_parameters`:
 * n_c = Σ_i r_ic + 10·eps, weights = n_c / Σ n_c), with their precision Cholesky factors. Assumes validated input.
 */
export function estimateGaussianParameters(
  X: FlatMatrix,
  resp: Float64Array,
  k: number,
  type: CovarianceType,
  regCovar: number,
): GmmParams {
  const { data, nSamples: n, nFeatures: d } = X;
  const nk = new Float64Array(k);
  const means = new Float64Array(k * d);
  // diag, spherical: Σ_i r_ic x_ij² in the same pass (estimateCovariances)
  const squares = type === "diag" || type === "spherical" ? new Float64Array(k * d) : undefined;
  // one component at a time (each sum still runs over the rows in order): its accumulators stay in short arrays
  const sum = new Float64Array(d);
  const square = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    let size = 0;
    sum.fill(0);
    square.fill(0);
    for (let i = 0, o = 0; i < n; i++, o += d) {
      const r = resp[i * k + c]!;
      size += r;
      if (squares === undefined) {
        for (let j = 0; j < d; j++) sum[j] += r * data[o + j]!;
      } else {
        for (let j = 0; j < d; j++) {
          const rx = r * data[o + j]!;
          sum[j] += rx;
          square[j] += rx * data[o + j]!;
        }
      }
    }
    nk[c] = size;
    means.set(sum, c * d);
    squares?.set(square, c * d);
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    nk[c] += 10 * FLOAT64_EPS;
    total += nk[c]!;
    for (let j = 0; j < d; j++) means[c * d + j] /= nk[c]!;
  }
  const covariances = estimateCovariances(X, resp, nk, means, regCovar, type, squares);
  return {
    covarianceType: type,
    weights: nk.map((v) => v / total),
    means,
    covariances,
    precisionsCholesky: precisionCholesky(covariances, type, k, d),
  };
}

/**
 * M-step covariances from responsibilities `resp` (n×k), component sizes `nk` and `means` (k×d),
 * with `regCovar` added to the diagonal. diag and spherical take `squares` (k×d, Σ_i r_ic x_ij², summed with the
 * means by estimateGaussianParameters). Assumes validated input.
 */
export function estimateCovariances(
  X: FlatMatrix,
  resp: Float64Array,
  nk: Float64Array,
  means: Float64Array,
  regCovar: number,
  type: CovarianceType,
  squares?: Float64Array,
): Float64Array {
  const { data, nSamples: n, nFeatures: d } = X;
  const k = nk.length;
  const out = new Float64Array(covarianceSize(type, k, d));
  if (type === "full") {
    // Σ_c = Σ_i r_ic (x_i − μ_c)(x_i − μ_c)ᵀ / n_c + reg·I
    // one pass over the data, k accumulators: the upper triangle of Σ_i r_ic (x_i − μ_c)(x_i − μ_c)ᵀ
    const diff = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        const r = resp[i * k + c]!;
        const base = c * d * d;
        for (let a = 0; a < d; a++) diff[a] = data[i * d + a]! - means[c * d + a]!;
        for (let a = 0; a < d; a++) {
          const ra = r * diff[a]!;
          for (let b = a; b < d; b++) out[base + a * d + b] += ra * diff[b]!;
        }
      }
    }
    for (let c = 0; c < k; c++) {
      const base = c * d * d;
      for (let a = 0; a < d; a++) {
        for (let b = a; b < d; b++) {
          const v = out[base + a * d + b]! / nk[c]!;
          out[base + a * d + b] = v;
          out[base + b * d + a] = v;
        }
        out[base + a * d + a] += regCovar;
      }
    }
  } else if (type === "tied") {
    // Σ = (XᵀX − Σ_c n_c μ_c μ_cᵀ) / Σ_c n_c + reg·I
    let total = 0;
    for (let c = 0; c < k; c++) total += nk[c]!;
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        let xx = 0;
        for (let i = 0; i < n; i++) xx += data[i * d + a]! * data[i * d + b]!;
        let mm = 0;
        for (let c = 0; c < k; c++) mm += nk[c]! * means[c * d + a]! * means[c * d + b]!;
        const v = (xx - mm) / total;
        out[a * d + b] = v;
        out[b * d + a] = v;
      }
      out[a * d + a] += regCovar;
    }
  } else {
    // diag: σ²_cj = Σ_i r_ic x_ij² / n_c − μ_cj² + reg; spherical: the mean of those over j
    if (squares === undefined) throw new Error("estimateCovariances: diag and spherical need the weighted squares");
    const diag = squares.slice();
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        const mu = means[c * d + j]!;
        diag[c * d + j] = diag[c * d + j]! / nk[c]! - mu * mu + regCovar;
      }
    }
    if (type === "diag") return diag;
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += diag[c * d + j]!;
      out[c] = sum / d;
    }
  }
  return out;
}

/**
 * Precision Cholesky factors from covariances: F = (L⁻¹)ᵀ with Σ = L·Lᵀ (full, tied), 1/σ (diag, spherical).
 * @throws {ArgumentError} when a covariance is not positive definite (a collapsed component).
 */
export function precisionCholesky(covariances: Float64Array, type: CovarianceType, k: number, d: number): Float64Array {
  const out = new Float64Array(covariances.length);
  if (type === "diag" || type === "spherical") {
    for (let i = 0; i < covariances.length; i++) {
      if (!(covariances[i]! > 0)) throw illDefined(i);
      out[i] = 1 / Math.sqrt(covariances[i]!);
    }
    return out;
  }
  const blocks = type === "full" ? k : 1;
  for (let c = 0; c < blocks; c++) {
    const lower = choleskyLower(covariances.subarray(c * d * d, (c + 1) * d * d), d);
    if (lower === undefined) throw illDefined(c);
    // solve L·Y = I by forward substitution; F = Yᵀ (upper triangular)
    for (let col = 0; col < d; col++) {
      for (let row = col; row < d; row++) {
        let s = row === col ? 1 : 0;
        for (let m = col; m < row; m++) s -= lower[row * d + m]! * out[c * d * d + col * d + m]!;
        out[c * d * d + col * d + row] = s / lower[row * d + row]!; // F[col][row] = Y[row][col]
      }
    }
  }
  return out;
}

/**
 * Precision Cholesky factors from precision matrices (sklearn's `precisions_init`): upper-triangular F with F·Fᵀ = P.
 * @throws {ArgumentError} when a precision matrix is not symmetric positive definite.
 */
export function precisionCholeskyFromPrecisions(
  precisions: Float64Array,
  type: CovarianceType,
  k: number,
  d: number,
): Float64Array {
  if (type === "diag" || type === "spherical") {
    return precisions.map((p, i) => {
      if (!(p > 0)) throw new ArgumentError(`gaussianMixture: init precision ${i} = ${p} must be > 0`);
      return Math.sqrt(p);
    });
  }
  const out = new Float64Array(precisions.length);
  const blocks = type === "full" ? k : 1;
  for (let c = 0; c < blocks; c++) {
    // flip rows and columns, take the lower factor, flip back: an upper-triangular F (as sklearn)
    const block = precisions.subarray(c * d * d, (c + 1) * d * d);
    const flipped = block.map((_, idx) => block[d * d - 1 - idx]!);
    const lower = choleskyLower(flipped, d);
    if (lower === undefined)
      throw new ArgumentError(`gaussianMixture: init precision matrix ${c} is not positive definite`);
    for (let idx = 0; idx < d * d; idx++) out[c * d * d + idx] = lower[d * d - 1 - idx]!;
  }
  return out;
}

/** Lower Cholesky factor (row-major d×d) of the symmetrised matrix via ml-matrix; undefined if not positive definite. */
function choleskyLower(A: Float64Array, d: number): Float64Array | undefined {
  const rows = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => (A[a * d + b]! + A[b * d + a]!) / 2),
  );
  const decomposition = new CholeskyDecomposition(new MlMatrix(rows));
  if (!decomposition.isPositiveDefinite()) return undefined;
  return Float64Array.from(decomposition.lowerTriangularMatrix.to1DArray());
}

function illDefined(component: number): ArgumentError {
  return new ArgumentError(
    `gaussianMixture: covariance ${component} is ill-defined (a singleton or collapsed component); ` +
      "use fewer components, a larger regCovar, or scale the data",
  );
}

/** log det F per component (= −½ log det Σ): Σ log diag F (full, tied), Σ log F (diag), d·log F (spherical). */
export function logDetCholesky(precChol: Float64Array, type: CovarianceType, k: number, d: number): Float64Array {
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    if (type === "full" || type === "tied") {
      const base = type === "full" ? c * d * d : 0;
      for (let j = 0; j < d; j++) s += Math.log(precChol[base + j * d + j]!);
    } else if (type === "diag") {
      for (let j = 0; j < d; j++) s += Math.log(precChol[c * d + j]!);
    } else {
      s = d * Math.log(precChol[c]!);
    }
    out[c] = s;
  }
  return out;
}

/** Every component's covariance as a full d×d matrix (diag → diagonal, spherical → σ²·I, tied → repeated). */
export function expandCovariances(covariances: Float64Array, type: CovarianceType, k: number, d: number): number[][][] {
  return Array.from({ length: k }, (_, c) =>
    Array.from({ length: d }, (_, a) =>
      Array.from({ length: d }, (_, b) => {
        switch (type) {
          case "full":
            return covariances[c * d * d + a * d + b]!;
          case "tied":
            return covariances[a * d + b]!;
          case "diag":
            return a === b ? covariances[c * d + a]! : 0;
          case "spherical":
            return a === b ? covariances[c]! : 0;
          default: {
            const unknown: never = type;
            throw new ArgumentError(`gaussianMixture: unknown covarianceType "${String(unknown)}"`);
          }
        }
      }),
    ),
  );
}
