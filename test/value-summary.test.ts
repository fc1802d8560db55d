/**
 * Purchase histories from transactions (src/value/sql/value-summary.sql) against lifetimes'
 * calibration_and_holdout_data; the frequency × recency matrix, value segments and the value charts.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { ArgumentError, DataError } from "../src/core/errors";
import {
  clvBySegmentChart,
  holdoutGroups,
  holdoutPurchasesChart,
  summarizeClvBySegment,
  valueMatrixChart,
} from "../src/charts";
import {
  betaGeoExpectedPurchases,
  betaGeoMatrix,
  betaGeoProbabilityAlive,
  valueColumns,
  valueSegments,
  valueSummary,
  type ValueSummary,
} from "../src/value";
import { assertClose } from "./helpers/assert-close";
import { retailSamplePath, venvPython } from "./helpers/retail";

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("valueSummary", () => {
  let split: ValueSummary;
  let dir: string;
  before(async () => {
    split = await valueSummary(retailSamplePath(), { calibrationEnd: "2011-09-08" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "value-summary-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("equals lifetimes' calibration_and_holdout_data (freq D) on the cleaned sample", {
    skip: !fs.existsSync(venvPython) && "no .venv",
  }, () => {
    const script = path.join(__dirname, "fixtures", "lifetimes_summary.py");
    const ref = JSON.parse(
      execFileSync(venvPython, [script, retailSamplePath(), "2011-09-08", "2011-12-09"], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      }),
    ) as Record<string, Record<string, number>>;
    assert.equal(split.customers.length, Object.keys(ref).length);
    assert.equal(split.holdoutDays, 92);
    for (const c of split.customers) {
      const r = ref[c.customer_id];
      assert.ok(r, `customer ${c.customer_id} missing from lifetimes' table`);
      assert.deepEqual(
        [c.frequency, c.recency, c.T, c.holdout_frequency],
        [r["frequency_cal"], r["recency_cal"], r["T_cal"], r["frequency_holdout"]],
        c.customer_id,
      );
      assertClose(c.monetary, r["monetary_value_cal"]!, 1e-9, 1e-9, `${c.customer_id} monetary`);
      // not holdout_monetary: lifetimes averages the holdout's invoice LINES, while its calibration monetary (and
      // both of ours) average purchase DAYS; the hand-made log below checks ours
    }
  });

  test("without a holdout: every cleaned customer, T to the last purchase day, no holdout purchases", async () => {
    const full = await valueSummary(retailSamplePath());
    assert.equal(full.customers.length, 3017);
    assert.equal(full.calibrationEnd, "2011-12-09");
    assert.equal(full.holdoutDays, 0);
    assert.ok(full.customers.every((c) => c.holdout_frequency === 0 && c.recency <= c.T));
    assert.equal(Math.max(...full.customers.map((c) => c.T)), 373); // 2010-12-01 → 2011-12-09
  });

  test("hand-made log: one purchase per day, repeat value = mean of the later days", async () => {
    const file = path.join(dir, "tiny.csv");
    fs.writeFileSync(
      file,
      [
        "InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
        "1,1,2011-01-01 09:00,10,A,UK", // A: day 0, £10
        "2,2,2011-01-01 15:00,5,A,UK", //   same day: one purchase worth £20
        "3,1,2011-01-05 10:00,30,A,UK", //  day 4, £30
        "4,1,2011-01-11 10:00,50,A,UK", //  day 10, £50 → x = 2, t_x = 10, monetary (30 + 50) / 2 = 40
        "C5,-1,2011-01-12 10:00,50,A,UK", // cancellation: dropped
        "6,1,2011-01-03 10:00,7,B,UK", //   B: once, day 2
        "7,1,2011-01-21 10:00,1,C,UK", //   C: last day of the data (T = 0 for C)
      ].join("\n") + "\n",
    );
    const s = await valueSummary(file);
    assert.deepEqual(valueColumns(s.customers), {
      customerId: ["A", "B", "C"],
      frequency: [2, 0, 0],
      recency: [10, 0, 0],
      T: [20, 18, 0],
      monetary: [40, 0, 0],
      holdoutFrequency: [0, 0, 0],
      holdoutMonetary: [0, 0, 0],
    });
    // calibration to 2011-01-04: A has one day (£20) in it, then two holdout days worth £30 and £50; C is not a customer yet
    const split = await valueSummary(file, { calibrationEnd: "2011-01-04" });
    assert.deepEqual(valueColumns(split.customers), {
      customerId: ["A", "B"],
      frequency: [0, 0],
      recency: [0, 0],
      T: [3, 1],
      monetary: [0, 0],
      holdoutFrequency: [2, 0],
      holdoutMonetary: [40, 0],
    });
    assert.equal(split.holdoutDays, 17);
  });

  test("bad arguments and files", async () => {
    await assert.rejects(valueSummary(retailSamplePath(), { calibrationEnd: "2011-13-45" }), ArgumentError);
    await assert.rejects(
      valueSummary(retailSamplePath(), { calibrationEnd: "2011-12-01", observationEnd: "2011-11-01" }),
      /must not be after observationEnd/,
    );
    await assert.rejects(
      valueSummary(retailSamplePath(), { calibrationEnd: "2009-01-01" }),
      /before the first purchase day 2010-12-01/,
    );
    await assert.rejects(
      valueSummary(path.join(dir, "missing.csv")),
      (e: Error) => e instanceof DataError && /file not found/.test(e.message),
    );
  });
});

describe("betaGeoMatrix", () => {
  test("cells equal the per-customer predictions; the frequency-0 column is constant", () => {
    const m = betaGeoMatrix(cdnow, { maxFrequency: 4, T: 39, recencyStep: 13, t: 10 });
    assert.deepEqual(m.recencies, [0, 13, 26, 39]);
    m.recencies.forEach((tx, i) =>
      m.frequencies.forEach((x, j) => {
        const e = betaGeoExpectedPurchases(cdnow, 10, [x], [x === 0 ? 0 : tx], [39])[0]!;
        assertClose(m.values[i]![j]!, e, 1e-12);
      }),
    );
    const alive = betaGeoMatrix(cdnow, { metric: "probabilityAlive", maxFrequency: 3, T: 39, recencyStep: 39 });
    assert.deepEqual(
      alive.values.map((row) => row[0]),
      [1, 1],
    );
    assertClose(alive.values[1]![2]!, betaGeoProbabilityAlive(cdnow, [2], [39], [39])[0]!, 1e-12);
    assert.throws(() => betaGeoMatrix(cdnow, { maxFrequency: -1 }), ArgumentError);
  });
});

describe("valueSegments", () => {
  test("tiers by CLV quantiles (numpy linear), bands by P(alive)", () => {
    // sorted CLV 0.1, 0.5, 1, 10, 100: 80th percentile 10 + 0.2·90 = 28, median 1
    const s = valueSegments([100, 10, 1, 0.5, 0.1], [0.9, 0.5, 0.2, 0.9, 0.9]);
    assert.deepEqual(
      s.map((v) => v.segment),
      [
        "High value · active",
        "Mid value · at risk",
        "Low value · likely lost",
        "Low value · active",
        "Low value · active",
      ],
    );
    assert.throws(() => valueSegments([1, 2], [0.5]), /ragged/);
    assert.throws(() => valueSegments([1], [1.5]), /probabilityAlive\[0\]=1.5/);
  });
});

describe("value charts", () => {
  test("holdout groups pool the tail and average per group", () => {
    const groups = holdoutGroups([0, 0, 1, 9, 12], [0, 1, 2, 4, 6], [0.2, 0.4, 1.5, 3, 5], { maxFrequency: 7 });
    assert.deepEqual(groups, [
      { label: "0", customers: 2, actual: 0.5, predicted: 0.30000000000000004 },
      { label: "1", customers: 1, actual: 2, predicted: 1.5 },
      { label: "≥ 7", customers: 2, actual: 5, predicted: 4 },
    ]);
    const fig = holdoutPurchasesChart([0, 1], [0, 2], [0.1, 1.5]);
    assert.deepEqual(
      fig.data.map((d) => (d as { y: number[] }).y),
      [
        [0, 2],
        [0.1, 1.5],
      ],
    );
    assert.throws(() => holdoutGroups([0], [0, 1], [0]), ArgumentError);
  });

  test("CLV by segment: totals, means, mean P(alive), largest first", () => {
    const summary = summarizeClvBySegment(["a", "b", "a"], [10, 50, 20], [1, 0.5, 0.8]);
    assert.deepEqual(summary, [
      { segment: "b", customers: 1, totalClv: 50, meanClv: 50, meanProbabilityAlive: 0.5 },
      { segment: "a", customers: 2, totalClv: 30, meanClv: 15, meanProbabilityAlive: 0.9 },
    ]);
    const fig = clvBySegmentChart(summary);
    assert.deepEqual((fig.data[0] as { x: string[] }).x, ["b", "a"]);
  });

  test("value matrix heatmap: P(alive) on a fixed 0–1 scale", () => {
    const fig = valueMatrixChart(
      betaGeoMatrix(cdnow, { metric: "probabilityAlive", maxFrequency: 2, T: 39, recencyStep: 39 }),
      { unit: "weeks" },
    );
    const trace = fig.data[0] as { type: string; zmin: number; zmax: number; y: number[] };
    assert.equal(trace.type, "heatmap");
    assert.deepEqual([trace.zmin, trace.zmax, trace.y], [0, 1, [0, 39]]);
  });
});
