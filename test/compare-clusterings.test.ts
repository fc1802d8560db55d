import assert from "node:assert/strict";
import { test } from "node:test";
import { compareClusterings } from "../src/evaluate/compare-clusterings";
import { silhouetteScore } from "../src/evaluate/silhouette";
import { assertClose } from "./helpers/assert-close";

const X = [[0], [1], [10], [11], [50]];

test("compareClusterings: sizes, noise left out of the indices, ARI matrix", () => {
  const { rows, ari } = compareClusterings(X, [
    { name: "three", labels: [0, 0, 1, 1, 2] },
    { name: "noise", labels: [0, 0, 1, 1, -1] },
  ]);
  assert.deepEqual(
    rows.map((r) => [r.method, r.clusters, r.noise, r.sizes]),
    [
      ["three", 3, 0, "2 / 2 / 1"],
      ["noise", 2, 1, "2 / 2"],
    ],
  );
  // The noise row scores only the first four samples.
  assertClose(rows[1]!.silhouette, silhouetteScore(X.slice(0, 4), [0, 0, 1, 1]));
  assert.equal(ari[0]![0], 1);
  assert.equal(ari[0]![1], ari[1]![0]);
  assert.equal(ari[0]![1], 1); // the same partition: noise is one more label, here the singleton {4}
});

test("compareClusterings: NaN indices for a single cluster, errors on bad input", () => {
  const { rows } = compareClusterings(X, [{ name: "one", labels: [0, 0, 0, 0, 0] }]);
  assert.ok(
    Number.isNaN(rows[0]!.silhouette) &&
      Number.isNaN(rows[0]!.daviesBouldin) &&
      Number.isNaN(rows[0]!.calinskiHarabasz),
  );
  assert.throws(() => compareClusterings(X, []), /clusterings is empty/);
  assert.throws(() => compareClusterings(X, [{ name: "short", labels: [0] }]), /labels has length 1/);
});
