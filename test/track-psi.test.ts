import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { randomNormal, seededRandom } from "../src/core/random";
import { stabilityBand, worstBand, bandReaches } from "../src/track/bands";
import { categoricalStabilityIndex } from "../src/track/categorical-stability";
import { populationStabilityIndex } from "../src/track/psi";
import { assertClose } from "./helpers/assert-close";
import { haveVenv, trackReference } from "./helpers/track-reference";

const random = seededRandom(11);
const normal = (n: number, mean = 0, sd = 1) => Array.from({ length: n }, () => mean + sd * randomNormal(random));
const integers = (n: number, max: number) => Array.from({ length: n }, () => Math.floor(random() * (max + 1)));

/** Seeded cases that exercise every rule of the definition. */
const cases = [
  {
    name: "normal vs shifted normal",
    reference: normal(1000),
    current: normal(800, 0.3, 1.2),
    bins: 10,
    epsilon: 1e-4,
  },
  { name: "same distribution", reference: normal(2000), current: normal(2000), bins: 10, epsilon: 1e-4 },
  // Integers 0..5: many values sit exactly on an edge (they go to the upper bin) and edges repeat (merged).
  {
    name: "ties at edges, duplicate edges",
    reference: integers(500, 5),
    current: integers(300, 5).map((x) => Math.min(5, x + 1)),
    bins: 10,
    epsilon: 1e-4,
  },
  {
    name: "constant reference",
    reference: new Array(200).fill(7),
    current: [...new Array(150).fill(7), ...normal(50, 7, 2)],
    bins: 10,
    epsilon: 1e-4,
  },
  {
    name: "constant current",
    reference: normal(300, 10, 3),
    current: new Array(100).fill(10),
    bins: 10,
    epsilon: 1e-4,
  },
  // Current entirely above the reference: every bin but the last is empty on the current side.
  { name: "empty bins", reference: normal(400), current: normal(100, 10, 0.1), bins: 10, epsilon: 1e-4 },
  { name: "5 bins, epsilon 1e-3, tiny samples", reference: [3, 1, 2], current: [2, 2, 9, -1], bins: 5, epsilon: 1e-3 },
  {
    name: "20 bins, heavy tail",
    reference: normal(1500).map(Math.exp),
    current: normal(1200, 0.2).map(Math.exp),
    bins: 20,
    epsilon: 1e-4,
  },
];

describe("populationStabilityIndex", () => {
  test("equals numpy's recomputation to 1e-12 (edges, counts, shares, psi)", { skip: !haveVenv && "no .venv" }, () => {
    const expected = trackReference<
      {
        edges: number[];
        referenceCounts: number[];
        currentCounts: number[];
        referenceShares: number[];
        currentShares: number[];
        psi: number;
      }[]
    >("psi", { cases: cases.map(({ reference, current, bins, epsilon }) => ({ reference, current, bins, epsilon })) });
    cases.forEach((c, i) => {
      const got = populationStabilityIndex(c.reference, c.current, { bins: c.bins, epsilon: c.epsilon });
      const e = expected[i]!;
      assert.deepEqual(
        got.bins.slice(1).map((b) => b.lower),
        e.edges,
        `${c.name}: edges`,
      );
      assert.deepEqual(
        got.bins.map((b) => b.referenceCount),
        e.referenceCounts,
        `${c.name}: reference counts`,
      );
      assert.deepEqual(
        got.bins.map((b) => b.currentCount),
        e.currentCounts,
        `${c.name}: current counts`,
      );
      assertClose(
        got.bins.map((b) => b.referenceShare),
        e.referenceShares,
        0,
        1e-15,
        `${c.name}: reference shares`,
      );
      assertClose(
        got.bins.map((b) => b.currentShare),
        e.currentShares,
        0,
        1e-15,
        `${c.name}: current shares`,
      );
      assertClose(got.psi, e.psi, 0, 1e-12, `${c.name}: psi`);
    });
  });

  test("a hand-computed case: one empty bin raised to epsilon", () => {
    // reference [1,2,3,4], 2 bins: edge = median 2.5; shares 0.5 | 0.5. Current [3,4,4,4]: 0 | 1 → 1e-4 | 1.
    // psi = (1e-4 − 0.5)·ln(1e-4/0.5) + (1 − 0.5)·ln(1/0.5) = 0.4999·ln 5000 + 0.5·ln 2
    const r = populationStabilityIndex([1, 2, 3, 4], [3, 4, 4, 4], { bins: 2 });
    assert.deepEqual(
      r.bins.map((b) => [b.lower, b.upper]),
      [
        [-Infinity, 2.5],
        [2.5, Infinity],
      ],
    );
    assertClose(r.psi, 0.4999 * Math.log(5000) + 0.5 * Math.log(2), 1e-14);
    assert.equal(r.band, "refit");
  });

  test("a value equal to an edge goes to the upper bin; a constant reference gives two bins", () => {
    const r = populationStabilityIndex([5, 5, 5], [4, 5, 6]);
    assert.deepEqual(
      r.bins.map((b) => [b.lower, b.upper, b.referenceCount, b.currentCount]),
      [
        [-Infinity, 5, 0, 1],
        [5, Infinity, 3, 2],
      ],
    );
  });

  test("psi is the sum of the contributions, and 0 for identical samples", () => {
    const r = populationStabilityIndex(cases[0]!.reference, cases[0]!.current);
    assertClose(
      r.psi,
      r.bins.reduce((s, b) => s + b.contribution, 0),
      1e-15,
    );
    assert.equal(populationStabilityIndex(cases[0]!.reference, cases[0]!.reference).psi, 0);
  });

  test("rejects empty samples, non-finite values and bad options, naming them", () => {
    assert.throws(
      () => populationStabilityIndex([], [1]),
      (e: Error) => e instanceof ArgumentError && /reference is empty/.test(e.message),
    );
    assert.throws(() => populationStabilityIndex([1], [1, NaN]), /current\[1\]=NaN/);
    assert.throws(() => populationStabilityIndex([1], [1], { bins: 1 }), /bins=1 must be an integer >= 2/);
    assert.throws(() => populationStabilityIndex([1], [1], { epsilon: 0 }), /epsilon=0/);
  });
});

