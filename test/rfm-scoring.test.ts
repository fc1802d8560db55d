import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { clusterRfm, rfmLogMatrix } from "../src/rfm/cluster-rfm";
import { compareGroupings, summarizeRfmGroups } from "../src/rfm/compare-groupings";
import { quantileScores, rfmScores } from "../src/rfm/scoring";
import { fmScore, RFM_SEGMENT_ACTIONS, RFM_SEGMENT_GRID, RFM_SEGMENTS, rfmSegment } from "../src/rfm/segments";
import { assertClose } from "./helpers/assert-close";

describe("quantileScores", () => {
  test("NTILE(5) bin sizes: 7 rows → 2, 2, 1, 1, 1", () => {
    assert.deepEqual(quantileScores([10, 20, 30, 40, 50, 60, 70]), [1, 1, 2, 2, 3, 4, 5]);
    assert.deepEqual(quantileScores([70, 10, 50, 30, 20, 60, 40]), [5, 1, 3, 2, 1, 4, 2]);
  });

  test("invert gives the smallest values 5 (recency)", () => {
    assert.deepEqual(quantileScores([10, 20, 30, 40, 50, 60, 70], { invert: true }), [5, 4, 3, 2, 2, 1, 1]); // NTILE over descending values: 70,60 → 1; 50,40 → 2; 30 → 3; 20 → 4; 10 → 5
  });

  test("10 rows: two per quintile", () => {
    assert.deepEqual(quantileScores([9, 0, 8, 1, 7, 2, 6, 3, 5, 4]), [5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
  });

  test('ties "first" split equal values at an edge by input position; "min" gives the run its lowest score', () => {
    const values = [1, 1, 1, 1, 2, 2, 3, 4, 5, 6];
    // sorted positions 0..9 → NTILE 1,1,2,2,3,3,4,4,5,5; the four 1s straddle the 1|2 edge
    assert.deepEqual(quantileScores(values, { ties: "first" }), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    assert.deepEqual(quantileScores(values, { ties: "min" }), [1, 1, 1, 1, 3, 3, 4, 4, 5, 5]);
    // the default keeps ties together, so the score of equal values does not depend on their order
    assert.deepEqual(quantileScores(values), quantileScores(values, { ties: "min" }));
    assert.deepEqual(quantileScores([...values].reverse()), [5, 5, 4, 4, 3, 3, 1, 1, 1, 1]);
    assert.deepEqual(
      rfmScores(values.map((v) => ({ recency_days: 1, frequency: v, monetary: v }))).map((s) => s.F),
      [1, 1, 1, 1, 3, 3, 4, 4, 5, 5],
    );
  });

  test("ties with invert: the equal most-recent customers", () => {
    // descending order: 4 (pos 0 → 1), 3 (→ 2), 2 (→ 3), the 1 at index 0 (→ 4), the 1 at index 1 (→ 5)
    assert.deepEqual(quantileScores([1, 1, 2, 3, 4], { invert: true, ties: "first" }), [4, 5, 3, 2, 1]);
    assert.deepEqual(quantileScores([1, 1, 2, 3, 4], { invert: true, ties: "min" }), [4, 4, 3, 2, 1]);
  });

  test("fewer rows than bins: one row per bin from 1", () => {
    assert.deepEqual(quantileScores([3, 1, 2]), [3, 1, 2]);
    assert.deepEqual(quantileScores([]), []);
  });

  test("bad arguments", () => {
    assert.throws(() => quantileScores([1, NaN]), /quantileScores: values\[1\]=NaN/);
    assert.throws(() => quantileScores([1], { bins: 0 }), ArgumentError);
  });

  test("rfmScores on a hand-made table of 5 customers", () => {
    const table = [
      { recency_days: 1, frequency: 9, monetary: 500 },
      { recency_days: 300, frequency: 1, monetary: 10 },
      { recency_days: 30, frequency: 3, monetary: 80 },
      { recency_days: 90, frequency: 2, monetary: 40 },
      { recency_days: 10, frequency: 5, monetary: 200 },
    ];
    assert.deepEqual(rfmScores(table), [
      { R: 5, F: 5, M: 5 },
      { R: 1, F: 1, M: 1 },
      { R: 3, F: 3, M: 3 },
      { R: 2, F: 2, M: 2 },
      { R: 4, F: 4, M: 4 },
    ]);
  });
});

describe("RFM segment rule table", () => {
  test("fmScore rounds the mean of F and M half up", () => {
    assert.deepEqual([fmScore(1, 1), fmScore(1, 2), fmScore(3, 4), fmScore(2, 5), fmScore(5, 5)], [1, 2, 4, 4, 5]);
  });

  test("named cells", () => {
    assert.equal(rfmSegment({ R: 5, F: 5, M: 5 }), "Champions");
    assert.equal(rfmSegment({ R: 5, F: 4, M: 3 }), "Champions"); // FM = round(3.5) = 4
    assert.equal(rfmSegment({ R: 5, F: 1, M: 1 }), "New Customers");
    assert.equal(rfmSegment({ R: 4, F: 1, M: 1 }), "Promising");
    assert.equal(rfmSegment({ R: 4, F: 4, M: 5 }), "Loyal Customers");
    assert.equal(rfmSegment({ R: 4, F: 2, M: 3 }), "Potential Loyalist");
    assert.equal(rfmSegment({ R: 3, F: 3, M: 3 }), "Need Attention");
    assert.equal(rfmSegment({ R: 3, F: 1, M: 2 }), "About To Sleep");
    assert.equal(rfmSegment({ R: 2, F: 3, M: 4 }), "At Risk");
    assert.equal(rfmSegment({ R: 1, F: 5, M: 5 }), "Can't Lose Them");
    assert.equal(rfmSegment({ R: 2, F: 1, M: 2 }), "Hibernating");
    assert.equal(rfmSegment({ R: 1, F: 1, M: 1 }), "Lost");
  });

  test("the grid uses all eleven segments, and every one has an action", () => {
    const used = new Set(Object.values(RFM_SEGMENT_GRID).flat());
    assert.deepEqual([...used].sort(), [...RFM_SEGMENTS].sort());
    for (const s of RFM_SEGMENTS) assert.ok(RFM_SEGMENT_ACTIONS[s].length > 10, s);
  });

  test("more recent never means a worse segment at the same FM (rank order of RFM_SEGMENTS, Lost last)", () => {
    // Within a column, moving from R=1 up to R=5 never lands on Lost/Hibernating above an active segment.
    for (let fm = 0; fm < 5; fm++) {
      const column = ([1, 2, 3, 4, 5] as const).map((r) => RFM_SEGMENT_GRID[r][fm]!);
      assert.ok(!column.slice(2).some((s) => s === "Lost" || s === "Hibernating"), `FM=${fm + 1}: ${column}`);
    }
  });

  test("scores out of 1..5 are rejected", () => {
    assert.throws(() => rfmSegment({ R: 0, F: 1, M: 1 }), /rfmSegment: R=0 must be an integer in 1..5/);
    assert.throws(() => rfmSegment({ R: 1, F: 2.5, M: 1 }), ArgumentError);
  });
});

describe("RFM clustering and comparison", () => {
  test("compareGroupings: crosstab and ARI", () => {
    const a = ["x", "x", "y", "y", "z"];
    const b = [1, 1, 0, 0, 0];
    const cmp = compareGroupings(a, b, ["z", "y"]);
    assert.deepEqual(cmp.rows, ["z", "y", "x"]);
    assert.deepEqual(cmp.columns, [0, 1]);
    assert.deepEqual(cmp.counts, [
      [1, 0],
      [2, 0],
      [0, 2],
    ]);
    // sklearn adjusted_rand_score(['x','x','y','y','z'], [1,1,0,0,0]) = 0.5454…
    // pairs: sum C(n_ij,2) = 1+1 = 2; rows 1+1+0 = 2; cols C(3,2)+C(2,2) = 4; expected 2·4/10 = 0.8; max 3
    assertClose(cmp.ari, (2 - 0.8) / (3 - 0.8), 1e-12);
    assert.equal(compareGroupings(["a", "b"], [5, 7]).ari, 1);
    assert.throws(() => compareGroupings(["a"], [1, 2]), ArgumentError);
  });

  test("summarizeRfmGroups: sizes, means and revenue shares", () => {
    const customers = [
      { recency_days: 10, frequency: 2, monetary: 100 },
      { recency_days: 20, frequency: 4, monetary: 300 },
      { recency_days: 100, frequency: 1, monetary: 100 },
    ];
    const s = summarizeRfmGroups(customers, ["A", "A", "B"]);
    assert.deepEqual(
      s.map((g) => [
        g.group,
        g.customers,
        g.meanRecencyDays,
        g.meanFrequency,
        g.meanMonetary,
        g.revenue,
        g.revenueShare,
      ]),
      [
        ["A", 2, 15, 3, 200, 400, 0.8],
        ["B", 1, 100, 1, 100, 100, 0.2],
      ],
    );
  });

  test("rfmLogMatrix takes natural logs and rejects non-positive values", () => {
    assertClose(
      rfmLogMatrix([{ recency_days: 1, frequency: Math.E, monetary: 100 }])[0]!,
      [0, 1, Math.log(100)],
      1e-15,
    );
    assert.throws(
      () => rfmLogMatrix([{ recency_days: 1, frequency: 1, monetary: 0 }]),
      /customers\[0\].monetary=0 must be > 0/,
    );
  });

  test("clusterRfm finds two obvious groups, numbered by mean monetary, deterministically", () => {
    const high = Array.from({ length: 6 }, (_, i) => ({
      recency_days: 2 + i,
      frequency: 20 + i,
      monetary: 5000 + 100 * i,
    }));
    const low = Array.from({ length: 6 }, (_, i) => ({ recency_days: 300 + i, frequency: 1, monetary: 10 + i }));
    const customers = [...low.slice(0, 3), ...high, ...low.slice(3)];
    const fit = clusterRfm(customers, { k: 2, seed: 3 });
    assert.deepEqual(fit.labels, [1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    assert.deepEqual(clusterRfm(customers, { k: 2, seed: 3 }), fit);
    // Centres back in original units are geometric means: cluster 1's frequency is exactly 1.
    assertClose(fit.centroidsOriginal[1]![1]!, 1, 1e-12);
    assert.ok(fit.centroidsOriginal[0]![2]! > 5000 && fit.centroidsOriginal[0]![2]! < 5500);
  });
});
