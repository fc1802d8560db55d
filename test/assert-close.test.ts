/** The tolerance helper itself: it must fail whenever the values differ beyond the tolerance, whatever their kind. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertClose } from "./helpers/assert-close";

test("numbers: within rtol·|expected| + atol passes, beyond fails; NaN equals NaN only", () => {
  assertClose(1 + 1e-10, 1);
  assert.throws(() => assertClose(1 + 1e-6, 1), /not within/);
  assertClose(NaN, NaN);
  assert.throws(() => assertClose(NaN, 1));
  assert.throws(() => assertClose("1", 1), /expected a number/);
});

test("arrays, typed arrays and matrices compare elementwise and by length", () => {
  assertClose(
    [
      [1, 2],
      [3, 4],
    ],
    [
      [1, 2],
      [3, 4 + 1e-12],
    ],
  );
  assertClose(Float64Array.of(1, 2), [1, 2]);
  assert.throws(() => assertClose([1, 2], [1, 3]), /value\[1\]/);
  assert.throws(() => assertClose([1, 2], [1, 2, 3]), /length/);
  assert.throws(() => assertClose({ length: 0 }, []), /expected an array/);
});

test("two non-array objects no longer pass whatever they hold: keys and values are compared", () => {
  assertClose({ a: 1, b: [2, 3] }, { b: [2, 3 + 1e-12], a: 1 });
  assert.throws(() => assertClose({ a: 1 }, { a: 2 }), /value\.a/);
  assert.throws(() => assertClose({ a: 1 }, { b: 1 }), /keys differ/);
  assert.throws(() => assertClose({ a: 1, extra: 0 }, { a: 1 }), /keys differ/);
  assert.throws(() => assertClose([1], { a: 1 }), /expected an object/);
  assert.throws(() => assertClose(null, { a: 1 }), /expected an object/);
});

test("other values must be strictly equal", () => {
  assertClose("x", "x");
  assertClose(null, null);
  assert.throws(() => assertClose("x", "y"));
  assert.throws(() => assertClose(undefined, null));
});
