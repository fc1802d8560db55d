import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  adjustedRandScore,
  calinskiHarabaszScore,
  daviesBouldinScore,
  inertia,
  silhouetteSamples,
  silhouetteScore,
} from "../src/evaluate";
import { assertClose } from "./helpers/assert-close";
import { core } from "./helpers/core-fixture";
import { mallFeatures } from "./helpers/mall";

const features = mallFeatures();
const dataFor: Record<string, number[][]> = {
  mall_k5: features.income_spending,
  mall_gender: features.income_spending,
  mall_age_band_3d: features.age_income_spending,
  blobs: core.metrics.blobs!.X!,
};

describe("metrics match scikit-learn on fixed labellings", () => {
  for (const [name, ref] of Object.entries(core.metrics)) {
    const X = dataFor[name]!;
    it(name, () => {
      assertClose(silhouetteSamples(X, ref.labels), ref.silhouette_samples, 1e-9, 1e-12);
      assertClose(silhouetteScore(X, ref.labels), ref.silhouette_score, 1e-9);
      assertClose(daviesBouldinScore(X, ref.labels), ref.davies_bouldin, 1e-9);
      assertClose(calinskiHarabaszScore(X, ref.labels), ref.calinski_harabasz, 1e-9);
      assertClose(inertia(X, ref.labels), ref.inertia, 1e-9);
    });
  }
  it("adjusted Rand index", () => {
    const k5 = core.metrics.mall_k5!.labels;
    const gender = core.metrics.mall_gender!.labels;
    const ageBand = core.metrics.mall_age_band_3d!.labels;
    assertClose(adjustedRandScore(k5, gender), core.ari.k5_vs_gender!, 1e-9);
    assertClose(adjustedRandScore(k5, ageBand), core.ari.k5_vs_age_band!, 1e-9);
    assertClose(adjustedRandScore(gender, ageBand), core.ari.gender_vs_age_band!, 1e-9);
    assertClose(adjustedRandScore(core.metrics.blobs!.labels, k5.slice(0, 60)), core.ari.blobs_vs_k5_first60!, 1e-9);
  });
});

