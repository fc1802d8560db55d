/** hyp2f1 against scipy.special.hyp2f1 over the parameters the BG/NBD predictions use. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { hyp2f1 } from "../src/value";
import { assertClose } from "./helpers/assert-close";
import { venvPython } from "./helpers/retail";

/**
 * Grid of the BG/NBD range: r in {0.05, 0.25, 2}, Beta a in {0.3, 0.8, 3}, b in {0.5, 2.5, 10}, frequency
 * x in {0, 1, 5, 40}, z in [0, 0.99]; both the direct parameters (r+x, b+x; a+b+x−1) and the Euler-transformed
 * ones (a+b−1−r, a−1; a+b+x−1) that the predictions call.
 */
function grid(): [number, number, number, number][] {
  const points: [number, number, number, number][] = [];
  for (const r of [0.05, 0.25, 2])
    for (const a of [0.3, 0.8, 3])
      for (const b of [0.5, 2.5, 10])
        for (const x of [0, 1, 5, 40])
          for (const z of [0, 0.05, 0.3, 0.6, 0.9, 0.99]) {
            const c = a + b + x - 1;
            if (c <= 0) continue;
            if (z <= 0.9) points.push([r + x, b + x, c, z]);
            points.push([a + b - 1 - r, a - 1, c, z]);
          }
  return points;
}

describe("hyp2f1", () => {
  test("closed forms: 2F1(1,1;2;z) = −ln(1−z)/z, 2F1(a,b;b;z) = (1−z)^−a", () => {
    assertClose(hyp2f1(1, 1, 2, 0.5), -Math.log(0.5) / 0.5, 1e-14);
    assertClose(hyp2f1(0.7, 3, 3, 0.9), 0.1 ** -0.7, 1e-12);
    assert.equal(hyp2f1(2, 3, 4, 0), 1);
  });

  test("equals scipy.special.hyp2f1 within 1e-10 relative over the BG/NBD range", {
    skip: !fs.existsSync(venvPython) && "no .venv",
  }, () => {
    const points = grid();
    const script = path.join(__dirname, "fixtures", "lifetimes_oracle.py");
    const expected = JSON.parse(
      execFileSync(venvPython, [script, "hyp2f1"], { input: JSON.stringify(points), encoding: "utf8" }),
    ) as number[];
    assert.ok(points.length > 500);
    points.forEach(([a, b, c, z], i) =>
      assertClose(hyp2f1(a, b, c, z), expected[i]!, 1e-10, 1e-300, `2F1(${a}, ${b}; ${c}; ${z})`),
    );
  });

  test("bad arguments throw ArgumentError naming the value", () => {
    assert.throws(
      () => hyp2f1(1, 1, 2, 1),
      (e: Error) => e instanceof ArgumentError && /z=1 must be in \[0, 1\)/.test(e.message),
    );
    assert.throws(() => hyp2f1(1, 1, 2, -0.1), ArgumentError);
    assert.throws(() => hyp2f1(1, 1, -2, 0.5), /c=-2 must not be 0 or a negative integer/);
    assert.throws(() => hyp2f1(NaN, 1, 2, 0.5), /must be finite/);
  });
});
