import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { DataError } from "../src/core/errors";
import { loadMallCustomers, mallMatrix, parseMallCustomers } from "../src/data/load-mall";
import { dataFile } from "./helpers/data-files";
import { readMall } from "./helpers/mall";

const HEADER = "CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)";
const GOOD = `${HEADER}\n1,Male,25,40,52\n2,Female,31,62,77\n3,Female,44,18,12\n`;

/** Assert that parsing `text` throws a DataError whose message names the row and column. */
function rejects(text: string, expected: { row?: number; column?: string; message: RegExp }): void {
  assert.throws(
    () => parseMallCustomers(text, "customers.csv"),
    (err: unknown) => {
      assert.ok(err instanceof DataError, `expected DataError, got ${err}`);
      assert.equal(err.file, "customers.csv");
      assert.equal(err.row, expected.row);
      assert.equal(err.column, expected.column);
      assert.match(err.message, expected.message);
      assert.match(err.message, /^customers\.csv/);
      return true;
    },
  );
}

describe("loadMallCustomers on the real data set", () => {
  const data = loadMallCustomers(dataFile("Mall_Customers.csv"));
  it("reads 200 customers with the documented value ranges", () => {
    assert.equal(data.customers.length, 200);
    const reference = readMall(); // an independent csv-parse reading of the same file
    assert.deepEqual(
      data.customers.map((c) => [c.gender, c.age, c.income, c.spending]),
      reference.gender.map((g, i) => [g, reference.age[i], reference.income[i], reference.spending[i]]),
    );
    assert.equal(data.customers.filter((c) => c.gender === "Female").length, 112);
    const ages = data.customers.map((c) => c.age);
    assert.equal(Math.min(...ages), 18);
    assert.equal(Math.max(...ages), 70);
    assert.equal(new Set(data.customers.map((c) => c.customerId)).size, 200);
  });
  it("builds a feature matrix in the requested column order", () => {
    const [c] = data.customers;
    assert.deepEqual(mallMatrix(data.customers, ["spending", "income"])[0], [c!.spending, c!.income]);
  });
});

describe("accepted variants", () => {
  it("takes the Genre header, zero-padded IDs, a BOM, CRLF and quoted fields", () => {
    const text =
      '\uFEFFCustomerID,Genre,Age,Annual Income (k$),Spending Score (1-100)\r\n"0001","Male",25,40,52\r\n0002,female,31,62,77\r\n';
    const data = parseMallCustomers(text);
    assert.equal(data.genderHeader, "Genre");
    assert.deepEqual(
      data.customers.map((c) => [c.customerId, c.gender]),
      [
        [1, "Male"],
        [2, "Female"],
      ],
    );
  });
  it("detects a semicolon delimiter", () => {
    assert.equal(parseMallCustomers(GOOD.replace(/,/g, ";")).customers.length, 3);
  });
});

describe("bad input gives a DataError naming file, row and column", () => {
  it("missing file", () => {
    const missing = path.join(os.tmpdir(), "no-such-dir", "Mall_Customers.csv");
    assert.throws(
      () => loadMallCustomers(missing),
      (e: unknown) => e instanceof DataError && /file not found/.test(e.message) && e.file === missing,
    );
  });
  it("empty file", () => {
    const empty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mall-")), "empty.csv");
    fs.writeFileSync(empty, "");
    assert.throws(() => loadMallCustomers(empty), /empty\.csv: file is empty/);
  });
  it("header only", () => rejects(`${HEADER}\n`, { row: 2, message: /header only/ }));
  it("missing column", () =>
    rejects("CustomerID,Gender,Age,Annual Income (k$)\n1,Male,25,40\n", {
      row: 1,
      message: /missing column\(s\) "Spending Score \(1-100\)"/,
    }));
  it("text in a numeric column", () =>
    rejects(GOOD.replace("2,Female,31,", "2,Female,twenty-one,"), {
      row: 3,
      column: "Age",
      message: /"twenty-one" is not a number/,
    }));
  it("missing value", () =>
    rejects(GOOD.replace("3,Female,44,18,12", "3,Female,44,,12"), {
      row: 4,
      column: "Annual Income (k$)",
      message: /missing value/,
    }));
  it("NA as a missing value", () =>
    rejects(GOOD.replace("1,Male,25,40,52", "1,NA,25,40,52"), { row: 2, column: "Gender", message: /missing value/ }));
  it("duplicate CustomerID", () =>
    rejects(GOOD.replace("3,Female", "1,Female"), {
      row: 4,
      column: "CustomerID",
      message: /duplicate CustomerID 1 \(first seen on row 2\)/,
    }));
  it("wrong delimiter", () => rejects(GOOD.replace(/,/g, "|"), { row: 1, message: /single column: is the delimiter/ }));
  it("out-of-range value", () =>
    rejects(GOOD.replace("2,Female,31,62,77", "2,Female,31,62,181"), {
      row: 3,
      column: "Spending Score (1-100)",
      message: /outside the valid range 1\.\.100/,
    }));
  it("unknown gender", () =>
    rejects(GOOD.replace("1,Male", "1,Mail"), { row: 2, column: "Gender", message: /unknown gender "Mail"/ }));
  it("ragged row", () =>
    rejects(GOOD.replace("3,Female,44,18,12", "3,Female,44,18"), {
      row: 4,
      message: /row has 4 fields, the header has 5/,
    }));
  it("broken quoting", () => rejects(GOOD.replace("2,Female", '2,"Female'), { message: /broken quoting/, row: 3 }));
  it("binary file", () => {
    const bin = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mall-")), "x.csv");
    fs.writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    assert.throws(() => loadMallCustomers(bin), /binary/);
  });
});
