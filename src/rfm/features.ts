import os from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { ArgumentError } from "../core/errors";
import { rfmSql } from "./sql-files";
import type { InputEncoding } from "../io/read-input";
import { prepareTransactions } from "./prepare-transactions";
import { loadTransactions } from "./transactions";

/** The cleaning rules, in the order they are applied (a row is counted by the first rule it fails). */
export const CLEANING_RULES = [
  "missing_customer",
  "cancellation",
  "non_positive_quantity",
  "non_positive_price",
] as const;
export type CleaningRule = (typeof CLEANING_RULES)[number];

/** One step of the cleaning funnel: the rows a rule removed and the rows left after it. */
export interface FunnelStep {
  /** `"total"` for the raw rows, then one step per rule in {@link CLEANING_RULES} order. */
  step: "total" | CleaningRule;
  removed: number;
  remaining: number;
}

/** One customer's features (see `sql/customer-features.sql` for every definition). */
export interface CustomerFeatures {
  customer_id: string;
  /** Whole days from the last invoice date to the snapshot date (>= 1). */
  recency_days: number;
  /** Distinct invoices. */
  frequency: number;
  /** Sum of Quantity × UnitPrice over the cleaned rows. */
  monetary: number;
  /** Average order value: monetary / frequency. */
  aov: number;
  /** Whole days from the first to the last invoice date (0 for a one-day customer). */
  tenure_days: number;
  /** The country on most of the customer's rows (ties: alphabetically first); null if none. */
  country: string | null;
  /** Historical CLV, Gupta & Lehmann's margin multiplier m·r/(1+i−r) on the annualised margin. */
  clv: number;
  /** ISO dates of the first and last invoice. */
  first_purchase: string;
  last_purchase: string;
}

export interface RfmFeaturesOptions {
  /** Gross margin rate applied to revenue for the CLV. @default 0.25 (an assumption, not from the data) */
  margin?: number;
  /** Yearly retention rate r of the CLV formula, in [0, 1). @default 0.8 */
  retention?: number;
  /** Yearly discount rate i of the CLV formula. @default 0.1 */
  discountRate?: number;
  /** DuckDB `memory_limit` (beyond it DuckDB spills to its temp directory). @default "1GB" */
  memoryLimit?: string;
  /** DuckDB worker threads. @default 2 */
  threads?: number;
  /** Where DuckDB spills beyond memoryLimit (not the current directory). @default `<os tmpdir>/mall-segments-duckdb` */
  tempDirectory?: string;
  /** The run's clock: invoice dates after this day are refused (see `prepareTransactions`). @default new Date() */
  now?: Date;
  /** The file's text encoding. @default "utf-8" */
  encoding?: InputEncoding;
  /**
   * The snapshot day, `YYYY-MM-DD`: only invoices dated before it count (in the funnel too) and recency is
   * counted to it, e.g. "2011-07-01" for the customers as they stood at the end of June 2011.
   * @default "" (the day after the latest invoice)
   */
  asOf?: string;
  /**
   * The first day `YYYY-MM-DD` of the window: invoices dated before it are dropped (in the funnel too), so two
   * equal windows of one log can be compared. @default "" (from the first invoice)
   */
  since?: string;
}

/** The feature table, the cleaning funnel and the dates behind them. */
export interface RfmFeatures {
  customers: CustomerFeatures[];
  funnel: FunnelStep[];
  /** The calendar day after the latest cleaned invoice, `YYYY-MM-DD`. */
  snapshotDate: string;
  /** The first cleaned invoice day, `YYYY-MM-DD`. */
  firstDate: string;
  nInvoices: number;
}

const defaults: Required<Omit<RfmFeaturesOptions, "now">> = {
  margin: 0.25,
  retention: 0.8,
  discountRate: 0.1,
  memoryLimit: "1GB",
  threads: 2,
  tempDirectory: path.join(os.tmpdir(), "mall-segments-duckdb"),
  encoding: "utf-8",
  asOf: "",
  since: "",
};

/**
 * Load a transactions CSV into an embedded DuckDB, clean it and compute the per-customer feature
 * table in SQL (`src/rfm/sql/*.sql`).
 *
 * @param file - transactions CSV with columns InvoiceNo, Quantity, InvoiceDate, UnitPrice, CustomerID, Country.
 * @param options - CLV assumptions and DuckDB resources; see {@link RfmFeaturesOptions}.
 * @returns customers sorted by CustomerID, the funnel (total, then one step per rule) and the snapshot date.
 * @throws {DataError} for a missing file, a missing column or unparseable values (file, row, column).
 * @throws {ArgumentError} for CLV rates out of range or an `asOf` that is not a `YYYY-MM-DD` date.
 * @example
 * const { customers, funnel } = await rfmFeatures("data/online_retail_sample.csv");
 * funnel.at(-1)!.remaining; // => 14579 (the sample: 20000 rows, 3017 customers)
 */
export async function rfmFeatures(file: string, options: RfmFeaturesOptions = {}): Promise<RfmFeatures> {
  const opts = { ...defaults, ...options };
  checkRate("margin", opts.margin, 0, 1, true);
  checkRate("retention", opts.retention, 0, 1, false);
  if (!(opts.discountRate >= 0)) throw new ArgumentError(`rfmFeatures: discountRate=${opts.discountRate} must be >= 0`);
  if (!Number.isInteger(opts.threads) || opts.threads < 1)
    throw new ArgumentError(`rfmFeatures: threads=${opts.threads} must be a positive integer`);
  checkDay(opts.asOf, "rfmFeatures: asOf");
  checkDay(opts.since, "rfmFeatures: since");
  if (opts.asOf !== "" && opts.since !== "" && !(opts.since < opts.asOf))
    throw new ArgumentError(`rfmFeatures: since=${opts.since} must be before asOf=${opts.asOf}`);
  return withTransactions(file, options, async (connection) => {
    if (opts.asOf !== "" || opts.since !== "")
      await connection.run(rfmSql("window"), { as_of: opts.asOf, since: opts.since });
    return computeFeatures(connection, opts);
  });
}

