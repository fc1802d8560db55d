/** Bad arguments to the value stage throw ArgumentError naming the function, the index and the values. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import {
  betaGeoExpectedPurchases,
  betaGeoProbabilityAlive,
  betaGeoUnconditionalPurchases,
  customerLifetimeValue,
  fitBetaGeo,
  fitGammaGamma,
  gammaGammaExpectedSpend,
} from "../src/value";

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gg = { p: 6.25, q: 3.74, v: 15.44 };
const history = { frequency: [2, 0, 1], recency: [30, 0, 5], T: [38, 38, 20] };
const throwsArg = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (e: Error) => e instanceof ArgumentError && pattern.test(e.message), String(pattern));

describe("value: bad arguments", () => {
  test("histories: negative or non-integer frequency, recency > T, recency without purchases, NaN, ragged, empty", () => {
    throwsArg(
      () => fitBetaGeo({ ...history, frequency: [2, -1, 1] }),
      /^fitBetaGeo: frequency\[1\]=-1 must be a non-negative integer$/,
    );
    throwsArg(
      () => fitBetaGeo({ ...history, frequency: [2.5, 0, 1] }),
      /frequency\[0\]=2.5 must be a non-negative integer/,
    );
    throwsArg(
      () => fitBetaGeo({ ...history, recency: [30, 0, 21] }),
      /fitBetaGeo: recency\[2\]=21 must be <= T\[2\]=20/,
    );
    throwsArg(() => fitBetaGeo({ ...history, recency: [30, 3, 5] }), /recency\[1\]=3 must be 0 where frequency\[1\]=0/);
    throwsArg(() => fitBetaGeo({ ...history, T: [38, NaN, 20] }), /T\[1\]=NaN must be a finite number >= 0/);
    throwsArg(
      () => fitBetaGeo({ ...history, T: [38, 38] }),
      /ragged arrays: frequency has 3, recency has 3, T has 2 entries/,
    );
    throwsArg(() => fitBetaGeo({ frequency: [], recency: [], T: [] }), /no customers/);
    throwsArg(() => fitBetaGeo({ frequency: [0], recency: [0], T: [0] }), /every T is 0/);
    throwsArg(() => fitBetaGeo(history, { penalizer: -1 }), /penalizer=-1 must be a finite number >= 0/);
  });

  test("predictions: parameters <= 0, negative t, bad histories", () => {
    throwsArg(
      () => betaGeoExpectedPurchases({ ...params, alpha: -1 }, 10, history.frequency, history.recency, history.T),
      /betaGeoExpectedPurchases: alpha=-1 must be a finite number > 0/,
    );
    throwsArg(
      () => betaGeoExpectedPurchases(params, -1, history.frequency, history.recency, history.T),
      /t=-1 must be a finite number >= 0/,
    );
    throwsArg(
      () => betaGeoProbabilityAlive(params, [1], [5], [4]),
      /betaGeoProbabilityAlive: recency\[0\]=5 must be <= T\[0\]=4/,
    );
    throwsArg(() => betaGeoUnconditionalPurchases({ ...params, b: NaN }, 5), /b=NaN/);
  });

  test("monetary: <= 0 with repeat purchases, NaN, ragged; q <= 1", () => {
    throwsArg(
      () => fitGammaGamma({ frequency: [2, 0], monetary: [0, 0] }),
      /fitGammaGamma: monetary\[0\]=0 must be > 0 where frequency\[0\]=2 > 0/,
    );
    throwsArg(
      () => fitGammaGamma({ frequency: [2, 1], monetary: [10, NaN] }),
      /monetary\[1\]=NaN must be a finite number/,
    );
    throwsArg(() => fitGammaGamma({ frequency: [0, 0], monetary: [0, 0] }), /no customer with frequency > 0 among 2/);
    throwsArg(() => fitGammaGamma({ frequency: [1, 2], monetary: [10] }), /ragged arrays/);
    throwsArg(() => gammaGammaExpectedSpend({ ...gg, q: 0.9 }, [1], [10]), /q=0.9 must be > 1/);
  });

  test("CLV: months, discount rate, units per month", () => {
    const input = { betaGeo: params, gammaGamma: gg, ...history, monetary: [20, 0, 15] };
    throwsArg(
      () => customerLifetimeValue({ ...input, months: 0 }),
      /customerLifetimeValue: months=0 must be a positive integer/,
    );
    throwsArg(
      () => customerLifetimeValue({ ...input, discountRate: -0.1 }),
      /discountRate=-0.1 must be a finite number >= 0/,
    );
    throwsArg(
      () => customerLifetimeValue({ ...input, unitsPerMonth: 0 }),
      /unitsPerMonth=0 must be a finite number > 0/,
    );
    throwsArg(
      () => customerLifetimeValue({ ...input, monetary: [20, 0, -1] }),
      /monetary\[2\]=-1 must be > 0 where frequency\[2\]=1 > 0/,
    );
  });

  test("edge cases settled: P(alive) = 1 without repeat purchases; no horizon, no purchases; zero-month discounting", () => {
    assert.deepEqual(betaGeoProbabilityAlive(params, [0], [0], [50]), [1]);
    assert.deepEqual(betaGeoExpectedPurchases(params, 0, [3], [10], [20]), [0]);
    assert.equal(betaGeoUnconditionalPurchases(params, 0), 0);
    // CLV with discount 0 over one month = spend × E[Y(30)]
    const clv = customerLifetimeValue({
      betaGeo: params,
      gammaGamma: gg,
      frequency: [2],
      recency: [30],
      T: [38],
      monetary: [20],
      months: 1,
      discountRate: 0,
    });
    const expected =
      gammaGammaExpectedSpend(gg, [2], [20])[0]! * betaGeoExpectedPurchases(params, 30, [2], [30], [38])[0]!;
    assert.ok(Math.abs(clv[0]! - expected) < 1e-12 * expected);
  });
});
