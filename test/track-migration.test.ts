import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { seededRandom } from "../src/core/random";
import { segmentMigration } from "../src/track/migration";
import { haveVenv, trackReference } from "./helpers/track-reference";

describe("segmentMigration", () => {
  test("equals pandas crosstab on the inner join, with left and entered counts", {
    skip: !haveVenv && "no .venv",
  }, () => {
    const random = seededRandom(3);
    // 3,000 customers before; 2,400 of them stay (each keeps its segment with probability 0.7), 500 new ones arrive.
    // Segment 5 exists only after, to check a segment on one side.
    const beforeIds = Array.from({ length: 3000 }, (_, i) => `c${i}`);
    const beforeLabels = beforeIds.map(() => Math.floor(random() * 5));
    const kept = beforeIds.map((id, i) => ({ id, label: beforeLabels[i]! })).filter(() => random() < 0.8);
    const after = [
      ...kept.map(({ id, label }) => ({ id, label: random() < 0.7 ? label : Math.floor(random() * 6) })),
      ...Array.from({ length: 500 }, (_, i) => ({ id: `n${i}`, label: Math.floor(random() * 6) })),
    ].sort(() => 0); // order does not matter
    const spec = {
      before: { ids: beforeIds, labels: beforeLabels },
      after: { ids: after.map((a) => a.id), labels: after.map((a) => a.label) },
    };
    const got = segmentMigration(spec.before, spec.after);
    const expected = trackReference<{
      segments: number[];
      counts: number[][];
      left: number[];
      entered: number[];
      matched: number;
      stayed: number;
    }>("migration", spec);
    assert.deepEqual(got, expected);
    assert.equal(
      got.entered.reduce((a, b) => a + b),
      500,
    );
  });

  test("a hand-checked example with text labels", () => {
    const m = segmentMigration(
      { ids: ["a", "b", "c", "d"], labels: ["Lost", "Champions", "Champions", "At Risk"] },
      { ids: ["b", "a", "e", "d"], labels: ["At Risk", "Lost", "Champions", "At Risk"] },
    );
    assert.deepEqual(m.segments, ["At Risk", "Champions", "Lost"]);
    // rows before, columns after: d At Risk→At Risk, b Champions→At Risk, a Lost→Lost
    assert.deepEqual(m.counts, [
      [1, 0, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
    assert.deepEqual(m.left, [0, 1, 0]); // c left Champions
    assert.deepEqual(m.entered, [0, 1, 0]); // e entered Champions
    assert.equal(m.matched, 3);
    assert.equal(m.stayed, 2);
  });

  test("rejects repeated IDs and length mismatches", () => {
    assert.throws(
      () => segmentMigration({ ids: ["a", "a"], labels: [0, 1] }, { ids: [], labels: [] }),
      (e: Error) => e instanceof ArgumentError && /before.ids\[1\]="a"/.test(e.message),
    );
    assert.throws(() => segmentMigration({ ids: ["a"], labels: [] }, { ids: [], labels: [] }), /1 ids and 0 labels/);
    assert.throws(
      () => segmentMigration({ ids: ["a"], labels: [0] }, { ids: ["a", "a"], labels: [0, 0] }),
      /after.ids\[1\]="a"/,
    );
    assert.throws(
      () => segmentMigration({ ids: ["a"], labels: [0] }, { ids: ["b", "b"], labels: [0, 0] }),
      /after.ids\[1\]="b"/,
    );
  });
});
