import assert from "node:assert/strict";

/** Assert |actual − expected| <= rtol·|expected| + atol, elementwise for arrays and matrices. */
export function assertClose(actual: unknown, expected: unknown, rtol = 1e-9, atol = 1e-12, path = "value"): void {
  if (typeof expected === "number") {
    assert.equal(typeof actual, "number", `${path}: expected a number, got ${typeof actual}`);
    const a = actual as number;
    const ok = Math.abs(a - expected) <= rtol * Math.abs(expected) + atol || (Number.isNaN(a) && Number.isNaN(expected));
    assert.ok(ok, `${path}: ${a} is not within rtol=${rtol} of ${expected}`);
    return;
  }
  const act = actual as ArrayLike<unknown>;
  const exp = expected as ArrayLike<unknown>;
  assert.equal(act.length, exp.length, `${path}: length ${act.length} != ${exp.length}`);
  for (let i = 0; i < exp.length; i++) assertClose(act[i], exp[i], rtol, atol, `${path}[${i}]`);
}
