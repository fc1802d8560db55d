import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import { ArgumentError, DataError } from "../src/core/errors";
import { runRfm, type RunRfmResult } from "../src/cli/rfm-command";
import { RFM_SEGMENTS } from "../src/rfm/segments";
import { retailSamplePath } from "./helpers/retail";

describe("runRfm (segment rfm)", () => {
  let dir: string;
  let result: RunRfmResult;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rfm-command-"));
    result = await runRfm({ input: retailSamplePath(), out: path.join(dir, "out"), quiet: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes rfm.csv with the documented columns, one row per customer, no temp file left", () => {
    const text = fs.readFileSync(result.file, "utf8");
    const records = parse(text, { columns: true }) as Record<string, string>[];
    assert.equal(text.split("\n")[0], "CustomerID,recency_days,frequency,monetary,aov,R,F,M,rfm_segment,cluster");
    assert.equal(records.length, 3017);
    assert.equal(result.rows.length, 3017);
    assert.deepEqual(fs.readdirSync(path.dirname(result.file)).sort(), [".mall-segments-output", "rfm.csv"]);
    const first = records[0]!;
    assert.deepEqual(
      [first["CustomerID"], first["recency_days"], first["frequency"], first["monetary"], first["aov"]],
      ["12347", "40", "4", "71.00", "17.75"],
    );
  });

  test("scores are quintiles with ties kept together, segments are named, clusters are 0..k-1", () => {
    const column = { R: "recency_days", F: "frequency", M: "monetary" } as const;
    for (const key of ["R", "F", "M"] as const) {
      const values = result.rows.map((r) => r[column[key]]);
      const sorted = [...values].sort((a, b) => (key === "R" ? b - a : a - b));
      result.rows.forEach((r, i) => {
        // "min": a customer's score is the NTILE(5) bucket of the first position its value takes in the
        // sorted column (3017 rows: buckets of 604, 604, 603, 603, 603), whatever its row order
        const first = sorted.indexOf(values[i]!);
        const bucket = first < 1208 ? Math.floor(first / 604) + 1 : 3 + Math.floor((first - 1208) / 603);
        assert.equal(r[key], bucket, `${key} of row ${i}`);
      });
    }
    // 1,431 customers bought once: all of them score F = 1
    assert.equal(result.rows.filter((r) => r.F === 1).length, result.rows.filter((r) => r.frequency === 1).length);
    assert.ok(result.rows.every((r) => (RFM_SEGMENTS as readonly string[]).includes(r.rfm_segment)));
    assert.deepEqual(new Set(result.rows.map((r) => r.cluster)), new Set([0, 1, 2, 3]));
    assert.equal(
      result.clusterCounts.reduce((a, b) => a + b, 0),
      3017,
    );
    assert.equal(
      Object.values(result.segmentCounts).reduce((a, b) => a + b, 0),
      3017,
    );
    assert.ok(result.ari > 0 && result.ari < 1);
  });

  test('ties: "first" gives NTILE bins of equal size, split by row order', async () => {
    const first = await runRfm({ input: retailSamplePath(), out: path.join(dir, "first"), quiet: true, ties: "first" });
    for (const key of ["R", "F", "M"] as const) {
      const counts = [1, 2, 3, 4, 5].map((s) => first.rows.filter((r) => r[key] === s).length);
      // NTILE(5) of 3017 rows: 604, 604, 603, 603, 603
      assert.deepEqual(counts, [604, 604, 603, 603, 603], key);
    }
    // the one-time buyers are spread over F = 1, 2 and 3 by CustomerID order alone
    const onceF = new Set(first.rows.filter((r) => r.frequency === 1).map((r) => r.F));
    assert.deepEqual([...onceF].sort(), [1, 2, 3]);
  });

  test("the same seed gives the same file", async () => {
    const again = await runRfm({ input: retailSamplePath(), out: path.join(dir, "again"), quiet: true });
    assert.equal(fs.readFileSync(again.file, "utf8"), fs.readFileSync(result.file, "utf8"));
  });

  test("bad input and arguments", async () => {
    await assert.rejects(
      runRfm({ input: path.join(dir, "missing.csv"), out: path.join(dir, "fresh"), quiet: true }),
      DataError,
    );
    await assert.rejects(
      runRfm({ input: retailSamplePath(), out: path.join(dir, "fresh"), k: 0, quiet: true }),
      ArgumentError,
    );
    const tiny = path.join(dir, "tiny.csv");
    fs.writeFileSync(tiny, "InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,1,2011-01-01,2,7,UK\n");
    await assert.rejects(
      runRfm({ input: tiny, out: path.join(dir, "fresh"), quiet: true }),
      /1 customers left after cleaning, fewer than k=4/,
    );
  });
});
