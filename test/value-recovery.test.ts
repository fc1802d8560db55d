/** The seeded BG/NBD simulator (src/rfm/synthetic-beta-geo.ts) and parameter recovery by fitBetaGeo. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { simulateBetaGeo } from "../src/rfm/synthetic-beta-geo";
import { betaGeoStandardErrors, betaGeoUnconditionalPurchases, fitBetaGeo } from "../src/value";

const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
const KEYS = ["r", "alpha", "a", "b"] as const;

describe("simulateBetaGeo", () => {
  test("seeded: the same seed gives the same histories, another seed does not", () => {
    const one = simulateBetaGeo(truth, { nCustomers: 500, T: 39, seed: 3 });
    assert.deepEqual(one, simulateBetaGeo(truth, { nCustomers: 500, T: 39, seed: 3 }));
    assert.notDeepEqual(one.frequency, simulateBetaGeo(truth, { nCustomers: 500, T: 39, seed: 4 }).frequency);
  });

  test("histories follow lifetimes' conventions: 0 <= recency <= T, recency 0 without repeat purchases", () => {
    const sim = simulateBetaGeo(truth, {
      nCustomers: 2000,
      T: Array.from({ length: 2000 }, (_, i) => i % 60),
      seed: 1,
    });
    sim.frequency.forEach((x, i) => {
      assert.ok(Number.isInteger(x) && x >= 0);
      assert.ok(sim.recency[i]! >= 0 && sim.recency[i]! <= sim.T[i]!);
      if (x === 0) assert.equal(sim.recency[i], 0);
      if (!sim.alive[i]) assert.ok(x > 0, "a customer drops out only after a repeat purchase");
    });
  });

  test("the mean repeat purchases equal the model's E[X(T)] (eq. 9) within 3 standard errors", () => {
    const n = 40_000;
    const sim = simulateBetaGeo(truth, { nCustomers: n, T: 52, seed: 5 });
    const mean = sim.frequency.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(sim.frequency.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    const expected = betaGeoUnconditionalPurchases(truth, 52);
    assert.ok(Math.abs(mean - expected) <= (3 * sd) / Math.sqrt(n), `mean ${mean} vs E[X(52)] ${expected} (sd ${sd})`);
  });

  test("bad arguments throw ArgumentError", () => {
    assert.throws(
      () => simulateBetaGeo({ ...truth, r: 0 }, { nCustomers: 5 }),
      /simulateBetaGeo: r=0 must be a finite number > 0/,
    );
    assert.throws(() => simulateBetaGeo(truth, { nCustomers: 2.5 }), ArgumentError);
    assert.throws(() => simulateBetaGeo(truth, { nCustomers: 3, T: [1, 2] }), /T has 2 entries, nCustomers=3/);
    assert.throws(() => simulateBetaGeo(truth, { nCustomers: 2, T: [1, -2] }), /T\[1\]=-2/);
  });
});

describe("fitBetaGeo: parameter recovery", () => {
  // 20,000 customers observed 26 to 52 weeks, four seeds. The estimates are random: about 2 in 3 should fall
  // within one standard error of the truth and essentially all within three.
  const fits = [1, 2, 3, 4].map((seed) => {
    const T = Array.from({ length: 20_000 }, (_, i) => 26 + (i % 27));
    const sim = simulateBetaGeo(truth, { nCustomers: 20_000, T, seed });
    const fit = fitBetaGeo(sim);
    return { fit, se: betaGeoStandardErrors(fit, sim) };
  });

  test("every estimate within 3 standard errors of the truth, most within 1, and no common direction", () => {
    const z = fits.flatMap(({ fit, se }) => KEYS.map((k) => (fit[k] - truth[k]) / se[k]));
    for (const { fit } of fits) assert.ok(fit.converged);
    assert.ok(
      z.every((v) => Math.abs(v) <= 3),
      `z-scores ${z.map((v) => v.toFixed(2)).join(" ")}`,
    );
    assert.ok(
      z.filter((v) => Math.abs(v) <= 1).length >= z.length / 2,
      `z-scores ${z.map((v) => v.toFixed(2)).join(" ")}`,
    );
    const meanZ = z.reduce((s, v) => s + v, 0) / z.length;
    assert.ok(Math.abs(meanZ) < 1, `mean z ${meanZ}`);
  });

  test("standard errors are positive and shrink like 1/√n", () => {
    const sim = simulateBetaGeo(truth, {
      nCustomers: 5000,
      T: Array.from({ length: 5000 }, (_, i) => 26 + (i % 27)),
      seed: 1,
    });
    const small = betaGeoStandardErrors(fitBetaGeo(sim), sim);
    for (const k of KEYS) {
      assert.ok(small[k] > 0);
      const ratio = small[k] / fits[0]!.se[k]; // n 5,000 vs 20,000: about 2
      assert.ok(ratio > 1.6 && ratio < 2.5, `${k}: SE ratio ${ratio}`);
    }
  });
});
