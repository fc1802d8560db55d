import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gaussianMixture, gmmPredictProba } from "../src/cluster/gmm";
import { ArgumentError } from "../src/core/errors";
import { matrix } from "../src/core/matrix";
import { adjustedRandScore as ari } from "../src/evaluate/adjusted-rand";
import { assertClose } from "./helpers/assert-close";
import { modelsFixture } from "./helpers/models-fixture";

/** sklearn's covariances_ (type-dependent shape) as k × d × d matrices. */
function expand(cov: unknown, type: string, k: number, d: number): number[][][] {
  const eye = (a: number, b: number) => (a === b ? 1 : 0);
  return Array.from({ length: k }, (_, c) =>
    Array.from({ length: d }, (_, a) =>
      Array.from({ length: d }, (_, b) => {
        if (type === "full") return (cov as number[][][])[c]![a]![b]!;
        if (type === "tied") return (cov as number[][])[a]![b]!;
        if (type === "diag") return eye(a, b) * (cov as number[][])[c]![a]!;
        return eye(a, b) * (cov as number[])[c]!;
      }),
    ),
  );
}

describe("gaussianMixture", () => {
  for (const c of modelsFixture.gmm) {
    const X = modelsFixture.data[c.data]!;
    const name = `${c.covarianceType} k=${c.k} on ${c.data}`;

    it(`${name}: from sklearn's initial parameters, same likelihood, BIC and parameters`, () => {
      const model = gaussianMixture(X, { k: c.k, covarianceType: c.covarianceType, init: c.init as never });
      assertClose(model.logLikelihood, c.fit.score, 1e-6);
      assertClose(model.bic, c.fit.bic, 1e-6);
      assertClose(model.aic, c.fit.aic, 1e-6);
      assert.equal(model.iterations, c.fit.iterations);
      assert.equal(model.converged, c.fit.converged);
      assertClose(model.weights, c.fit.weights, 1e-5, 1e-8);
      assertClose(model.means, c.fit.means, 1e-5, 1e-8);
      assertClose(model.covariances, expand(c.fit.covariances, c.covarianceType, c.k, X[0]!.length), 1e-5, 1e-8);
      assert.deepEqual(model.labels, c.fit.labels);
      assertClose(model.probabilities.slice(0, 5), c.fit.probabilities, 1e-5, 1e-8);
    });

    it(`${name}: from its own k-means starts, BIC no worse than sklearn's (best of 10 starts each)`, () => {
      // tight tol on both sides: each run ends at its local optimum, not wherever tol=1e-3 stopped it
      const options = { k: c.k, covarianceType: c.covarianceType, nInit: 10, seed: 0, tol: 1e-9, maxIter: 2000 };
      const model = gaussianMixture(X, options);
      const sklearnBic = c.ownInit["10"]!.bic;
      assert.ok(model.bic <= sklearnBic + 1e-9 * Math.abs(sklearnBic), `ours ${model.bic} > sklearn ${sklearnBic}`);
    });
  }

  it("fits two well-separated groups and scores new rows", () => {
    const X = [[0], [0.2], [0.4], [10], [10.2], [10.4]];
    const model = gaussianMixture(X, { k: 2 });
    const means = model.means.map((m) => m[0]!).sort((a, b) => a - b);
    assertClose(means, [0.2, 10.2], 1e-9);
    // each group: variance (0.04 + 0 + 0.04) / 3 plus regCovar
    assertClose(model.covariances[0]![0]![0]!, 0.08 / 3 + 1e-6, 1e-6);
    assert.deepEqual(new Set(model.labels.slice(0, 3)).size, 1);
    assert.notEqual(model.labels[0], model.labels[3]);
    const proba = gmmPredictProba(model, [[0.1], [10.3]]);
    assert.equal(proba[0]![model.labels[0]!]! > 0.999, true);
    assert.equal(proba[1]![model.labels[3]!]! > 0.999, true);
    // the scoring of the training rows equals the fitted responsibilities
    assertClose(gmmPredictProba(model, X), model.probabilities, 1e-9, 1e-12);
  });

  it("counts parameters as sklearn in BIC and AIC", () => {
    // full, k=2, d=1: covariances 2, means 2, weights 1 → p = 5; aic − (−2·n·ll) = 10
    const X = [[0], [0.2], [0.4], [10], [10.2], [10.4]];
    const model = gaussianMixture(X, { k: 2 });
    assertClose(model.aic + 2 * 6 * model.logLikelihood, 10, 1e-9);
    assertClose(model.bic + 2 * 6 * model.logLikelihood, 5 * Math.log(6), 1e-9);
  });

  it("is deterministic for a seed", () => {
    const X = modelsFixture.data.income_spending_std!;
    const a = gaussianMixture(X, { k: 4, nInit: 2, seed: 3 });
    const b = gaussianMixture(X, { k: 4, nInit: 2, seed: 3 });
    assert.deepEqual(a, b);
    assert.ok(ari(a.labels, b.labels) === 1);
  });

  it("accepts covariances instead of precisions as init", () => {
    const c = modelsFixture.gmm.find((g) => g.covarianceType === "diag")!;
    const X = modelsFixture.data[c.data]!;
    const precisions = c.init.precisions as number[][];
    const covariances = precisions.map((row) => row.map((p) => 1 / p));
    const model = gaussianMixture(X, {
      k: c.k,
      covarianceType: "diag",
      init: { ...c.init, precisions: undefined, covariances },
    });
    assertClose(model.bic, c.fit.bic, 1e-6);
  });

  it("rejects bad arguments", () => {
    const X = [[0], [1], [2]];
    assert.throws(() => gaussianMixture(X, { k: 0 }), /k=0 must be an integer in 1..nSamples=3/);
    assert.throws(() => gaussianMixture(X, { k: 4 }), ArgumentError);
    assert.throws(() => gaussianMixture(X, { k: 1, covarianceType: "banded" as "full" }), /unknown covarianceType/);
    assert.throws(() => gaussianMixture(X, { k: 1, tol: -1 }), ArgumentError);
    assert.throws(() => gaussianMixture(X, { k: 1, regCovar: NaN }), ArgumentError);
    assert.throws(() => gaussianMixture(X, { k: 1, nInit: 0 }), ArgumentError);
    assert.throws(() => gaussianMixture([[0], [NaN]], { k: 1 }), ArgumentError);
    assert.throws(() => gaussianMixture([], { k: 1 }), ArgumentError);
    assert.throws(
      () => gaussianMixture(X, { k: 1, init: { weights: [0.5], means: [[0]], precisions: [[[1]]] } }),
      /sum to 1/,
    );
    assert.throws(
      () => gaussianMixture(X, { k: 1, init: { weights: [1], means: [[0, 1]], precisions: [[[1]]] } }),
      /shape/,
    );
    assert.throws(
      () => gaussianMixture(X, { k: 1, init: { weights: [1], means: [[0]], precisions: [[[-1]]] } }),
      /positive definite/,
    );
    assert.throws(
      () => gaussianMixture(X, { k: 1, init: { weights: [1], means: [[0]] } }),
      /precisions or covariances/,
    );
    // collinear points: a singular covariance without regCovar
    assert.throws(
      () =>
        gaussianMixture(
          [
            [0, 0],
            [1, 1],
            [2, 2],
          ],
          { k: 1, regCovar: 0 },
        ),
      /ill-defined/,
    );
    assert.throws(() => gmmPredictProba(gaussianMixture(X, { k: 1 }), [[0, 1]]), /features/);
  });
});

