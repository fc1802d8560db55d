import assert from "node:assert/strict";
import { test } from "node:test";
import { makeDirty, type DirtyCustomer } from "../src/data/dirty";
import { loadMallCustomers, MALL_CLEANING } from "../src/data/load-mall";
import { cleanCustomers, detectIssues, normaliseCategory } from "../src/preprocess/clean";
import { oneHotEncode } from "../src/preprocess/one-hot";
import { dataFile } from "./helpers/data-files";

const row = (
  customerId: number,
  gender: string,
  age: number | null,
  income: number | null,
  spending: number | null,
): DirtyCustomer => ({ customerId, gender, age, income, spending });

// Ages 20, 30, 40, 50, 60 → Q1 = 30, Q3 = 50, IQR = 20; fences with f = 3: [−30, 110].
const small = [
  row(1, "Female", 20, 10, 10),
  row(2, "male", 30, 20, 20),
  row(3, "Male", 40, null, 30),
  row(4, "Female", 50, 40, 40),
  row(5, "Female", 60, 50, 50),
  row(4, "Female", 50, 40, 40),
  row(6, "Male", 400, 30, 35),
];

const columns = MALL_CLEANING;
const normaliseGender = (value: string) => normaliseCategory(value, ["Female", "Male"]);

test("normaliseCategory reads typos and rejects the rest", () => {
  assert.deepEqual([" Male ", "MALE", "f", "femal", "M"].map(normaliseGender), [
    "Male",
    "Male",
    "Female",
    "Female",
    "Male",
  ]);
  assert.equal(normaliseGender("x"), null);
  assert.equal(normaliseGender(""), null);
  // an exact word wins over being a prefix of a longer one; a prefix of two words is ambiguous
  assert.equal(normaliseCategory("art", ["Art", "Arts"]), "Art");
  assert.equal(normaliseCategory("ar", ["Art", "Arts"]), null);
});

test("detectIssues reports every kind without changing the rows", () => {
  const issues = detectIssues(small, { columns });
  assert.deepEqual(
    issues.map((i) => [i.kind, i.row]),
    [
      ["category", 1],
      ["missing", 2],
      ["duplicate", 5],
      ["outlier", 6],
    ],
  );
  // Ages over all 7 rows: 20 30 40 50 50 60 400 → Q1 = 35, Q3 = 55, upper fence 55 + 3·20 = 115.
  assert.match(issues[3]!.reason, /age=400 is above the upper fence 115/);
  assert.equal(small[1]!.gender, "male");
});

test("cleanCustomers fixes, drops and imputes, and reports each action", () => {
  const { rows, actions, summary } = cleanCustomers(small, { columns });
  assert.deepEqual(summary, { rowsIn: 7, rowsOut: 5, dropped: 2, imputed: 1, categoriesFixed: 1 });
  assert.deepEqual(
    rows.map((r) => r.customerId),
    [1, 2, 3, 4, 5],
  );
  assert.equal(rows[1]!.gender, "Male");
  // Income of the kept rows 1,2,4,5: 10 20 40 50 → median 30.
  assert.equal(rows[2]!.income, 30);
  assert.deepEqual(
    actions.map((a) => a.action),
    ["fix-category", "drop-row", "drop-row", "impute"],
  );
  assert.match(actions[2]!.reason, /^outlier: age=400/);
});

test("cleanCustomers options: mean imputation, drop missing, impute outliers", () => {
  const imputeOutlier = cleanCustomers(small, { columns, outliers: "impute" });
  assert.equal(imputeOutlier.rows.length, 6);
  // Ages kept (400 treated as missing): 20 30 40 50 60 → median 40.
  assert.equal(imputeOutlier.rows.find((r) => r.customerId === 6)!.age, 40);
  const drop = cleanCustomers(small, { columns, impute: "drop" });
  assert.deepEqual(
    drop.rows.map((r) => r.customerId),
    [1, 2, 4, 5],
  );
  const mean = cleanCustomers(
    [row(1, "Male", 20, 1, 1), row(2, "Male", 30, 2, 2), row(3, "Male", 70, 4, 3), row(4, "Male", null, 3, 4)],
    { columns, impute: "mean" },
  );
  assert.equal(mean.rows[3]!.age, 40); // (20 + 30 + 70) / 3
  assert.throws(() => cleanCustomers([row(1, "x", 1, 1, 1)], { columns }), /gender "x"/);
  assert.throws(() => cleanCustomers([], { columns }), /rows is empty/);
});

