/**
 * The RFM step in Spark local[2] on 1e7 synthetic transactions: the script `segment rfm --print-sql
 * --dialect spark` prints, run by pyspark on the seeded log bench/data/transactions-1e7-s0.csv (the same
 * file as bench/rfm.bench.ts, generated once and reused), then compared with the DuckDB path customer by
 * customer. Not part of `npm test` nor `npm run bench` (it needs Java and takes minutes):
 *   node --import tsx bench/spark-rfm.bench.ts [--rows N]        (default 1e7)
 * Prints the times: Spark start, CSV scan, the funnel query, the RFM table query, DuckDB's rfmFeatures.
 */
import { rfmFeatures } from "../src/rfm/features";
import { rfmScores } from "../src/rfm/scoring";
import { rfmSegment } from "../src/rfm/segments";
import { rfmWarehouseSql } from "../src/rfm/warehouse-sql";
import { isQuery, sqlStatements } from "../test/helpers/engine-cases";
import { startSpark } from "../test/helpers/spark";
import { syntheticTransactionsFile } from "./transactions-file";

/** The raw UCI layout as the typed `transactions` the script expects: the same rules as load-transactions.sql. */
const TYPED_VIEW = `CREATE OR REPLACE TEMPORARY VIEW transactions AS
SELECT
  NULLIF(TRIM(InvoiceNo), '') AS invoice_no,
  NULLIF(NULLIF(TRIM(CustomerID), ''), 'NA') AS customer_id,
  NULLIF(TRIM(Country), '') AS country,
  Quantity AS quantity,
  UnitPrice AS unit_price,
  InvoiceDate AS invoice_date
FROM raw_transactions`;

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

async function main(): Promise<void> {
  const rowsArg = process.argv.indexOf("--rows");
  const n = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1e7;
  const file = await syntheticTransactionsFile(n);
  const times: Record<string, number> = {};
  let t0 = performance.now();
  const spark = await startSpark({ MALL_SEGMENTS_SPARK_MEMORY: "4g", MALL_SEGMENTS_SPARK_PARTITIONS: "8" });
  times["spark start"] = seconds(t0);
  try {
    t0 = performance.now();
    const scanned = await spark.loadCsv("raw_transactions", file, [
      ["InvoiceNo", "string"],
      ["StockCode", "string"],
      ["Description", "string"],
      ["Quantity", "double"],
      ["InvoiceDate", "timestamp"],
      ["UnitPrice", "double"],
      ["CustomerID", "string"],
      ["Country", "string"],
    ]);
    times["CSV scan (count)"] = seconds(t0);
    const statements = sqlStatements(rfmWarehouseSql({ dialect: "spark" }));
    const firstQuery = statements.findIndex(isQuery);
    t0 = performance.now();
    const funnel = await spark.sql([TYPED_VIEW, ...statements.slice(0, firstQuery + 1)]);
    times["funnel query"] = seconds(t0);
    t0 = performance.now();
    const rfm = await spark.sql(statements.slice(firstQuery + 1));
    times["RFM table query"] = seconds(t0);
    t0 = performance.now();
    const { customers } = await rfmFeatures(file, { threads: 2 });
    const scores = rfmScores(customers);
    times["DuckDB path (rfmFeatures + scores)"] = seconds(t0);
    // Customer by customer: recency, frequency, scores and segment exactly; monetary to 1e-9 relative.
    const bySpark = new Map(rfm.rows.map((r) => [String(r[0]), r]));
    let differ = 0;
    customers.forEach((c, i) => {
      const r = bySpark.get(c.customer_id);
      const s = scores[i]!;
      const same =
        r !== undefined &&
        r[1] === c.recency_days &&
        r[2] === c.frequency &&
        Math.abs(Number(r[3]) - c.monetary) <= 1e-9 * Math.max(1, Math.abs(c.monetary)) &&
        r[10] === s.R &&
        r[11] === s.F &&
        r[12] === s.M &&
        r[14] === rfmSegment(s);
      if (!same) differ++;
    });
    for (const [step, s] of Object.entries(times)) console.error(`${step.padEnd(36)} ${s.toFixed(1).padStart(7)} s`);
    console.error(
      `${scanned} rows, ${rfm.rows.length} customers in Spark, ${customers.length} in DuckDB, ${differ} differ; funnel ${JSON.stringify(funnel.rows)}`,
    );
    console.log(JSON.stringify({ rows: scanned, customers: rfm.rows.length, differ, times, spark: spark.versions }));
  } finally {
    await spark.stop();
  }
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