/** How {@link withTransactions} reads the log: DuckDB resources, the file's encoding and the run's clock. */
export type DuckDbResources = Pick<
  RfmFeaturesOptions,
  "memoryLimit" | "threads" | "tempDirectory" | "encoding" | "now"
>;

/**
 * Check the transactions CSV (`prepareTransactions`: a regular file, read through a private plainly named path so
 * the user's file name is never globbed), open an in-memory DuckDB, load and clean the transactions
 * (`loadTransactions`), run `work` on the connection, and close and clean up whatever happens. The one way this
 * package reads a transaction log.
 *
 * @param file - transactions CSV (see `loadTransactions`).
 * @param resources - memoryLimit (default "1GB"), threads (default 2), tempDirectory (default
 *   `<os tmpdir>/mall-segments-duckdb`), encoding (default "utf-8"), now (default: the current time).
 * @param work - what to compute from the tables `transactions` and views `clean_transactions`, `transaction_rules`.
 * @throws {DataError} from `prepareTransactions` / `loadTransactions` for a bad file.
 */
export async function withTransactions<T>(
  file: string,
  resources: DuckDbResources,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const prepared = prepareTransactions(file, { encoding: resources.encoding ?? defaults.encoding });
  try {
    return await onConnection(prepared.file, file, resources, work);
  } finally {
    prepared.dispose();
  }
}

/** {@link withTransactions} on the checked copy `copy`; `file` names the user's file in errors. */
async function onConnection<T>(
  copy: string,
  file: string,
  resources: DuckDbResources,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: resources.memoryLimit ?? defaults.memoryLimit,
    threads: String(resources.threads ?? defaults.threads),
    temp_directory: resources.tempDirectory ?? defaults.tempDirectory,
  });
  const connection = await instance.connect();
  try {
    await loadTransactions(connection, copy, file, { now: resources.now ?? new Date() });
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Throw unless `day` is "" or a real `YYYY-MM-DD` calendar date. */
export function checkDay(day: string, what: string): void {
  if (day === "") return;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new ArgumentError(`${what}=${JSON.stringify(day)} must be a date YYYY-MM-DD`);
  }
}

function checkRate(name: string, value: number, lo: number, hi: number, hiInclusive: boolean): void {
  const ok = value >= lo && (hiInclusive ? value <= hi : value < hi);
  if (!ok) throw new ArgumentError(`rfmFeatures: ${name}=${value} must be in [${lo}, ${hi}${hiInclusive ? "]" : ")"}`);
}

/** Funnel, snapshot and feature table from a connection where `loadTransactions` ran (validated options assumed). */
async function computeFeatures(
  connection: DuckDBConnection,
  opts: Required<Omit<RfmFeaturesOptions, "now">>,
): Promise<RfmFeatures> {
  const funnel = await cleaningFunnel(connection);
  const snapshot = (await connection.runAndReadAll(rfmSql("snapshot"), { as_of: opts.asOf })).getRowObjectsJS()[0]!;
  if (snapshot["snapshot_day"] === null) {
    return { customers: [], funnel, snapshotDate: "", firstDate: "", nInvoices: 0 };
  }
  const reader = await connection.runAndReadAll(rfmSql("customer-features"), {
    margin: opts.margin,
    retention: opts.retention,
    discount_rate: opts.discountRate,
    as_of: opts.asOf,
  });
  const customers = reader.getRowObjectsJS().map((row) => ({
    customer_id: String(row["customer_id"]),
    recency_days: Number(row["recency_days"]),
    frequency: Number(row["frequency"]),
    monetary: Number(row["monetary"]),
    aov: Number(row["aov"]),
    tenure_days: Number(row["tenure_days"]),
    country: row["country"] === null ? null : String(row["country"]),
    clv: Number(row["clv"]),
    first_purchase: String(row["first_purchase"]),
    last_purchase: String(row["last_purchase"]),
  }));
  return {
    customers,
    funnel,
    snapshotDate: String(snapshot["snapshot_day"]),
    firstDate: String(snapshot["first_day"]),
    nInvoices: Number(snapshot["n_invoices"]),
  };
}

/** The cleaning funnel of the loaded `transactions` table: total, then each rule in order. */
export async function cleaningFunnel(connection: DuckDBConnection): Promise<FunnelStep[]> {
  const counts = new Map<string | null, number>();
  for (const row of (await connection.runAndReadAll(rfmSql("cleaning-funnel"))).getRowObjectsJS()) {
    counts.set(row["removed_by"] === null ? null : String(row["removed_by"]), Number(row["n_rows"]));
  }
  let remaining = [...counts.values()].reduce((a, b) => a + b, 0);
  const funnel: FunnelStep[] = [{ step: "total", removed: 0, remaining }];
  for (const rule of CLEANING_RULES) {
    const removed = counts.get(rule) ?? 0;
    remaining -= removed;
    funnel.push({ step: rule, removed, remaining });
  }
  return funnel;
}