test("cleaning the seeded dirty Mall data recovers the 199 clean rows", () => {
  const customers = loadMallCustomers(dataFile("Mall_Customers.csv")).customers;
  const { rows: dirty, log } = makeDirty(customers, { seed: 42 });
  const { rows, summary } = cleanCustomers(dirty, { columns });
  assert.deepEqual(summary, { rowsIn: 203, rowsOut: 199, dropped: 4, imputed: 6, categoriesFixed: 3 });
  const outlierId = log.find((d) => d.kind === "outlier")!.customerId;
  assert.ok(!rows.some((r) => r.customerId === outlierId));
  const missingIds = new Set(log.filter((d) => d.kind === "missing").map((d) => d.customerId));
  for (const r of rows) {
    if (missingIds.has(r.customerId)) continue;
    assert.deepEqual(
      r,
      customers.find((c) => c.customerId === r.customerId),
    );
  }
});

test("the cleaning is generic: any columns, valid ranges, any vocabulary", () => {
  // Prices 3 10 12 14 16 → Q1 = 10, Q3 = 14, fences with f = 3: [−2, 26]; 3 is inside the fences but outside the
  // valid range 5..1000, so only the range catches it. Imputed: the median of 10 12 14 16 = 13.
  const products = [
    { sku: "a", price: 10, kind: "Book" },
    { sku: "b", price: 12, kind: "game" },
    { sku: "c", price: 14, kind: "Book" },
    { sku: "d", price: 16, kind: "Toy" },
    { sku: "e", price: 3, kind: "Book" },
  ];
  const spec = {
    id: "sku",
    numeric: ["price"],
    ranges: { price: [5, 1000] as const },
    categorical: { kind: ["Book", "Game", "Toy"] },
  };
  const issues = detectIssues(products, { columns: spec });
  assert.deepEqual(
    issues.map((i) => [i.kind, i.row, i.id]),
    [
      ["category", 1, "b"],
      ["outlier", 4, "e"],
    ],
  );
  assert.match(issues[1]!.reason, /price=3 is outside the valid range 5\.\.1000/);
  const { rows, actions } = cleanCustomers(products, { columns: spec, outliers: "impute" });
  assert.deepEqual(
    rows.map((r) => [r.sku, r.price, r.kind]),
    [
      ["a", 10, "Book"],
      ["b", 12, "Game"],
      ["c", 14, "Book"],
      ["d", 16, "Toy"],
      ["e", 13, "Book"],
    ],
  );
  assert.deepEqual(
    actions.map((a) => a.action),
    ["fix-category", "impute"],
  );
  assert.equal(products[1]!.kind, "game", "the input is not modified");
  assert.throws(() => detectIssues(products, {} as never), /options\.columns/);
});

test("oneHotEncode: sorted categories, dropFirst, prefix, unknown value", () => {
  assert.deepEqual(oneHotEncode(["Male", "Female", "Male"]), {
    X: [
      [0, 1],
      [1, 0],
      [0, 1],
    ],
    columns: ["Female", "Male"],
    categories: ["Female", "Male"],
  });
  assert.deepEqual(oneHotEncode(["Male", "Female"], { dropFirst: true, prefix: "gender" }).columns, ["gender=Male"]);
  assert.throws(() => oneHotEncode(["x"], { categories: ["a"] }), /values\[0\] = "x"/);
});