describe("gaussianMixture on a typed matrix", () => {
  const c = modelsFixture.gmm[0]!;
  const X = modelsFixture.data[c.data]!;
  const typed = matrix(Float64Array.from(X.flat()), [X.length, X[0]!.length]);

  it("gives the same model as number[][] rows, for every covariance type", () => {
    for (const covarianceType of ["full", "tied", "diag", "spherical"] as const) {
      const options = { k: 3, covarianceType, nInit: 2, seed: 1 };
      assert.deepEqual(gaussianMixture(typed, options), gaussianMixture(X, options));
    }
  });

  it("from sklearn's initial parameters, sklearn's likelihood; gmmPredictProba takes typed rows", () => {
    const model = gaussianMixture(typed, { k: c.k, covarianceType: c.covarianceType, init: c.init as never });
    assertClose(model.logLikelihood, c.fit.score, 1e-6);
    assert.deepEqual(model.labels, c.fit.labels);
    assert.deepEqual(gmmPredictProba(model, typed), gmmPredictProba(model, X));
  });

  it("rejects a bad shape or a NaN, naming gaussianMixture", () => {
    const bad = { data: new Float64Array(5), nSamples: 3, nFeatures: 2 };
    assert.throws(() => gaussianMixture(bad, { k: 1 }), /gaussianMixture: X.data has 5 values/);
    const nan = matrix(new Float64Array([0, 1, NaN, 3]), [2, 2]);
    assert.throws(() => gaussianMixture(nan, { k: 1 }), /gaussianMixture: X\[1\]\[0\] = NaN is not a finite number/);
  });
});
