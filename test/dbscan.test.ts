import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dbscan } from "../src/cluster/dbscan";
import { kDistances } from "../src/cluster/k-distances";
import { ArgumentError } from "../src/core/errors";
import { assertClose } from "./helpers/assert-close";
import { modelsFixture } from "./helpers/models-fixture";

describe("dbscan", () => {
  it("labels a hand-made example", () => {
    // 0,1,2 each have 2+ points within 1.5 (core); 10,11 likewise; 50 is alone → noise
    assert.deepEqual(dbscan([[0], [1], [2], [10], [11], [50]], { eps: 1.5, minSamples: 2 }), {
      labels: [0, 0, 0, 1, 1, -1],
      coreSampleIndices: [0, 1, 2, 3, 4],
    });
  });

  it("gives a border point to the first cluster that reaches it, and counts the point itself", () => {
    const X = [[0], [0.5], [1], [2], [2.5], [3]];
    const { labels, coreSampleIndices } = dbscan(X, { eps: 0.6, minSamples: 3 });
    // eps=0.6, minSamples=3 (self included): only 0.5 ({0, 0.5, 1}) and 2.5 ({2, 2.5, 3}) are core;
    // 0 and 1 are border points of cluster 0, 2 and 3 of cluster 1 (1 and 2 are 1 apart: not linked)
    assert.deepEqual(coreSampleIndices, [1, 4]);
    assert.deepEqual(labels, [0, 0, 0, 1, 1, 1]);
    // a distance exactly equal to eps counts as a neighbour
    assert.deepEqual(dbscan([[0], [1]], { eps: 1, minSamples: 2 }).labels, [0, 0]);
  });

  for (const c of modelsFixture.dbscan) {
    it(`matches sklearn on ${c.data} eps=${c.eps} minSamples=${c.minSamples}`, () => {
      const result = dbscan(modelsFixture.data[c.data]!, { eps: c.eps, minSamples: c.minSamples });
      assert.deepEqual(result.labels, c.labels);
      assert.deepEqual(result.coreSampleIndices, c.coreSampleIndices);
    });
  }

  it("rejects bad arguments", () => {
    assert.throws(() => dbscan([[0]], { eps: 0 }), /eps=0 must be a finite number > 0/);
    assert.throws(() => dbscan([[0]], { eps: -1 }), ArgumentError);
    assert.throws(() => dbscan([[0]], { eps: Infinity }), ArgumentError);
    assert.throws(() => dbscan([[0]], { eps: 1, minSamples: 0 }), /minSamples=0/);
    assert.throws(() => dbscan([[0]], { eps: 1, minSamples: 1.5 }), ArgumentError);
    assert.throws(() => dbscan([], { eps: 1 }), ArgumentError);
    assert.throws(() => dbscan([[Infinity]], { eps: 1 }), ArgumentError);
  });
});

describe("kDistances", () => {
  it("counts the point itself as its first neighbour", () => {
    // 2nd-nearest including self: 0 → 1 (dist 1), 1 → 0 (1), 3 → 1 (2)
    assert.deepEqual(kDistances([[0], [1], [3]], 2), [1, 1, 2]);
    assert.deepEqual(kDistances([[0], [1], [3]], 1), [0, 0, 0]);
  });

  for (const c of modelsFixture.kDistances) {
    it(`matches sklearn NearestNeighbors(n_neighbors=${c.k}) on ${c.data}`, () => {
      assertClose(kDistances(modelsFixture.data[c.data]!, c.k), c.distances, 1e-12, 1e-12);
    });
  }

  it("rejects bad arguments", () => {
    assert.throws(() => kDistances([[0], [1]], 3), /k=3 must be an integer in 1..nSamples=2/);
    assert.throws(() => kDistances([[0], [1]], 0), ArgumentError);
    assert.throws(() => kDistances([[0], [NaN]], 1), ArgumentError);
  });
});
