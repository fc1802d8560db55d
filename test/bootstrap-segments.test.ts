import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { randomNormal, seededRandom } from "../src/core/random";
import { bootstrapSegments } from "../src/profile/bootstrap-segments";

describe("bootstrapSegments", () => {
  test("estimates are the observed shares and means; a constant feature has a zero-width interval", () => {
    const X = [
      [1, 5],
      [2, 5],
      [3, 5],
      [10, 5],
    ];
    const [s0, s1] = bootstrapSegments(X, [0, 0, 0, 1], { seed: 1, resamples: 200 });
    assert.equal(s0!.share.estimate, 0.75);
    assert.equal(s0!.means[0]!.estimate, 2);
    assert.equal(s1!.means[0]!.estimate, 10);
    assert.deepEqual([s0!.means[1]!.lower, s0!.means[1]!.upper], [5, 5]);
    // a resampled mean of 1, 2, 3 stays within [1, 3]; the one-customer segment's mean is always 10
    assert.ok(s0!.means[0]!.lower >= 1 && s0!.means[0]!.upper <= 3 && s0!.means[0]!.lower < 2);
    assert.deepEqual([s1!.means[0]!.lower, s1!.means[0]!.upper], [10, 10]);
  });

  test("on a large normal sample the 95 % interval of a mean matches the normal-theory interval", () => {
    // mean ± 1.96 · sd / √n: with sd 2 and n = 2000 per segment, half-width 1.96 · 2 / √2000 ≈ 0.0877
    const random = seededRandom(3);
    const X = Array.from({ length: 4000 }, () => [10 + 2 * randomNormal(random)]);
    const labels = X.map((_, i) => i % 2);
    const [s0] = bootstrapSegments(X, labels, { seed: 0, resamples: 2000 });
    const halfWidth = (s0!.means[0]!.upper - s0!.means[0]!.lower) / 2;
    assert.ok(Math.abs(halfWidth - 0.0877) < 0.1 * 0.0877, `half-width ${halfWidth}`);
    // and a share p = 0.5 of n = 4000: ± 1.96 · √(0.25 / 4000) ≈ 0.0155
    const shareHalf = (s0!.share.upper - s0!.share.lower) / 2;
    assert.ok(Math.abs(shareHalf - 0.0155) < 0.1 * 0.0155, `share half-width ${shareHalf}`);
  });

  test("seeded: the same seed gives the same intervals, another seed other ones", () => {
    const X = Array.from({ length: 50 }, (_, i) => [i % 7, (i * 13) % 11]);
    const labels = X.map((_, i) => i % 3);
    assert.deepEqual(bootstrapSegments(X, labels, { seed: 5 }), bootstrapSegments(X, labels, { seed: 5 }));
    assert.notDeepEqual(bootstrapSegments(X, labels, { seed: 5 }), bootstrapSegments(X, labels, { seed: 6 }));
  });

  test("bad arguments", () => {
    assert.throws(() => bootstrapSegments([[1], [2]], [0, -1]), /bootstrapSegments: labels\[1\]=-1 must be >= 0/);
    assert.throws(() => bootstrapSegments([[1]], [0], { resamples: 0 }), ArgumentError);
    assert.throws(() => bootstrapSegments([[1]], [0], { confidence: 1 }), /confidence=1 must be in \(0, 1\)/);
    assert.throws(() => bootstrapSegments([[1]], [0, 1]), ArgumentError);
  });
});