describe("categoricalStabilityIndex", () => {
  const catCases: { reference: Record<string, number>; current: Record<string, number>; epsilon: number }[] = [
    { reference: { a: 60, b: 40 }, current: { a: 40, b: 60 }, epsilon: 1e-4 },
    // one-sided categories: "c" only before, "d" only now
    { reference: { a: 10, b: 5, c: 3 }, current: { b: 7, a: 12, d: 4 }, epsilon: 1e-4 },
    {
      reference: { "0": 81, "1": 23, "2": 39, "3": 35, "4": 22 },
      current: { "0": 70, "1": 30, "2": 45, "3": 35, "4": 20 },
      epsilon: 1e-3,
    },
    { reference: { x: 1 }, current: { x: 1, y: 0 }, epsilon: 1e-4 },
  ];

  test("equals a pandas recomputation to 1e-12, categories on one side included", {
    skip: !haveVenv && "no .venv",
  }, () => {
    const expected = trackReference<
      { categories: string[]; psi: number; referenceShares: number[]; currentShares: number[] }[]
    >("categorical", { cases: catCases });
    catCases.forEach((c, i) => {
      const got = categoricalStabilityIndex(c.reference, c.current, { epsilon: c.epsilon });
      assert.deepEqual(
        got.categories.map((x) => x.category),
        expected[i]!.categories,
      );
      assertClose(
        got.categories.map((x) => x.referenceShare),
        expected[i]!.referenceShares,
        0,
        1e-15,
      );
      assertClose(
        got.categories.map((x) => x.currentShare),
        expected[i]!.currentShares,
        0,
        1e-15,
      );
      assertClose(got.psi, expected[i]!.psi, 0, 1e-12, `case ${i}`);
    });
  });

  test("hand-computed: swapped 60/40 shares give 0.4·ln 1.5", () => {
    // (0.4 − 0.6)·ln(0.4/0.6) + (0.6 − 0.4)·ln(0.6/0.4) = 0.2·ln 1.5 + 0.2·ln 1.5
    assertClose(
      categoricalStabilityIndex(
        { a: 60, b: 40 },
        new Map([
          ["a", 40],
          ["b", 60],
        ]),
      ).psi,
      0.4 * Math.log(1.5),
      1e-15,
    );
  });

  test("rejects negative counts and empty sides", () => {
    assert.throws(() => categoricalStabilityIndex({ a: -1, b: 2 }, { a: 1 }), /referenceCounts\["a"\]=-1/);
    assert.throws(() => categoricalStabilityIndex({ a: 1 }, { a: 0 }), /currentCounts total 0/);
  });
});

describe("stability bands (Siddiqi 2006: < 0.1, 0.1–0.25, > 0.25)", () => {
  test("band edges", () => {
    assert.deepEqual([0, 0.0999, 0.1, 0.25, 0.2501, 3].map(stabilityBand), [
      "stable",
      "stable",
      "watch",
      "watch",
      "refit",
      "refit",
    ]);
    assert.throws(() => stabilityBand(-0.1), ArgumentError);
  });
  test("worst band and thresholds", () => {
    assert.equal(worstBand(["stable", "refit", "watch"]), "refit");
    assert.equal(worstBand([]), "stable");
    assert.equal(bandReaches("watch", "watch"), true);
    assert.equal(bandReaches("watch", "refit"), false);
    assert.equal(bandReaches("refit", "watch"), true);
  });
});
