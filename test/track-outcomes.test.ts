import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { rfmFeatures, type RfmFeatures } from "../src/rfm/features";
import { rfmScores } from "../src/rfm/scoring";
import { rfmSegment } from "../src/rfm/segments";
import { segmentOutcomes } from "../src/track/outcomes";
import { assertClose } from "./helpers/assert-close";
import { retailSamplePath } from "./helpers/retail";
import { haveVenv, trackReference } from "./helpers/track-reference";

interface PandasOutcomes {
  customers: { customer_id: string; orders: number; revenue: number; retained: boolean }[];
  segments: {
    segment: string;
    customers: number;
    retention: number;
    revenuePerCustomer: number;
    ordersPerCustomer: number;
    aov: number | null;
    revenue: number;
  }[];
  features: { customer_id: string; recency_days: number; frequency: number; monetary: number }[];
}

describe("segment outcomes on the Online Retail sample (snapshot 2011-07-01, 90 days)", () => {
  const file = retailSamplePath();
  const snapshotDate = "2011-07-01";
  let asOf: RfmFeatures;
  before(async () => {
    asOf = await rfmFeatures(file, { asOf: snapshotDate });
  });

  test("rfmFeatures asOf: only earlier invoices, recency counted to the snapshot day", () => {
    assert.equal(asOf.snapshotDate, snapshotDate);
    assert.ok(asOf.customers.every((c) => c.last_purchase < snapshotDate && c.recency_days >= 1));
    assert.ok(asOf.customers.length > 1000 && asOf.customers.length < 3017, `${asOf.customers.length} customers`);
  });

  test("equal pandas customer by customer and segment by segment; features as of the snapshot too", {
    skip: !haveVenv && "no .venv",
  }, async () => {
    const ids = asOf.customers.map((c) => c.customer_id);
    const labels = rfmScores(asOf.customers).map((s) => rfmSegment(s));
    const got = await segmentOutcomes(file, { ids, labels }, { snapshotDate, horizonDays: 90 });
    const expected = trackReference<PandasOutcomes>("outcomes", {
      file,
      snapshot: snapshotDate,
      horizon: 90,
      ids,
      labels,
    });

    assert.deepEqual(got.period, { from: "2011-07-01", to: "2011-09-29" });
    assert.equal(got.customers.length, expected.customers.length);
    got.customers.forEach((c, i) => {
      const e = expected.customers[i]!;
      assert.equal(c.customer_id, e.customer_id);
      assert.equal(c.segment, labels[i]);
      assert.equal(c.orders, e.orders, `${e.customer_id} orders`);
      assert.equal(c.retained, e.retained, `${e.customer_id} retained`);
      assertClose(c.revenue, e.revenue, 1e-12, 1e-9, `${e.customer_id} revenue`);
      if (e.orders > 0) assertClose(c.aov!, e.revenue / e.orders, 1e-12, 1e-9, `${e.customer_id} aov`);
      else assert.equal(c.aov, null);
    });
    assert.ok(
      got.customers.some((c) => c.retained) && got.customers.some((c) => !c.retained),
      "both retained and lost customers",
    );

    assert.deepEqual(
      got.segments.map((s) => s.segment),
      expected.segments.map((s) => s.segment),
    );
    got.segments.forEach((s, i) => {
      const e = expected.segments[i]!;
      assert.equal(s.customers, e.customers, `${e.segment} customers`);
      assertClose(
        [s.retention, s.revenuePerCustomer, s.ordersPerCustomer, s.revenue],
        [e.retention, e.revenuePerCustomer, e.ordersPerCustomer, e.revenue],
        1e-12,
        1e-9,
        e.segment,
      );
      if (e.aov === null) assert.equal(s.aov, null);
      else assertClose(s.aov!, e.aov, 1e-12, 1e-9, `${e.segment} aov`);
    });

    assert.deepEqual(
      asOf.customers.map((c) => c.customer_id),
      expected.features.map((f) => f.customer_id),
    );
    asOf.customers.forEach((c, i) => {
      const e = expected.features[i]!;
      assert.equal(c.recency_days, e.recency_days, `${c.customer_id} recency`);
      assert.equal(c.frequency, e.frequency, `${c.customer_id} frequency`);
      assertClose(c.monetary, e.monetary, 1e-12, 1e-9, `${c.customer_id} monetary`);
    });
  });

  test("customers absent from the log count as not retained with 0 revenue", async () => {
    const got = await segmentOutcomes(file, { ids: ["no-such-customer"], labels: [0] }, { snapshotDate });
    assert.deepEqual(got.customers, [
      { customer_id: "no-such-customer", segment: 0, orders: 0, revenue: 0, retained: false, aov: null },
    ]);
    assert.deepEqual(got.segments[0], {
      segment: 0,
      customers: 1,
      retention: 0,
      revenuePerCustomer: 0,
      ordersPerCustomer: 0,
      aov: null,
      revenue: 0,
    });
  });

  test("rejects a bad date, horizon or repeated ID", async () => {
    await assert.rejects(
      segmentOutcomes(file, { ids: ["a"], labels: [0] }, { snapshotDate: "2011-02-30" }),
      (e: Error) => e instanceof ArgumentError && /snapshotDate="2011-02-30"/.test(e.message),
    );
    await assert.rejects(
      segmentOutcomes(file, { ids: ["a"], labels: [0] }, { snapshotDate, horizonDays: 0 }),
      /horizonDays=0/,
    );
    await assert.rejects(segmentOutcomes(file, { ids: ["a", "a"], labels: [0, 1] }, { snapshotDate }), /ids\[1\]="a"/);
    await assert.rejects(rfmFeatures(file, { asOf: "July" }), /asOf="July"/);
  });
});
