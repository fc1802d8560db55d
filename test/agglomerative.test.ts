import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { agglomerative, cutTree } from "../src/cluster/agglomerative";
import { ArgumentError } from "../src/core/errors";
import { adjustedRandScore as ari } from "../src/evaluate/adjusted-rand";
import { assertClose } from "./helpers/assert-close";
import { modelsFixture } from "./helpers/models-fixture";

/** One agglomerative run per fixture case (agnes is O(n³)), cut at k = 4. */
const trees = new Map<object, ReturnType<typeof agglomerative>>();
function treeOf(c: (typeof modelsFixture.agglomerative)[number]): ReturnType<typeof agglomerative> {
  if (!trees.has(c)) trees.set(c, agglomerative(modelsFixture.data[c.data]!, { k: 4, linkage: c.linkage }));
  return trees.get(c)!;
}

describe("agglomerative", () => {
  it("builds the linkage matrix of a hand-made example", () => {
    // single linkage on 0, 1, 10, 11: {0,1} and {2,3} join at 1 (tie: smallest leaf first), then at 10 − 1 = 9
    const { labels, merges } = agglomerative([[0], [1], [10], [11]], { k: 2, linkage: "single" });
    assert.deepEqual(merges, [
      [0, 1, 1, 2],
      [2, 3, 1, 2],
      [4, 5, 9, 4],
    ]);
    assert.deepEqual(labels, [0, 0, 1, 1]);
  });

  it("computes Ward heights on the Euclidean scale", () => {
    // points 0, 2, 10: {0,2} at distance 2; Ward(10, {0,2}) = sqrt(2·1·2/3)·|10 − 1| = sqrt(4/3)·9
    const { merges } = agglomerative([[0], [2], [10]], { k: 1, linkage: "ward" });
    assertClose(merges[1]![2], Math.sqrt(4 / 3) * 9, 1e-12);
  });

  // The raw income × spending data are integers with many tied distances: agnes and scipy then merge
  // equal pairs in another order, and later complete/average heights depend on that order (the
  // partitions at k = 2..8 still agree). Heights are compared everywhere else, including the jittered
  // copy of the same data, which has no ties.
  const tieAffected = new Set(["income_spending complete", "income_spending average"]);
  for (const c of modelsFixture.agglomerative) {
    const X = modelsFixture.data[c.data]!;
    if (tieAffected.has(`${c.data} ${c.linkage}`)) continue;
    it(`${c.linkage} on ${c.data}: heights equal scipy's linkage`, () => {
      const { merges } = treeOf(c);
      assert.equal(merges.length, X.length - 1);
      // compare sorted heights: equal heights may be merged in another order
      const ours = merges.map((row) => row[2]).sort((a, b) => a - b);
      const scipy = c.Z.map((row) => row[2]!).sort((a, b) => a - b);
      assertClose(ours, scipy, 1e-9, 1e-9);
      assert.equal(merges.at(-1)![3], X.length);
      if (c.data === "income_spending_jitter") {
        // no ties: the same merges in the same order, with scipy's cluster ids
        assert.deepEqual(
          merges.map(([a, b, , size]) => [a, b, size]),
          c.Z.map(([a, b, , size]) => [a, b, size]),
        );
      }
    });
  }
  for (const c of modelsFixture.agglomerative) {
    if (Object.keys(c.labels).length === 0) continue;
    it(`${c.linkage} on ${c.data}: k=2..8 give sklearn's partitions (ARI = 1)`, () => {
      // one tree cut at every k; agglomerative's own labels (k = 4) are that cut
      const { labels: labels4, merges } = treeOf(c);
      assert.deepEqual(cutTree(merges, 4), labels4);
      for (const [k, expected] of Object.entries(c.labels)) {
        const labels = cutTree(merges, Number(k));
        assert.equal(ari(labels, expected), 1, `k=${k}`);
        assert.equal(new Set(labels).size, Number(k));
      }
    });
  }

  it("cutTree on the linkage matrix agrees with the labels", () => {
    const X = modelsFixture.data.income_spending!;
    const { labels, merges } = agglomerative(X, { k: 5, linkage: "ward" });
    assert.deepEqual(cutTree(merges, 5), labels);
    assert.deepEqual(new Set(cutTree(merges, 1)), new Set([0]));
    assert.deepEqual(
      cutTree(merges, X.length),
      X.map((_, i) => i),
    );
    assert.equal(labels[0], 0);
  });

  it("handles a single sample", () => {
    assert.deepEqual(agglomerative([[1, 2]], { k: 1 }), { labels: [0], merges: [] });
  });

  it("rejects bad arguments", () => {
    assert.throws(() => agglomerative([[0], [1]], { k: 0 }), ArgumentError);
    assert.throws(() => agglomerative([[0], [1]], { k: 3 }), /k=3 must be an integer in 1..nSamples=2/);
    assert.throws(() => agglomerative([[0], [NaN]], { k: 1 }), ArgumentError);
    assert.throws(() => agglomerative([[0, 1], [1]], { k: 1 }), ArgumentError);
    assert.throws(() => agglomerative([], { k: 1 }), ArgumentError);
    assert.throws(() => agglomerative([[0], [1]], { k: 1, linkage: "centroid" as "ward" }), /unknown linkage/);
    assert.throws(() => cutTree([[0, 5, 1, 2]], 1), ArgumentError);
  });
});
