import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import { DataError } from "../src/core/errors";
import { rfmFeatures, type RfmFeatures } from "../src/rfm/features";
import { assertClose } from "./helpers/assert-close";
import { retailSamplePath, venvPython } from "./helpers/retail";

const DAY_MS = 86_400_000;

/** The feature table by a plain reduce over the csv-parse rows: no SQL, no shared code. */
function referenceFeatures(file: string) {
  const rows = parse(fs.readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[];
  const funnel = {
    total: rows.length,
    missing_customer: 0,
    cancellation: 0,
    non_positive_quantity: 0,
    non_positive_price: 0,
  };
  const kept = rows.filter((r) => {
    if (r["CustomerID"] === "NA" || r["CustomerID"] === "") return (funnel.missing_customer++, false);
    if (r["InvoiceNo"]!.startsWith("C")) return (funnel.cancellation++, false);
    if (Number(r["Quantity"]) <= 0) return (funnel.non_positive_quantity++, false);
    if (Number(r["UnitPrice"]) <= 0) return (funnel.non_positive_price++, false);
    return true;
  });
  // Calendar day of "YYYY-MM-DD hh:mm:ss" as a UTC day number.
  const dayOf = (s: string) => Date.parse(s.slice(0, 10) + "T00:00:00Z") / DAY_MS;
  const snapshot = Math.max(...kept.map((r) => dayOf(r["InvoiceDate"]!))) + 1;
  type Acc = { invoices: Set<string>; monetary: number; first: number; last: number; countries: Map<string, number> };
  const byCustomer = kept.reduce((acc, r) => {
    const id = r["CustomerID"]!;
    const a: Acc = acc.get(id) ?? {
      invoices: new Set(),
      monetary: 0,
      first: Infinity,
      last: -Infinity,
      countries: new Map(),
    };
    a.invoices.add(r["InvoiceNo"]!);
    a.monetary += Number(r["Quantity"]) * Number(r["UnitPrice"]);
    a.first = Math.min(a.first, dayOf(r["InvoiceDate"]!));
    a.last = Math.max(a.last, dayOf(r["InvoiceDate"]!));
    a.countries.set(r["Country"]!, (a.countries.get(r["Country"]!) ?? 0) + 1);
    return acc.set(id, a);
  }, new Map<string, Acc>());
  const customers = [...byCustomer.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, a]) => ({
      customer_id: id,
      recency_days: snapshot - a.last,
      frequency: a.invoices.size,
      monetary: a.monetary,
      aov: a.monetary / a.invoices.size,
      tenure_days: a.last - a.first,
      country: [...a.countries.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0],
    }));
  return { funnel, snapshot: new Date(snapshot * DAY_MS).toISOString().slice(0, 10), customers };
}

type Reference = ReturnType<typeof referenceFeatures>;

function assertSameTable(actual: RfmFeatures, expected: Reference, who: string) {
  assert.equal(actual.snapshotDate, expected.snapshot, `${who}: snapshot`);
  assert.equal(actual.customers.length, expected.customers.length, `${who}: customer count`);
  actual.customers.forEach((c, i) => {
    const e = expected.customers[i]!;
    const where = `${who}: customer ${e.customer_id}`;
    assert.equal(c.customer_id, e.customer_id, where);
    assert.equal(c.recency_days, e.recency_days, `${where} recency_days`);
    assert.equal(c.frequency, e.frequency, `${where} frequency`);
    assert.equal(c.tenure_days, e.tenure_days, `${where} tenure_days`);
    assert.equal(c.country, e.country, `${where} country`);
    assertClose(c.monetary, e.monetary, 1e-9, 1e-9, `${where} monetary`);
    assertClose(c.aov, e.aov, 1e-9, 1e-9, `${where} aov`);
  });
}

