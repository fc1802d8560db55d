/**
 * BG/NBD and Gamma-Gamma on the CDNOW sample against `lifetimes` (test/fixtures/lifetimes_oracle.py, which
 * reads the summary shipped inside the installed package) and against the published fits.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import {
  betaGeoExpectedPurchases,
  betaGeoLogLikelihood,
  betaGeoProbabilityAlive,
  betaGeoUnconditionalPurchases,
  customerLifetimeValue,
  fitBetaGeo,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  type BetaGeoParams,
  type GammaGammaParams,
} from "../src/value";
import { assertClose } from "./helpers/assert-close";
import { venvPython } from "./helpers/retail";

interface Oracle {
  frequency: number[];
  recency: number[];
  T: number[];
  monetary: number[];
  betaGeo: BetaGeoParams;
  betaGeoLogLikelihood: number;
  gammaGamma: GammaGammaParams;
  expected39: number[];
  probabilityAlive: number[];
  unconditional78: number;
  expectedSpend: number[];
  clv12: number[];
}

const noVenv = !fs.existsSync(venvPython) && "no .venv";

describe("value: CDNOW parity with lifetimes", { skip: noVenv }, () => {
  let oracle: Oracle;
  before(() => {
    const script = path.join(__dirname, "fixtures", "lifetimes_oracle.py");
    oracle = JSON.parse(
      execFileSync(venvPython, [script, "cdnow"], { encoding: "utf8", maxBuffer: 64 << 20 }),
    ) as Oracle;
  });

  test("the sample is CDNOW's 2,357 customers (weeks)", () => {
    assert.equal(oracle.frequency.length, 2357);
    assert.equal(
      oracle.frequency.reduce((s, x) => s + x, 0),
      2457,
    ); // repeat purchases in the 39-week calibration period
  });

  test("fitBetaGeo: r, α, a, b within 1e-4 relative of lifetimes; log-likelihood equal", () => {
    const fit = fitBetaGeo(oracle);
    assert.ok(fit.converged);
    for (const k of ["r", "alpha", "a", "b"] as const) assertClose(fit[k], oracle.betaGeo[k], 1e-4, 0, k);
    assertClose(fit.logLikelihood, oracle.betaGeoLogLikelihood, 1e-9, 0, "logLikelihood");
  });

  test("fitBetaGeo: the published fit (Fader, Hardie & Lee 2005: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4)", () => {
    const fit = fitBetaGeo(oracle);
    assert.deepEqual(
      [fit.r, fit.alpha, fit.a, fit.b].map((v) => v.toFixed(3)),
      ["0.243", "4.414", "0.793", "2.426"],
    );
    assert.equal(fit.logLikelihood.toFixed(1), "-9582.4");
    // and the published parameters are not the maximum: ours has the higher likelihood
    assert.ok(fit.logLikelihood >= betaGeoLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, oracle));
  });

  test("fitGammaGamma: p, q, v within 1e-4 relative of lifetimes (≈ 6.25, 3.74, 15.45)", () => {
    const fit = fitGammaGamma(oracle);
    assert.ok(fit.converged);
    for (const k of ["p", "q", "v"] as const) assertClose(fit[k], oracle.gammaGamma[k], 1e-4, 0, k);
    assert.deepEqual([fit.p.toFixed(2), fit.q.toFixed(2), fit.v.toFixed(2)], ["6.25", "3.74", "15.45"]);
  });

  test("per customer, given lifetimes' parameters: expected purchases at t = 39, P(alive), spend within 1e-6", () => {
    const { betaGeo, frequency, recency, T } = oracle;
    assertClose(betaGeoExpectedPurchases(betaGeo, 39, frequency, recency, T), oracle.expected39, 1e-6, 0, "expected39");
    assertClose(
      betaGeoProbabilityAlive(betaGeo, frequency, recency, T),
      oracle.probabilityAlive,
      1e-6,
      0,
      "probabilityAlive",
    );
    assertClose(
      gammaGammaExpectedSpend(oracle.gammaGamma, frequency, oracle.monetary),
      oracle.expectedSpend,
      1e-6,
      0,
      "expectedSpend",
    );
    assertClose(betaGeoUnconditionalPurchases(betaGeo, 78), oracle.unconditional78, 1e-9, 0, "unconditional78");
  });

  test("12-month CLV (weeks: 4.345 per month, 1 % a month) within 1e-6 relative of lifetimes", () => {
    const clv = customerLifetimeValue({
      ...oracle,
      betaGeo: oracle.betaGeo,
      gammaGamma: oracle.gammaGamma,
      unitsPerMonth: 4.345,
    });
    assertClose(clv, oracle.clv12, 1e-6, 0, "clv12");
  });
});
