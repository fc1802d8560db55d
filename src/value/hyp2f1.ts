/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, by its power series.
 *
 * Written here because no well-kept npm package offers 2F1 (`@stdlib` has none; the few that exist are
 * unmaintained or complex-valued only). It is tested against scipy's `hyp2f1` over the range the BG/NBD
 * model uses (test/value-hyp2f1.test.ts): a, b > 0, c > 0, 0 <= z <= 0.99.
 *
 *   2F1(a, b; c; z) = Σ_k (a)_k (b)_k / ((c)_k k!) z^k,  term_{k+1} = term_k · (a+k)(b+k) / ((c+k)(k+1)) · z
 *
 * The series converges for |z| < 1, geometrically once k passes (a·b/c − 1)·z/(1 − z); summation stops when
 * a term is below 1e-17 of the sum and the terms are decreasing. The BG/NBD code calls it through Euler's
 * transformation 2F1(a, b; c; z) = (1 − z)^(c−a−b) 2F1(c−a, c−b; c; z), whose parameters do not grow with
 * the customer's frequency, so the terms stay moderate (see `beta-geo-predict.ts`).
 */
import { ArgumentError } from "../core/errors";

/** Most terms summed before giving up (about z = 0.999 with moderate a, b, c). */
const MAX_TERMS = 200_000;

/**
 * 2F1(a, b; c; z) by its power series.
 *
 * @param a - first numerator parameter.
 * @param b - second numerator parameter.
 * @param c - denominator parameter, not 0 or a negative integer.
 * @param z - argument in [0, 1).
 * @returns the value (1 at z = 0).
 * @throws {ArgumentError} for z outside [0, 1), a non-finite parameter, c a non-positive integer, or a
 *   series that has not converged after 200,000 terms.
 * @example
 * hyp2f1(1, 1, 2, 0.5); // => 1.3862943611198906 (= −ln(1 − z)/z)
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite))
    throw new ArgumentError(`hyp2f1: a=${a}, b=${b}, c=${c}, z=${z} must be finite`);
  if (!(z >= 0 && z < 1)) throw new ArgumentError(`hyp2f1: z=${z} must be in [0, 1)`);
  if (c <= 0 && Number.isInteger(c)) throw new ArgumentError(`hyp2f1: c=${c} must not be 0 or a negative integer`);
  return hyp2f1Series(a, b, c, z);
}

/** The power series (validated arguments assumed). */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 1;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    const next = term * (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += next;
    if (next === 0) return sum;
    if (Math.abs(next) <= 1e-17 * Math.abs(sum) && Math.abs(next) < Math.abs(term)) return sum;
    term = next;
  }
  throw new ArgumentError(`hyp2f1: series for a=${a}, b=${b}, c=${c}, z=${z} did not converge in ${MAX_TERMS} terms`);
}