describe("metric edge cases (hand-computed)", () => {
  // Points 0, 1, 4 with labels 0, 0, 1.
  // sample 0: a = 1 (to 1), b = 4 (to 4) → (4 - 1) / 4 = 0.75
  // sample 1: a = 1, b = 3 → (3 - 1) / 3 = 2/3
  // sample 2: alone in its cluster → 0
  const X = [[0], [1], [4]];
  it("silhouette: singleton cluster scores 0; the score is the mean of the samples", () => {
    assertClose(silhouetteSamples(X, [0, 0, 1]), [0.75, 2 / 3, 0]);
    assertClose(silhouetteScore(X, [0, 0, 1]), (0.75 + 2 / 3) / 3);
  });
  it("silhouette: label values need not be 0..k-1 (encoded like scikit-learn)", () => {
    assertClose(silhouetteSamples(X, [7, 7, -1]), [0.75, 2 / 3, 0]);
  });
  it("silhouette: 0/0 (duplicate points in different clusters) is 0", () => {
    // points (0, 0, 0, 0) in clusters 0,0,1,1: every a = b = 0
    assert.deepEqual(silhouetteSamples([[0], [0], [0], [0]], [0, 0, 1, 1]), [0, 0, 0, 0]);
  });
  it("silhouette sampleSize: the whole set equals the full score; a sample is seeded", () => {
    const { labels } = core.metrics.mall_k5!;
    const Xm = features.income_spending;
    assert.equal(silhouetteScore(Xm, labels, { sampleSize: 200 }), silhouetteScore(Xm, labels));
    const a = silhouetteScore(Xm, labels, { sampleSize: 80, seed: 5 });
    assert.equal(a, silhouetteScore(Xm, labels, { sampleSize: 80, seed: 5 }));
    assert.notEqual(a, silhouetteScore(Xm, labels));
    assert.ok(Math.abs(a - core.metrics.mall_k5!.silhouette_score) < 0.1);
  });
  it("Davies–Bouldin and Calinski–Harabasz on two pairs", () => {
    // clusters {0, 2} and {10, 12}: centroids 1 and 11, dispersions 1 and 1 → DB = (1 + 1) / 10 = 0.2
    // overall mean 6: B = 2·25 + 2·25 = 100, W = 4 → CH = (100 / 1) / (4 / 2) = 50
    const P = [[0], [2], [10], [12]];
    assertClose(daviesBouldinScore(P, [0, 0, 1, 1]), 0.2);
    assertClose(calinskiHarabaszScore(P, [0, 0, 1, 1]), 50);
    // W = 0 → CH = 1 and all dispersions 0 → DB = 0 (scikit-learn's conventions)
    assert.equal(calinskiHarabaszScore([[0], [0], [5]], [0, 0, 1]), 1);
    assert.equal(daviesBouldinScore([[0], [0], [5]], [0, 0, 1]), 0);
  });
  it("ARI: 1 for the same partition under other numbers, -0.5 for the crossed one", () => {
    assert.equal(adjustedRandScore([0, 0, 1, 1], [1, 1, 0, 0]), 1);
    // contingency all 1s: Σn²=4, tp = 4 − 4 = 0, fp = fn = 4·2 − 4 = 4, tn = 16 − 4 − 4 − 4 = 4
    // ARI = 2(0·4 − 4·4) / ((0+4)(4+4) + (0+4)(4+4)) = −32/64 = −0.5
    assert.equal(adjustedRandScore([0, 0, 1, 1], [0, 1, 0, 1]), -0.5);
    assert.equal(adjustedRandScore([], []), 1);
  });
  it("inertia with given centroids", () => {
    // centres 0 and 10: squared distances 0, 4, 0, 4 → 8
    assert.equal(inertia([[0], [2], [10], [12]], [0, 0, 1, 1], [[0], [10]]), 8);
    assert.equal(inertia([[0], [2], [10], [12]], [0, 0, 1, 1]), 4);
  });
});

describe("metric arguments", () => {
  const X = [[0], [1], [4]];
  it("a single cluster, or one cluster per sample, is rejected", () => {
    assert.throws(() => silhouetteScore(X, [0, 0, 0]), {
      name: "ArgumentError",
      message: /^silhouetteScore: needs 2 <= nClusters <= nSamples-1, got 1/,
    });
    assert.throws(
      () => silhouetteSamples(X, [0, 1, 2]),
      /silhouetteSamples: needs 2 <= nClusters <= nSamples-1, got 3/,
    );
    assert.throws(() => daviesBouldinScore(X, [0, 0, 0]), /daviesBouldinScore: needs 2 <= nClusters/);
    assert.throws(() => calinskiHarabaszScore(X, [1, 1, 1]), /calinskiHarabaszScore: needs 2 <= nClusters/);
  });
  it("labels of the wrong length, bad labels and bad X are rejected", () => {
    assert.throws(() => silhouetteScore(X, [0, 1]), {
      name: "ArgumentError",
      message: /silhouetteScore: labels has length 2, X has 3 rows/,
    });
    assert.throws(() => adjustedRandScore([0, 1], [0]), /adjustedRandScore: a has length 2, b has length 1/);
    assert.throws(() => inertia(X, [0, 1, -1]), /inertia: labels\[2\] = -1 \(noise\) has no centre/);
    assert.throws(() => inertia(X, [0, 1, 2], [[0], [1]]), /inertia: label 2 has no centroid/);
    assert.throws(() => daviesBouldinScore([[0], [NaN], [1]], [0, 1, 1]), /daviesBouldinScore: X\[1\]\[0\] = NaN/);
    assert.throws(() => silhouetteScore(X, [0, 0, 1], { sampleSize: 4 }), /silhouetteScore: sampleSize=4/);
  });
});
