/**
 * Gaussian mixture, initialisation: the starting parameters from k-means labels (scikit-learn's default `init_params="kmeans"`)
 * or from explicit weights, means and precisions or covariances (sklearn's `weights_init`, `means_init`,
 * `precisions_init`). Uses the covariance algebra of gmm-covariance.ts and `kmeans`.
 */
import { inverse, Matrix as MlMatrix } from "ml-matrix";
import { ArgumentError } from "../core/errors";
import type { FlatMatrix } from "../core/matrix";
import {
  covarianceSize,
  estimateGaussianParameters,
  precisionCholesky,
  precisionCholeskyFromPrecisions,
  type CovarianceType,
  type GmmParams,
} from "./gmm-covariance";
import { checkKMeansOptions, kmeansFlat } from "./kmeans";

/** A covariance or precision array in scikit-learn's shape: full k×d×d, tied d×d, diag k×d, spherical k. */
export type CovarianceArray = number[] | number[][] | number[][][];

/** Explicit initial parameters; give `precisions` or `covariances` (precisions win if both are given). */
export interface GaussianMixtureInit {
  /** k weights in [0, 1] summing to 1 (within 1e-6). */
  weights: number[];
  /** k × d means. */
  means: number[][];
  /** Precision matrices (inverse covariances), sklearn's shape for the covariance type. */
  precisions?: CovarianceArray;
  /** Covariance matrices, sklearn's shape for the covariance type. */
  covariances?: CovarianceArray;
}

/**
 * sklearn's default start: one k-means run (nInit = 1, this seed), its labels as one-hot responsibilities,
 * then one M-step. Assumes validated input.
 */
export function kmeansStart(
  flat: FlatMatrix,
  k: number,
  type: CovarianceType,
  regCovar: number,
  seed: number,
): GmmParams {
  const { labels } = kmeansFlat(flat, checkKMeansOptions({ k, nInit: 1, seed }, flat.nSamples, flat.nFeatures));
  const resp = new Float64Array(flat.nSamples * k);
  labels.forEach((label, i) => (resp[i * k + label] = 1));
  return estimateGaussianParameters(flat, resp, k, type, regCovar);
}

/**
 * Validate explicit initial parameters and convert them to flat storage.
 * @throws {ArgumentError} on wrong shapes, weights outside [0, 1] or not summing to 1, non-positive-definite matrices.
 */
export function explicitStart(init: GaussianMixtureInit, type: CovarianceType, k: number, d: number): GmmParams {
  const fn = "gaussianMixture";
  const { weights, means } = init;
  if (!Array.isArray(weights) || weights.length !== k) {
    throw new ArgumentError(`${fn}: init.weights must have k=${k} values, got ${weights?.length}`);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.some((w) => !(w >= 0 && w <= 1)) || Math.abs(sum - 1) > 1e-6) {
    throw new ArgumentError(`${fn}: init.weights must lie in [0, 1] and sum to 1, got sum ${sum}`);
  }
  const flatMeans = flattenShaped(means, [k, d], "init.means");
  const shape = sklearnShape(type, k, d);
  let covariances: Float64Array;
  let precisionsCholesky: Float64Array;
  if (init.precisions !== undefined) {
    const precisions = flattenShaped(init.precisions, shape, "init.precisions");
    precisionsCholesky = precisionCholeskyFromPrecisions(precisions, type, k, d);
    covariances = invertBlocks(precisions, type, k, d);
  } else if (init.covariances !== undefined) {
    covariances = flattenShaped(init.covariances, shape, "init.covariances");
    precisionsCholesky = precisionCholesky(covariances, type, k, d);
  } else {
    throw new ArgumentError(`${fn}: init needs precisions or covariances besides weights and means`);
  }
  return {
    covarianceType: type,
    weights: Float64Array.from(weights),
    means: flatMeans,
    covariances,
    precisionsCholesky,
  };
}

/** sklearn's array shape of the covariances for a type. */
function sklearnShape(type: CovarianceType, k: number, d: number): number[] {
  const shapes: Record<CovarianceType, number[]> = { full: [k, d, d], tied: [d, d], diag: [k, d], spherical: [k] };
  return shapes[type];
}

/** Flatten a nested array after checking its shape and that every value is finite. */
function flattenShaped(value: unknown, shape: number[], name: string): Float64Array {
  const out: number[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node !== "number" || !Number.isFinite(node)) {
        throw new ArgumentError(`gaussianMixture: ${name} holds ${String(node)}, not a finite number`);
      }
      out.push(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new ArgumentError(`gaussianMixture: ${name} must have shape [${shape.join(", ")}]`);
    }
    for (const child of node) walk(child, depth + 1);
  };
  walk(value, 0);
  return Float64Array.from(out);
}

/** Covariances from precisions: matrix inverses (full, tied), reciprocals (diag, spherical). */
function invertBlocks(precisions: Float64Array, type: CovarianceType, k: number, d: number): Float64Array {
  if (type === "diag" || type === "spherical") return precisions.map((p) => 1 / p);
  const out = new Float64Array(covarianceSize(type, k, d));
  const blocks = type === "full" ? k : 1;
  for (let c = 0; c < blocks; c++) {
    const block = Array.from({ length: d }, (_, a) =>
      Array.from(precisions.subarray(c * d * d + a * d, c * d * d + (a + 1) * d)),
    );
    out.set(inverse(new MlMatrix(block)).to1DArray(), c * d * d);
  }
  return out;
}
