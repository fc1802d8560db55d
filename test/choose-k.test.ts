import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { randomNormal, seededRandom } from "../src/core/random";
import { bicCurve } from "../src/evaluate/bic-curve";
import { chooseK } from "../src/evaluate/choose-k";
import { elbow } from "../src/evaluate/elbow";
import { gapStatistic } from "../src/evaluate/gap-statistic";
import { kneedle } from "../src/evaluate/kneedle";
import { stability } from "../src/evaluate/stability";
import { assertClose } from "./helpers/assert-close";
import gapFixture from "./fixtures/gap.json";

/** Round blobs of 40 points (sd 1) around `centres`, seeded. */
function blobs(centres: number[][], seed = 1): number[][] {
  const random = seededRandom(seed);
  return centres.flatMap(([cx, cy]) =>
    Array.from({ length: 40 }, () => [cx! + randomNormal(random), cy! + randomNormal(random)]),
  );
}

describe("kneedle", () => {
  it("finds the knee of a hand-made curve", () => {
    // x̂ = (x − 1)/7, 1 − ŷ = (100 − y)/91; d = (1 − ŷ) − x̂ = 0, .516, .593, .494, .385, .264, .132, 0.
    // local max at x = 3 (d = .593), threshold .593 − 1/7 = .450; d(5) = .385 < .450 → knee 3
    const result = kneedle([1, 2, 3, 4, 5, 6, 7, 8], [100, 40, 20, 16, 13, 11, 10, 9]);
    assert.equal(result.knee, 3);
    assertClose(result.differences[2]!, 80 / 91 - 2 / 7, 1e-12);
  });

  it("reports no knee for a straight line or too few points", () => {
    assert.equal(kneedle([1, 2, 3, 4], [4, 3, 2, 1]).knee, null);
    assert.equal(kneedle([1, 2], [10, 1]).knee, null);
    assert.equal(kneedle([1, 2, 3], [5, 5, 5]).knee, null);
  });

  it("respects the sensitivity", () => {
    // with S = 3 the threshold .593 − 3/7 = .164 is only crossed at x = 7 (d = .132)
    assert.equal(kneedle([1, 2, 3, 4, 5, 6, 7, 8], [100, 40, 20, 16, 13, 11, 10, 9], { sensitivity: 3 }).knee, 3);
    // with S = 5 the threshold is negative: never crossed
    assert.equal(kneedle([1, 2, 3, 4, 5, 6, 7, 8], [100, 40, 20, 16, 13, 11, 10, 9], { sensitivity: 5 }).knee, null);
  });

  it("rejects bad arguments", () => {
    assert.throws(() => kneedle([1, 2], [1]), ArgumentError);
    assert.throws(() => kneedle([2, 1], [1, 2]), /strictly increasing/);
    assert.throws(() => kneedle([1, 2], [1, NaN]), /not finite/);
  });
});

/** Four well-separated blobs at the corners of a square of side 10: no split into 2 or 3 groups is obvious. */
const square = [
  [0, 0],
  [10, 0],
  [0, 10],
  [10, 10],
];

