import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pca, pcaTransform } from "../src/reduce";
import { standardScale } from "../src/preprocess";
import { assertClose } from "./helpers/assert-close";
import { assertMatrixMatches, core } from "./helpers/core-fixture";
import { mallFeatures } from "./helpers/mall";

const X = mallFeatures().age_income_spending;
const datasets: Record<string, number[][]> = {
  age_income_spending: X,
  age_income_spending_std: standardScale(X).X,
};

describe("PCA matches scikit-learn (including component signs)", () => {
  for (const [name, data] of Object.entries(datasets)) {
    for (const n of ["all", 2] as const) {
      it(`${name}, components=${n}`, () => {
        const ref = core.pca[`${name}_${n}`]!;
        const r = pca(data, n === "all" ? {} : { components: n });
        // loadings are compared with an absolute floor of 1e-12; scores through their column checksums
        assertClose(r.explainedVariance, ref.explained_variance, 1e-9);
        assertClose(r.explainedVarianceRatio, ref.explained_variance_ratio, 1e-9);
        assertClose(r.mean, ref.mean, 1e-12);
        assertClose(r.components, ref.components, 1e-9, 1e-12);
        assertMatrixMatches(r.scores, ref.scores, 1e-9);
      });
    }
  }
});

describe("PCA behaviour", () => {
  it("hand-computed: two points on the diagonal", () => {
    // mean (1, 1); centred (−1, −1), (1, 1): one direction (1, 1)/√2 with variance (2 + 2)/(2 − 1) = 4
    const r = pca([
      [0, 0],
      [2, 2],
    ]);
    assertClose(r.components[0]!, [Math.SQRT1_2, Math.SQRT1_2]);
    assertClose(r.explainedVariance, [4, 0]);
    assert.deepEqual(r.explainedVarianceRatio, [1, 0]);
    assertClose(
      r.scores.map((s) => s[0]!),
      [-Math.SQRT2, Math.SQRT2],
    );
    assertClose(pcaTransform(r, [[3, 3]])[0]![0]!, 2 * Math.SQRT2);
  });
  it("pcaTransform of the training rows gives the scores; the model survives JSON", () => {
    const r = pca(X, { components: 2 });
    const model = JSON.parse(
      JSON.stringify({
        components: r.components,
        explainedVariance: r.explainedVariance,
        explainedVarianceRatio: r.explainedVarianceRatio,
        mean: r.mean,
      }),
    );
    assertClose(pcaTransform(model, X), r.scores, 1e-12, 1e-9);
  });
  it("rejects bad arguments", () => {
    assert.throws(() => pca([[1, 2]]), { name: "ArgumentError", message: "pca: needs nSamples >= 2, got 1" });
    assert.throws(
      () => pca(X, { components: 4 }),
      /pca: components=4 must be an integer in \[1, min\(nSamples, nFeatures\)=3\]/,
    );
    assert.throws(() => pca(X, { components: 0 }), /pca: components=0/);
    assert.throws(
      () =>
        pca([
          [1, NaN],
          [2, 3],
        ]),
      /pca: X\[0\]\[1\] = NaN/,
    );
    assert.throws(() => pcaTransform(pca(X), [[1, 2]]), /pcaTransform: rows have 2 features, the PCA was fitted on 3/);
  });
});
