/**
 * A seeded simulator of the BG/NBD purchase process (Fader, Hardie & Lee 2005), for parameter-recovery tests
 * and for teaching: each customer draws a purchase rate λ ~ Gamma(shape r, rate α) and a dropout probability
 * p ~ Beta(a, b); after the first purchase at time 0, purchases arrive as a Poisson process of rate λ, and
 * after each repeat purchase the customer drops out with probability p. The gamma and beta draws come from
 * `@stdlib/random-base-*` fed by the project's seeded generator.
 */
import randomGamma from "@stdlib/random-base-gamma";
import randomBeta from "@stdlib/random-base-beta";
import { ArgumentError } from "../core/errors";
import { seededRandom } from "../core/random";

export interface SimulateBetaGeoOptions {
  /** Customers to simulate. Required. */
  nCustomers: number;
  /** Observation length of each customer: one number for all, or one per customer. @default 52 */
  T?: number | readonly number[];
  /** @default 0 */
  seed?: number;
}

/** A simulated history in `lifetimes` conventions, with each customer's hidden draws. */
export interface SimulatedBetaGeo {
  frequency: number[];
  recency: number[];
  T: number[];
  /** Purchase rate λ of each customer. */
  lambda: number[];
  /** Dropout probability p of each customer. */
  p: number[];
  /** Whether the customer is still alive at T. */
  alive: boolean[];
}

/**
 * Simulate purchase histories from the BG/NBD model with known parameters.
 *
 * @param params - r, alpha, a, b (> 0; alpha in the time unit of T).
 * @param options - nCustomers (required), T and seed; see {@link SimulateBetaGeoOptions}.
 * @returns frequency, recency and T (nCustomers each) and the hidden λ, p and alive flags.
 * @throws {ArgumentError} for a parameter <= 0, nCustomers not a positive integer, a T < 0 or a T array
 *   of the wrong length.
 * @example
 * simulateBetaGeo({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { nCustomers: 3, T: 39, seed: 1 }).frequency;
 * // => [3, 0, 0] (the same for the same seed)
 */
export function simulateBetaGeo(
  params: { r: number; alpha: number; a: number; b: number },
  options: SimulateBetaGeoOptions,
): SimulatedBetaGeo {
  const fn = "simulateBetaGeo";
  const { r, alpha, a, b } = params;
  for (const [name, value] of Object.entries({ r, alpha, a, b })) {
    if (!(Number.isFinite(value) && value > 0))
      throw new ArgumentError(`${fn}: ${name}=${value} must be a finite number > 0`);
  }
  const { nCustomers, T = 52, seed = 0 } = options;
  if (!Number.isInteger(nCustomers) || nCustomers < 1)
    throw new ArgumentError(`${fn}: nCustomers=${nCustomers} must be a positive integer`);
  if (typeof T !== "number" && T.length !== nCustomers)
    throw new ArgumentError(`${fn}: T has ${T.length} entries, nCustomers=${nCustomers}`);
  const ages = typeof T === "number" ? new Array<number>(nCustomers).fill(T) : Array.from(T);
  ages.forEach((t, i) => {
    if (!(Number.isFinite(t) && t >= 0)) throw new ArgumentError(`${fn}: T[${i}]=${t} must be a finite number >= 0`);
  });
  const random = seededRandom(seed);
  const drawRate = randomGamma.factory(r, alpha, { prng: random });
  const drawDropout = randomBeta.factory(a, b, { prng: random });
  const out: SimulatedBetaGeo = { frequency: [], recency: [], T: ages, lambda: [], p: [], alive: [] };
  for (let i = 0; i < nCustomers; i++) {
    const lambda = drawRate();
    const p = drawDropout();
    let time = 0;
    let purchases = 0;
    let last = 0;
    let alive = true;
    for (;;) {
      time += -Math.log(1 - random()) / lambda; // exponential waiting time to the next purchase
      if (time > ages[i]!) break;
      purchases++;
      last = time;
      if (random() < p) {
        alive = false;
        break;
      }
    }
    out.frequency.push(purchases);
    out.recency.push(last);
    out.lambda.push(lambda);
    out.p.push(p);
    out.alive.push(alive);
  }
  return out;
}
