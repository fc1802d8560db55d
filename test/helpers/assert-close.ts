import assert from "node:assert/strict";

/**
 * Assert |actual − expected| <= rtol·|expected| + atol for numbers (NaN equals NaN), elementwise for arrays, typed
 * arrays and matrices, key by key for plain objects (the same keys on both sides); any other value must be
 * strictly deep-equal. Fails on a shape or kind mismatch (an object where an array is expected, and so on).
 */
export function assertClose(actual: unknown, expected: unknown, rtol = 1e-9, atol = 1e-12, path = "value"): void {
  if (typeof expected === "number") {
    assert.equal(typeof actual, "number", `${path}: expected a number, got ${typeof actual}`);
    const a = actual as number;
    const ok =
      Math.abs(a - expected) <= rtol * Math.abs(expected) + atol || (Number.isNaN(a) && Number.isNaN(expected));
    assert.ok(ok, `${path}: ${a} is not within rtol=${rtol} of ${expected}`);
    return;
  }
  if (isArrayLike(expected)) {
    assert.ok(isArrayLike(actual), `${path}: expected an array, got ${describe(actual)}`);
    assert.equal(actual.length, expected.length, `${path}: length ${actual.length} != ${expected.length}`);
    for (let i = 0; i < expected.length; i++) assertClose(actual[i], expected[i], rtol, atol, `${path}[${i}]`);
    return;
  }
  if (expected !== null && typeof expected === "object") {
    assert.ok(
      actual !== null && typeof actual === "object" && !isArrayLike(actual),
      `${path}: expected an object, got ${describe(actual)}`,
    );
    const keys = Object.keys(expected).sort();
    assert.deepEqual(Object.keys(actual).sort(), keys, `${path}: keys differ`);
    for (const key of keys) {
      assertClose(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        rtol,
        atol,
        `${path}.${key}`,
      );
    }
    return;
  }
  assert.deepEqual(actual, expected, `${path}: ${String(actual)} != ${String(expected)}`);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
