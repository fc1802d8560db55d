/**
 * The sorted k-distance curve, the usual plot for choosing DBSCAN's eps (look for the bend).
 */
import { ArgumentError } from "../core/errors";
import { checkMatrix, toFlat, type Matrix } from "../core/matrix";

/**
 * Distance from each sample to its k-th nearest neighbour, sorted ascending.
 *
 * The sample itself counts as its own first neighbour (distance 0), exactly as scikit-learn's
 * `NearestNeighbors(n_neighbors=k).fit(X).kneighbors(X)[0][:, k - 1]`; so use k = DBSCAN's
 * `minSamples` (which also counts the point itself): a sample is core iff its k-distance <= eps.
 *
 * @param X - nSamples × nFeatures.
 * @param k - neighbour rank, integer in 1..nSamples (k = 1 gives all zeros).
 * @returns nSamples distances, ascending.
 * @throws {ArgumentError} on a bad X or k.
 * @example
 * kDistances([[0], [1], [3]], 2); // => [1, 1, 2]
 */
export function kDistances(X: Matrix, k: number): number[] {
  const { nSamples: n, nFeatures: d } = checkMatrix(X, "kDistances");
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new ArgumentError(`kDistances: k=${k} must be an integer in 1..nSamples=${n}`);
  }
  const { data } = toFlat(X);
  const out = new Float64Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let squaredDistance = 0;
      for (let f = 0; f < d; f++) {
        const diff = data[i * d + f]! - data[j * d + f]!;
        squaredDistance += diff * diff;
      }
      row[j] = squaredDistance;
    }
    row.sort();
    out[i] = Math.sqrt(row[k - 1]!);
  }
  return Array.from(out.sort());
}
