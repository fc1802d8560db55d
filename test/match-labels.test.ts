import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { randomInt, seededRandom } from "../src/core/random";
import { adjustedRandScore } from "../src/evaluate/adjusted-rand";
import { matchLabels } from "../src/evaluate/match-labels";

/** Every permutation of 0..k-1 (the brute-force oracle: k! matchings, fine for k <= 6). */
function permutations(k: number): number[][] {
  if (k === 0) return [[]];
  return permutations(k - 1).flatMap((p) =>
    Array.from({ length: k }, (_, i) => [...p.slice(0, i), k - 1, ...p.slice(i)]),
  );
}

describe("matchLabels", () => {
  test("a relabelled copy of the reference comes back as the reference", () => {
    const reference = [0, 0, 1, 1, 2, 2, 3];
    const permuted = reference.map((v) => [2, 3, 0, 1][v]!);
    const m = matchLabels(permuted, reference);
    assert.deepEqual(m.labels, reference);
    assert.deepEqual(m.mapping, [
      [0, 2],
      [1, 3],
      [2, 0],
      [3, 1],
    ]);
    assert.equal(m.agreement, 7);
  });

  test("the doc examples: an extra cluster gets a fresh number; noise stays", () => {
    assert.deepEqual(matchLabels([1, 1, 0, 0, 2], [0, 0, 1, 1, 1]).labels, [0, 0, 1, 1, 2]);
    assert.deepEqual(matchLabels([5, 5, -1, 7], [1, 1, 0, 0]).labels, [1, 1, -1, 0]);
    // a reference with noise: its negative label is not a cluster to match
    assert.deepEqual(matchLabels([0, 0, 1, 1], [-1, -1, 4, 4]).labels, [5, 5, 4, 4]);
  });

  test("the matching maximises the total overlap, not each cluster's own best (greedy would fail)", () => {
    // cluster 0 overlaps ref 0 most (3) but ref 0 is the only good home of cluster 1 (2 vs 0):
    // greedy 0→0 then 1→1 gives 3 + 0 = 3; the optimum 0→1, 1→0 gives 2 + 2 = 4
    const labels = [0, 0, 0, 0, 0, 1, 1];
    const reference = [0, 0, 0, 1, 1, 0, 0];
    const m = matchLabels(labels, reference);
    assert.equal(m.agreement, 4);
    assert.deepEqual(m.labels, [1, 1, 1, 1, 1, 0, 0]);
  });

  test("agrees with an exhaustive search over all matchings on seeded random labellings", () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 40; trial++) {
      const k = 2 + (trial % 5);
      const n = 30 + randomInt(random, 40);
      const reference = Array.from({ length: n }, () => randomInt(random, k));
      // a noisy copy: 60 % keep their reference cluster (under a relabelling), the rest random
      const relabel = permutations(k)[randomInt(random, permutations(k).length)]!;
      const labels = reference.map((v) => (random() < 0.6 ? relabel[v]! : randomInt(random, k)));
      let best = -1;
      for (const p of permutations(k)) {
        best = Math.max(
          best,
          labels.reduce((s, v, i) => s + (p[v] === reference[i] ? 1 : 0), 0),
        );
      }
      const m = matchLabels(labels, reference);
      assert.equal(m.agreement, best, `trial ${trial}`);
      // only the numbers change: the partition is the same
      assert.equal(adjustedRandScore(m.labels, labels), 1);
    }
  });

  test("bad arguments", () => {
    assert.throws(() => matchLabels([0, 1], [0]), /matchLabels: labels has length 2, reference has length 1/);
    assert.throws(() => matchLabels([0, 0.5], [0, 1]), ArgumentError);
    assert.deepEqual(matchLabels([], []).labels, []);
  });
});