describe("rfmFeatures on the Online Retail sample", () => {
  const file = retailSamplePath();
  let features: RfmFeatures;
  before(async () => {
    features = await rfmFeatures(file);
  });

  test("the cleaning funnel removes rows rule by rule, in order", () => {
    assert.deepEqual(
      features.funnel.map((s) => [s.step, s.removed, s.remaining]),
      [
        ["total", 0, 20000],
        ["missing_customer", 5078, 14922],
        ["cancellation", 342, 14580],
        // cancellations carry all the negative quantities of this sample: nothing left for rule 3
        ["non_positive_quantity", 0, 14580],
        ["non_positive_price", 1, 14579],
      ],
    );
  });

  test("matches a plain TypeScript reduce over csv-parse rows", () => {
    const expected = referenceFeatures(file);
    assert.deepEqual(
      features.funnel.slice(1).map((s) => s.removed),
      [
        expected.funnel.missing_customer,
        expected.funnel.cancellation,
        expected.funnel.non_positive_quantity,
        expected.funnel.non_positive_price,
      ],
    );
    assertSameTable(features, expected, "reduce");
  });

  test("matches pandas (test/fixtures/rfm_pandas.py)", { skip: !fs.existsSync(venvPython) && "no .venv" }, () => {
    const script = path.join(__dirname, "fixtures", "rfm_pandas.py");
    const out = JSON.parse(execFileSync(venvPython, [script, file], { encoding: "utf8", maxBuffer: 64 << 20 }));
    assert.deepEqual(
      features.funnel.slice(1).map((s) => s.removed),
      [
        out.funnel.missing_customer,
        out.funnel.cancellation,
        out.funnel.non_positive_quantity,
        out.funnel.non_positive_price,
      ],
    );
    assertSameTable(features, out as Reference, "pandas");
  });

  test("customer count, snapshot date and CLV formula", () => {
    assert.equal(features.customers.length, 3017);
    assert.equal(features.snapshotDate, "2011-12-10");
    assert.equal(features.firstDate, "2010-12-01");
    // CLV = m·r/(1+i−r), m = 0.25 · monetary · 365 / 374 days (2010-12-01 .. 2011-12-10); r=0.8, i=0.1
    const c = features.customers[0]!;
    assertClose(c.clv, ((0.25 * c.monetary * 365) / 374) * (0.8 / 0.3), 1e-12);
  });
});

