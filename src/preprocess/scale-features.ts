import { ArgumentError } from "../core/errors";
import type { Matrix } from "../core/matrix";
import { minMaxScale } from "./min-max-scale";
import { robustScale } from "./robust-scale";
import type { ScaleResult, ScalerMethod } from "./scaler";
import { standardScale } from "./standard-scale";

/**
 * Scale X with the scaler named by `method` (for callers that choose it at run time, e.g. the CLI).
 *
 * @param X - nSamples × nFeatures.
 * @param method - "standard" | "minmax" | "robust".
 * @returns the chosen scaler's result.
 * @throws {ArgumentError} as the chosen scaler does.
 * @example
 * scaleFeatures([[1], [3]], "standard").X; // => [[-1], [1]]
 */
export function scaleFeatures(X: Matrix, method: ScalerMethod): ScaleResult {
  switch (method) {
    case "standard":
      return standardScale(X);
    case "minmax":
      return minMaxScale(X);
    case "robust":
      return robustScale(X);
    default: {
      const unknown: never = method;
      throw new ArgumentError(`scaleFeatures: unknown method ${String(unknown)}`);
    }
  }
}
