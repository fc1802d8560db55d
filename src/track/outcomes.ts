import type { DuckDBConnection } from "@duckdb/node-api";
import { ArgumentError } from "../core/errors";
import { checkDay, withTransactions, type DuckDbResources } from "../rfm/features";
import { rfmSql } from "../rfm/sql-files";
import type { SegmentSnapshot } from "./migration";

export interface SegmentOutcomesOptions extends DuckDbResources {
  /** The snapshot day `YYYY-MM-DD` the segments were computed at: the outcome period starts on it. Required. */
  snapshotDate: string;
  /** Length of the outcome period in days. @default 90 (a quarter) */
  horizonDays?: number;
}

/** One customer's outcome in the period (see `src/rfm/sql/customer-outcomes.sql`). */
export interface CustomerOutcome<L extends string | number = string | number> {
  customer_id: string;
  segment: L;
  /** Distinct invoices in the period. */
  orders: number;
  /** Sum of Quantity × UnitPrice in the period. */
  revenue: number;
  /** Bought again within the horizon (orders > 0). */
  retained: boolean;
  /** revenue / orders; null without an order. */
  aov: number | null;
}

/** One segment's outcomes (see `src/rfm/sql/segment-outcomes.sql`). */
export interface SegmentOutcome<L extends string | number = string | number> {
  segment: L;
  customers: number;
  /** Share of the segment's customers who bought again within the horizon. */
  retention: number;
  /** The segment's revenue in the period / its customers (non-buyers count as 0). */
  revenuePerCustomer: number;
  /** The segment's orders in the period / its customers. */
  ordersPerCustomer: number;
  /** The segment's revenue / its orders; null when nobody ordered. */
  aov: number | null;
  /** The segment's revenue in the period. */
  revenue: number;
}

export interface SegmentOutcomes<L extends string | number = string | number> {
  /** Outcome period: first day and the day after its last, `YYYY-MM-DD`. */
  period: { from: string; to: string };
  /** One row per ID of the segmentation, in the given order. */
  customers: CustomerOutcome<L>[];
  /** One row per segment, in order of first appearance in `segments.labels`. */
  segments: SegmentOutcome<L>[];
}

/**
 * Validate segments by what their customers did next: for customers segmented at `snapshotDate`, the orders,
 * revenue, retention and average order value of each in the following `horizonDays` days, and the same per
 * segment. Computed in DuckDB SQL (`customer-outcomes.sql`, `segment-outcomes.sql`) on the transaction log read
 * and cleaned exactly as for the RFM features (`withTransactions`).
 *
 * @param file - the transactions CSV (columns InvoiceNo, Quantity, InvoiceDate, UnitPrice, CustomerID, Country).
 * @param segments - the customers' IDs (as in the CustomerID column, unique) and segment labels.
 * @param options - `snapshotDate` (required), `horizonDays` (default 90), DuckDB resources.
 * @returns the period, per-customer and per-segment outcomes.
 * @throws {ArgumentError} for a bad snapshotDate or horizonDays, mismatched ids/labels, or a repeated ID.
 * @throws {DataError} for a bad transactions file (file, row, column).
 * @example
 * const out = await segmentOutcomes("data/online_retail_sample.csv", { ids, labels }, { snapshotDate: "2011-07-01", horizonDays: 90 });
 * out.segments[0]; // => { segment: "Champions", customers: 181, retention: 0.8…, … }
 */
export async function segmentOutcomes<L extends string | number>(
  file: string,
  segments: SegmentSnapshot<L>,
  options: SegmentOutcomesOptions,
): Promise<SegmentOutcomes<L>> {
  const fn = "segmentOutcomes";
  const { snapshotDate, horizonDays = 90 } = options;
  if (typeof snapshotDate !== "string" || snapshotDate === "")
    throw new ArgumentError(`${fn}: snapshotDate is required (YYYY-MM-DD)`);
  checkDay(snapshotDate, `${fn}: snapshotDate`);
  if (!Number.isInteger(horizonDays) || horizonDays < 1)
    throw new ArgumentError(`${fn}: horizonDays=${horizonDays} must be an integer >= 1`);
  if (segments.ids.length !== segments.labels.length)
    throw new ArgumentError(`${fn}: ${segments.ids.length} ids but ${segments.labels.length} labels`);
  const seen = new Set<string>();
  segments.ids.forEach((id, i) => {
    if (seen.has(id)) throw new ArgumentError(`${fn}: ids[${i}]=${JSON.stringify(id)} repeats an earlier ID`);
    seen.add(id);
  });
  return withTransactions(file, options, (connection) =>
    computeOutcomes(connection, segments, snapshotDate, horizonDays),
  );
}

/** Outcomes on a connection where the transactions are loaded (validated arguments assumed). */
async function computeOutcomes<L extends string | number>(
  connection: DuckDBConnection,
  segments: SegmentSnapshot<L>,
  snapshotDate: string,
  horizonDays: number,
): Promise<SegmentOutcomes<L>> {
  await connection.run("CREATE TABLE segment_members (customer_id VARCHAR, segment VARCHAR)");
  const appender = await connection.createAppender("segment_members");
  segments.ids.forEach((id, i) => {
    appender.appendVarchar(id);
    appender.appendVarchar(String(segments.labels[i]));
    appender.endRow();
  });
  appender.closeSync();
  const labelOf = new Map<string, L>(segments.labels.map((l) => [String(l), l]));
  await connection.run(rfmSql("customer-outcomes"), { snapshot: snapshotDate, horizon_days: horizonDays });

  const perCustomer = new Map<string, CustomerOutcome<L>>();
  const rows = (
    await connection.runAndReadAll(
      "SELECT customer_id, segment, orders, CAST(revenue AS DOUBLE) AS revenue, retained FROM customer_outcomes",
    )
  ).getRowObjectsJS();
  for (const row of rows) {
    const orders = Number(row["orders"]);
    const revenue = Number(row["revenue"]);
    perCustomer.set(String(row["customer_id"]), {
      customer_id: String(row["customer_id"]),
      segment: labelOf.get(String(row["segment"]))!,
      orders,
      revenue,
      retained: Number(row["retained"]) === 1,
      aov: orders > 0 ? revenue / orders : null,
    });
  }
  const bySegment = new Map<string, SegmentOutcome<L>>();
  for (const row of (await connection.runAndReadAll(rfmSql("segment-outcomes"))).getRowObjectsJS()) {
    bySegment.set(String(row["segment"]), {
      segment: labelOf.get(String(row["segment"]))!,
      customers: Number(row["customers"]),
      retention: Number(row["retention"]),
      revenuePerCustomer: Number(row["revenue_per_customer"]),
      ordersPerCustomer: Number(row["orders_per_customer"]),
      aov: row["aov"] === null ? null : Number(row["aov"]),
      revenue: Number(row["revenue"]),
    });
  }
  const to = new Date(Date.parse(`${snapshotDate}T00:00:00Z`) + horizonDays * 86_400_000).toISOString().slice(0, 10);
  return {
    period: { from: snapshotDate, to },
    customers: segments.ids.map((id) => perCustomer.get(id)!),
    segments: [...labelOf.keys()].map((key) => bySegment.get(key)!),
  };
}