describe("rfmFeatures on hand-made files", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rfm-features-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
  function write(name: string, lines: string[]): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, lines.join("\n") + "\n");
    return file;
  }

  test("calendar-day recency and tenure, country ties, funnel with every rule", async () => {
    const file = write("small.csv", [
      header,
      "1,A,x,2,2011-01-01 23:59:00,1.5,7,Spain", // 3.0
      "1,B,x,1,2011-01-01 23:59:00,4,7,France", // 4.0, same invoice
      "2,A,x,1,2011-01-10 00:01:00,10,7,France", // tenure 9 days
      "3,A,x,5,2011-01-11 08:00:00,2,8,Spain", // latest: snapshot 2011-01-12
      "4,A,x,5,2011-01-11 08:00:00,2,,Spain", // empty customer
      "5,A,x,5,2011-01-11 08:00:00,2,NA,Spain", // NA customer
      "C6,A,x,-5,2011-01-11 08:00:00,2,8,Spain", // cancellation
      "7,A,x,0,2011-01-11 08:00:00,2,8,Spain", // zero quantity
      "8,A,x,3,2011-01-11 08:00:00,0,8,Spain", // zero price
      "9,A,x,3,2011-01-11 08:00:00,-1,8,Spain", // negative price
    ]);
    const { customers, funnel, snapshotDate } = await rfmFeatures(file);
    assert.equal(snapshotDate, "2011-01-12");
    assert.deepEqual(
      funnel.map((s) => s.removed),
      [0, 2, 1, 1, 2],
    );
    assert.equal(funnel.at(-1)!.remaining, 4);
    const [c7, c8] = customers;
    // customer 7: last invoice day 2011-01-10 → 2 days before the snapshot; 2011-01-01 → 01-10 = 9 days
    assert.deepEqual(
      {
        id: c7!.customer_id,
        r: c7!.recency_days,
        f: c7!.frequency,
        m: c7!.monetary,
        aov: c7!.aov,
        t: c7!.tenure_days,
        country: c7!.country,
      },
      { id: "7", r: 2, f: 2, m: 17, aov: 8.5, t: 9, country: "France" }, // France 2 rows, Spain 1
    );
    assert.deepEqual(
      [c8!.recency_days, c8!.frequency, c8!.monetary, c8!.tenure_days, c8!.country],
      [1, 1, 10, 0, "Spain"],
    );
  });

  test("a country tie goes to the alphabetically first country", async () => {
    const file = write("tie.csv", [
      header,
      "1,A,x,1,2011-01-01 10:00:00,1,7,Spain",
      "2,A,x,1,2011-01-02 10:00:00,1,7,France",
    ]);
    const { customers } = await rfmFeatures(file);
    assert.equal(customers[0]!.country, "France");
  });

  test("a missing file is a DataError naming the file", async () => {
    const file = path.join(dir, "nope.csv");
    await assert.rejects(
      rfmFeatures(file),
      (err: unknown) => err instanceof DataError && err.file === file && /not found/.test(err.message),
    );
  });

  test("a missing column is a DataError naming the column", async () => {
    const file = write("nocol.csv", ["InvoiceNo,Quantity,InvoiceDate,CustomerID,Country", "1,2,2011-01-01,7,Spain"]);
    await assert.rejects(
      rfmFeatures(file),
      (err: unknown) => err instanceof DataError && err.column === "UnitPrice" && err.row === 1,
    );
  });

  test("an unparseable number is a DataError with the count and the first bad row", async () => {
    const file = write("badnum.csv", [
      header,
      "1,A,x,2,2011-01-01 10:00:00,1.5,7,Spain",
      "2,A,x,two,2011-01-01 10:00:00,1.5,7,Spain",
      "3,A,x,2,2011-01-01 10:00:00,1.5,7,Spain",
      "4,A,x,,2011-01-01 10:00:00,1.5,7,Spain",
    ]);
    await assert.rejects(rfmFeatures(file), (err: unknown) => {
      assert.ok(err instanceof DataError);
      assert.equal(err.row, 3);
      assert.equal(err.column, "Quantity");
      assert.match(err.message, /2 values could not be parsed as a number; the first is "two"/);
      return true;
    });
  });

  test("an unparseable date is a DataError naming row and column", async () => {
    const file = write("baddate.csv", [
      header,
      "1,A,x,2,2011-01-01 10:00:00,1.5,7,Spain",
      "2,A,x,2,12/1/2010 8:26,1.5,7,Spain",
    ]);
    await assert.rejects(
      rfmFeatures(file),
      (err: unknown) =>
        err instanceof DataError &&
        err.row === 3 &&
        err.column === "InvoiceDate" &&
        /"12\/1\/2010 8:26"/.test(err.message),
    );
  });

  test("an empty file is a DataError", async () => {
    const file = write("empty.csv", [""]);
    await assert.rejects(rfmFeatures(file), DataError);
  });

  test("a header-only file gives no customers and a zero funnel", async () => {
    const file = write("header-only.csv", [header]);
    const { customers, funnel } = await rfmFeatures(file);
    assert.equal(customers.length, 0);
    assert.deepEqual(
      funnel.map((s) => s.remaining),
      [0, 0, 0, 0, 0],
    );
  });
});

describe("rfmFeatures on malformed CSV", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rfm-malformed-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

  test("a row with an extra field is a DataError naming its line", async () => {
    const file = path.join(dir, "ragged.csv");
    fs.writeFileSync(
      file,
      [header, "1,A,x,2,2011-01-01 10:00:00,1.5,7,Spain", "2,A,x,2,2011-01-01 10:00:00,1.5,7,Spain,extra"].join("\n") +
        "\n",
    );
    await assert.rejects(rfmFeatures(file), (err: unknown) => {
      assert.ok(err instanceof DataError);
      assert.equal(err.row, 3);
      assert.match(err.message, /row has 9 fields, the header has 8/);
      return true;
    });
  });

  test("columns in another order, quoted fields with commas and a UTF-8 BOM are read", async () => {
    const file = path.join(dir, "reordered.csv");
    fs.writeFileSync(
      file,
      "\uFEFF" +
        [
          "Country,CustomerID,InvoiceNo,Quantity,UnitPrice,InvoiceDate",
          '"Korea, Republic of",7,1,2,1.5,2011-01-01 10:00:00',
        ].join("\n") +
        "\n",
    );
    const { customers } = await rfmFeatures(file);
    assert.deepEqual(
      [customers[0]!.customer_id, customers[0]!.country, customers[0]!.monetary],
      ["7", "Korea, Republic of", 3],
    );
  });
});