describe("choosing k on four blobs", () => {
  const X = blobs(square);

  it("elbow: inertia decreases and the knee is 4", () => {
    const result = elbow(X, { kRange: [1, 2, 3, 4, 5, 6, 7, 8], seed: 0 });
    assert.equal(result.knee, 4);
    assert.equal(result.inertia.length, 8);
    for (let i = 1; i < 8; i++) assert.ok(result.inertia[i]! <= result.inertia[i - 1]!);
  });

  it("gap statistic picks 4, with s_k = sd·sqrt(1 + 1/B)", () => {
    const result = gapStatistic(X, { kRange: [1, 2, 3, 4, 5, 6], B: 10, seed: 0 });
    assert.equal(result.k, 4);
    assert.ok(result.sk.every((s) => s > 0));
    result.gap.forEach((g, i) => assertClose(g, result.expectedLogW[i]! - result.logW[i]!, 1e-12));
  });

  it("BIC is lowest at 4", () => {
    const result = bicCurve(X, { kRange: [1, 2, 3, 4, 5, 6], covarianceType: "spherical", seed: 0 });
    assert.equal(result.best, 4);
    assert.equal(result.bic.length, 6);
  });

  it("stability is highest (ARI = 1) at 4", () => {
    const result = stability(X, { kRange: [2, 3, 4, 5, 6], resamples: 10, seed: 0 });
    assert.equal(result.best, 4);
    assertClose(result.ari[2]!, 1, 1e-12);
    assertClose(result.jaccard[2]!, 1, 1e-12);
  });

  it("stability: a coarse split that is just as stable wins the tie (the smaller k)", () => {
    // an uneven square: k-means splits it into the same 2 groups on every resample, so k = 2 and k = 4 both score 1
    const pairs = blobs([
      [0, 0],
      [12, 1],
      [1, 11],
      [13, 12],
    ]);
    const result = stability(pairs, { kRange: [2, 3, 4, 5, 6], resamples: 10, seed: 0 });
    assertClose(result.ari[0]!, 1, 1e-12);
    assertClose(result.ari[2]!, 1, 1e-12);
    assert.equal(result.best, 2);
  });

  it("chooseK: the majority is 4 and the result is deterministic", () => {
    const options = { kRange: [2, 3, 4, 5, 6, 7], seed: 0, B: 5, resamples: 5, nInit: 3 };
    const result = chooseK(X, options);
    assert.equal(result.k, 4);
    assert.equal(result.voteCounts.length, 6);
    assert.equal(
      result.voteCounts.reduce((a, b) => a + b, 0),
      Object.values(result.votes).filter((v) => v !== null).length,
    );
    assert.deepEqual(chooseK(X, options), result);
  });

  it("rejects bad arguments", () => {
    assert.throws(() => elbow(X, { kRange: [] }), /kRange is empty/);
    assert.throws(() => elbow(X, { kRange: [0, 1] }), ArgumentError);
    assert.throws(() => elbow(X, { kRange: [3, 2] }), /strictly increasing/);
    assert.throws(() => gapStatistic(X, { kRange: [1, 2], B: 0 }), /B=0/);
    // k = nSamples puts every point alone in data and references alike: W = 0, log W = −∞, gap = −∞ − (−∞) = NaN
    assert.throws(
      () => gapStatistic([[0], [1], [5]], { kRange: [1, 2, 3], B: 2 }),
      /kRange\[2\]=3 must be an integer in 1\.\.2/,
    );
    assert.ok(gapStatistic([[0], [1], [5]], { kRange: [1, 2], B: 2 }).gap.every(Number.isFinite));
    assert.throws(() => stability(X, { kRange: [1, 2] }), /kRange\[0\]=1 must be an integer in 2/);
    assert.throws(() => chooseK(X, { kRange: [1, 2] }), ArgumentError);
    assert.throws(() => chooseK([[0], [1]], {}), ArgumentError);
    assert.throws(() => bicCurve([[0], [NaN]], { kRange: [1] }), ArgumentError);
  });
});

describe("gap statistic against a numpy re-implementation of Tibshirani's procedure (test/fixtures/sklearn_gap.py)", () => {
  // Same data, same reference draws (the fixture ports the engine's seeded generator). At k = 1 no optimisation is
  // involved (W_1 is the total sum of squares), so the reference draws, E*[log W], the sd with divisor B and
  // s_k = sd·sqrt(1 + 1/B) must agree to rounding. For k >= 2, W_k is a k-means optimum (scikit-learn: best of 100
  // starts; here: 100 starts from other seeds): on uniform reference sets the two occasionally settle in optima a
  // hair apart (measured: E*[log W] within 3e-5 relative, s_k within 5e-3 relative), hence the looser tolerances.
  for (const c of gapFixture.cases) {
    it(`${c.name}: log W, E*[log W], gap, s_k and the chosen k`, () => {
      const result = gapStatistic(c.X, { kRange: c.kRange, B: c.B, seed: c.seed, nInit: 100 });
      assertClose(result.logW[0]!, c.logW[0]!, 1e-12);
      assertClose(result.expectedLogW[0]!, c.expectedLogW[0]!, 1e-12);
      assertClose(result.gap[0]!, c.gap[0]!, 1e-12, 1e-12);
      assertClose(result.sk[0]!, c.sk[0]!, 1e-9);
      assertClose(result.logW, c.logW, 1e-3);
      assertClose(result.expectedLogW, c.expectedLogW, 1e-4);
      assertClose(result.gap, c.gap, 0, 2e-3);
      assertClose(result.sk, c.sk, 2e-2, 1e-6);
      assert.equal(result.k, c.k);
    });
  }
});

describe("stability on very few rows", () => {
  it("two bootstrap samples that share no row are redrawn, not passed on empty to predictNearest", () => {
    // On 3 rows, two bootstrap samples are disjoint now and then (e.g. {0, 0, 0} and {1, 2, 2}); 20 resamples hit one.
    const X = [[0], [1], [5]];
    const result = stability(X, { kRange: [2], resamples: 20, nInit: 1, seed: 0 });
    assert.equal(result.ari.length, 1);
    assert.ok(Number.isFinite(result.ari[0]!) && result.ari[0]! <= 1);
    assert.ok(Number.isFinite(result.jaccard[0]!));
    assert.deepEqual(stability(X, { kRange: [2], resamples: 20, nInit: 1, seed: 0 }), result);
  });
});
