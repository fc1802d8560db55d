import assert from "node:assert/strict";
import { test } from "node:test";
import { completeMatrix, makeDirty, type CustomerLike } from "../src/data/dirty";

// 20 clean rows: ids 1..20, ages 20..39, incomes 30..49, spending 40..59.
const clean: CustomerLike[] = Array.from({ length: 20 }, (_, i) => ({
  customerId: i + 1,
  gender: i % 2 ? "Male" : "Female",
  age: 20 + i,
  income: 30 + i,
  spending: 40 + i,
}));

test("makeDirty injects the requested counts and logs each change", () => {
  const { rows, log } = makeDirty(clean, { seed: 7 });
  assert.equal(rows.length, 23); // 20 + 3 duplicates
  const count = (kind: string) => log.filter((d) => d.kind === kind).length;
  assert.deepEqual([count("missing"), count("duplicate"), count("gender-typo"), count("outlier")], [6, 3, 3, 1]);
  assert.equal(rows.filter((r) => r.age === null || r.income === null || r.spending === null).length, 6);
  assert.equal(rows.filter((r) => r.gender !== "Male" && r.gender !== "Female").length, 3);
});

test("makeDirty: every logged change is what the dirty row holds, and the input is untouched", () => {
  const before = JSON.stringify(clean);
  const { rows, log } = makeDirty(clean, { seed: 3 });
  assert.equal(JSON.stringify(clean), before);
  for (const d of log) {
    if (d.kind === "duplicate") {
      assert.equal(rows.filter((r) => r.customerId === d.customerId).length, 2);
      continue;
    }
    const row = rows.find((r) => r.customerId === d.customerId)!;
    assert.equal(row[d.column!], d.injected);
    assert.equal(clean[d.customerId - 1]![d.column!], d.original);
  }
  const outlier = log.find((d) => d.kind === "outlier")!;
  // max of every column here is <= 59, so the ×10 value is beyond twice the maximum.
  assert.equal(outlier.injected, (outlier.original as number) * 10);
  assert.ok((outlier.injected as number) > 2 * 59);
});

test("makeDirty is reproducible by seed and differs between seeds", () => {
  assert.deepEqual(makeDirty(clean, { seed: 11 }), makeDirty(clean, { seed: 11 }));
  assert.notDeepEqual(makeDirty(clean, { seed: 11 }).log, makeDirty(clean, { seed: 12 }).log);
});

test("makeDirty rejects too few rows and negative counts", () => {
  assert.throws(() => makeDirty(clean.slice(0, 5)), /nRows=5 must be >= 13/);
  assert.throws(() => makeDirty(clean, { nMissing: -1 }), /counts must be integers >= 0/);
});

test("completeMatrix keeps the rows complete in the chosen columns", () => {
  const rows = [
    { customerId: 1, gender: "Male", age: 19, income: null, spending: 39 },
    { customerId: 2, gender: "Male", age: null, income: 15, spending: 81 },
  ];
  assert.deepEqual(completeMatrix(rows, ["age", "spending"]), [[19, 39]]);
  assert.deepEqual(completeMatrix(rows, ["spending"]), [[39], [81]]);
});
