/**
 * Typed-matrix input (`{ data: Float64Array, nSamples, nFeatures }`, built with `matrix`): k-means and prediction
 * give exactly the results of number[][] rows, reach scikit-learn's optimum on the Mall data, and reject bad
 * shapes and non-finite values with named errors.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { kmeans, predictNearest } from "../src/cluster";
import { ArgumentError } from "../src/core/errors";
import { matrix, type FlatMatrix } from "../src/core/matrix";
import { seededRandom } from "../src/core/random";
import { adjustedRandScore } from "../src/evaluate";
import { assertClose } from "./helpers/assert-close";
import { core } from "./helpers/core-fixture";
import { mallFeatures } from "./helpers/mall";

/** Rows as a typed matrix, over an ordinary or a shared buffer, at `offset` values into it. */
function typed(X: number[][], shared = false, offset = 0): FlatMatrix {
  const d = X[0]!.length;
  const size = (offset + X.length * d) * Float64Array.BYTES_PER_ELEMENT;
  const buffer = shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size);
  const data = new Float64Array(buffer, offset * Float64Array.BYTES_PER_ELEMENT, X.length * d);
  X.forEach((row, i) => data.set(row, i * d));
  return matrix(data, [X.length, d]);
}

const mall = mallFeatures().age_income_spending;
const gen = seededRandom(3);
// 60,000 × 3, k = 5: nSamples · k >= 250,000, so the assignment runs on worker threads when threads > 1
const large = Array.from({ length: 60_000 }, () => [gen(), gen() * 2, gen() * 3]);

describe("k-means on a typed matrix", () => {
  it("gives the same result as number[][] rows (k-means++, random, explicit init)", () => {
    for (const init of ["k-means++", "random", mall.slice(0, 4)] as const) {
      const options = { k: 4, nInit: 3, seed: 7, init };
      assert.deepEqual(kmeans(typed(mall), options), kmeans(mall, options));
    }
  });

  it("on worker threads: the same result from an ordinary, a shared and an offset shared buffer", () => {
    const options = { k: 5, nInit: 1, seed: 1, threads: 2 };
    const expected = kmeans(large, options);
    assert.deepEqual(kmeans(typed(large), options), expected);
    assert.deepEqual(kmeans(typed(large, true), options), expected);
    assert.deepEqual(kmeans(typed(large, true, 3), options), expected);
    assert.deepEqual(kmeans(typed(large), { ...options, threads: 1 }), expected);
  });

  it("reaches scikit-learn's best-known optimum on the Mall data", () => {
    const ref = core.kmeans.age_income_spending!["5"]!;
    const result = kmeans(typed(mall), { k: 5, nInit: 10, seed: 0 });
    assertClose(result.inertia, ref.inertia, 1e-6);
    assert.equal(adjustedRandScore(result.labels, ref.labels), 1);
  });

  it("leaves the data as it was", () => {
    const X = typed(mall);
    const before = X.data.slice();
    kmeans(X, { k: 3, seed: 0 });
    assert.deepEqual(X.data, before);
  });

  it("predictNearest takes typed rows too", () => {
    const { centroids, labels } = kmeans(mall, { k: 5, seed: 0 });
    assert.deepEqual(predictNearest(centroids, typed(mall)), labels);
    assert.throws(() => predictNearest(centroids, matrix(new Float64Array(4), [2, 2])), /rows have 2 features/);
  });
});

describe("typed matrices are validated", () => {
  it("matrix: the length must be nSamples · nFeatures, both integers >= 1", () => {
    assert.throws(
      () => matrix(new Float64Array(5), [2, 3]),
      /matrix: X.data has 5 values, need nSamples·nFeatures = 2·3 = 6/,
    );
    assert.throws(() => matrix(new Float64Array(0), [0, 3]), /matrix: nSamples=0 must be an integer >= 1/);
    assert.throws(() => matrix(new Float64Array(3), [1.5, 2]), /nSamples=1.5/);
    assert.throws(() => matrix([1, 2] as unknown as Float64Array, [1, 2]), /matrix: X.data must be a Float64Array/);
    const data = new Float64Array([1, 2, 3, 4]);
    assert.equal(matrix(data, [2, 2]).data, data); // shared, not copied
  });

  it("kmeans: bad shape, NaN and ±Infinity name the function and the value", () => {
    const bad = { data: new Float64Array(7), nSamples: 4, nFeatures: 2 };
    assert.throws(() => kmeans(bad, { k: 2 }), /kmeans: X.data has 7 values, need nSamples·nFeatures = 4·2 = 8/);
    const X = matrix(new Float64Array([0, 1, 2, 3, 4, 5]), [3, 2]);
    X.data[3] = NaN;
    assert.throws(() => kmeans(X, { k: 2 }), /kmeans: X\[1\]\[1\] = NaN is not a finite number/);
    X.data[3] = 3;
    X.data[4] = -Infinity;
    assert.throws(() => kmeans(X, { k: 2 }), /kmeans: X\[2\]\[0\] = -Infinity is not a finite number/);
    X.data[4] = 4;
    assert.throws(() => kmeans(X, { k: 4 }), /kmeans: nSamples=3 must be >= k=4/);
    assert.throws(() => kmeans({ data: new Float64Array(0), nSamples: 0, nFeatures: 2 }, { k: 1 }), ArgumentError);
  });
});
