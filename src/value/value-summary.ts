/**
 * Transactions → the per-customer purchase history the BG/NBD and Gamma-Gamma models take (in days), with an
 * optional calibration/holdout split, in SQL on the cleaned transactions of the RFM pipeline.
 */
import fs from "node:fs";
import path from "node:path";
import { ArgumentError, DataError } from "../core/errors";
import { cleaningFunnel, withTransactions, type FunnelStep } from "../rfm/features";

export interface ValueSummaryOptions {
  /**
   * Last day of the calibration period, `YYYY-MM-DD`; the days after it up to `observationEnd` are the
   * holdout. @default the last purchase day (no holdout)
   */
  calibrationEnd?: string;
  /** Last day of observation, `YYYY-MM-DD`. @default the last purchase day in the data */
  observationEnd?: string;
  /** DuckDB worker threads. @default 2 */
  threads?: number;
}

/** One customer's history (see `sql/value-summary.sql` for every definition). */
export interface ValueCustomer {
  customer_id: string;
  /** Repeat purchase days in the calibration period. */
  frequency: number;
  /** Days from the first to the last purchase day in the calibration period. */
  recency: number;
  /** Days from the first purchase day to the calibration end. */
  T: number;
  /** Mean value of the repeat purchase days (0 without repeat purchases). */
  monetary: number;
  /** Purchase days in the holdout period (0 without a holdout). */
  holdout_frequency: number;
  /** Mean value of the holdout purchase days (0 without any). */
  holdout_monetary: number;
  first_purchase: string;
}

export interface ValueSummary {
  customers: ValueCustomer[];
  funnel: FunnelStep[];
  /** First and last purchase day of the cleaned data, `YYYY-MM-DD`. */
  firstDate: string;
  lastDate: string;
  calibrationEnd: string;
  observationEnd: string;
  /** observationEnd − calibrationEnd, in days (0 without a holdout). */
  holdoutDays: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Per-customer frequency / recency / T / monetary (days, `lifetimes` conventions) from a transactions CSV,
 * after the cleaning of notebook 06 (`loadTransactions`), optionally split into calibration and holdout.
 *
 * @param file - transactions CSV (columns InvoiceNo, Quantity, InvoiceDate, UnitPrice, CustomerID, Country).
 * @param options - calibrationEnd, observationEnd, threads; see {@link ValueSummaryOptions}.
 * @returns customers sorted by CustomerID (those who bought by the calibration end), the cleaning funnel and the dates.
 * @throws {DataError} for a bad file (missing, missing column, unparseable value) or no cleaned purchase.
 * @throws {ArgumentError} for a date that is not `YYYY-MM-DD`, or calibrationEnd after observationEnd.
 * @example
 * const { customers, holdoutDays } = await valueSummary("data/online_retail_sample.csv", { calibrationEnd: "2011-09-08" });
 * // holdoutDays => 92
 */
export async function valueSummary(file: string, options: ValueSummaryOptions = {}): Promise<ValueSummary> {
  const fn = "valueSummary";
  const { calibrationEnd, observationEnd, threads = 2 } = options;
  for (const [name, value] of Object.entries({ calibrationEnd, observationEnd })) {
    if (value !== undefined && !(DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
      throw new ArgumentError(`${fn}: ${name}=${JSON.stringify(value)} must be a date YYYY-MM-DD`);
    }
  }
  if (!Number.isInteger(threads) || threads < 1)
    throw new ArgumentError(`${fn}: threads=${threads} must be a positive integer`);
  // read and cleaned as for the RFM features: the one way this package reads a transaction log
  return withTransactions(file, { threads }, async (connection) => {
    const funnel = await cleaningFunnel(connection);
    const bounds = (
      await connection.runAndReadAll(
        "SELECT CAST(MIN(CAST(invoice_date AS DATE)) AS VARCHAR) AS first_day, CAST(MAX(CAST(invoice_date AS DATE)) AS VARCHAR) AS last_day FROM clean_transactions",
      )
    ).getRowObjectsJS()[0]!;
    if (bounds["last_day"] === null) throw new DataError("no purchase left after cleaning", { file });
    const firstDate = String(bounds["first_day"]);
    const lastDate = String(bounds["last_day"]);
    const observation = observationEnd ?? lastDate;
    const calibration = calibrationEnd ?? observation;
    if (calibration > observation)
      throw new ArgumentError(`${fn}: calibrationEnd=${calibration} must not be after observationEnd=${observation}`);
    if (calibration < firstDate)
      throw new ArgumentError(`${fn}: calibrationEnd=${calibration} is before the first purchase day ${firstDate}`);
    const rows = (
      await connection.runAndReadAll(valueSql(), { calibration_end: calibration, observation_end: observation })
    ).getRowObjectsJS();
    const customers = rows.map((row) => ({
      customer_id: String(row["customer_id"]),
      frequency: Number(row["frequency"]),
      recency: Number(row["recency"]),
      T: Number(row["T"]),
      monetary: Number(row["monetary"]),
      holdout_frequency: Number(row["holdout_frequency"]),
      holdout_monetary: Number(row["holdout_monetary"]),
      first_purchase: String(row["first_purchase"]),
    }));
    const holdoutDays = Math.round(
      (Date.parse(`${observation}T00:00:00Z`) - Date.parse(`${calibration}T00:00:00Z`)) / 86_400_000,
    );
    return {
      customers,
      funnel,
      firstDate,
      lastDate,
      calibrationEnd: calibration,
      observationEnd: observation,
      holdoutDays,
    };
  });
}

/** The columns of a summary as arrays, the shape the fitting functions take. */
export interface ValueColumns {
  customerId: string[];
  frequency: number[];
  recency: number[];
  T: number[];
  monetary: number[];
  holdoutFrequency: number[];
  holdoutMonetary: number[];
}

/**
 * Rows → columns: `valueColumns(summary.customers)` gives `{ frequency, recency, T, monetary, … }` for
 * `fitBetaGeo`, `fitGammaGamma` and the predictions.
 * @param customers - the rows of a {@link ValueSummary}.
 * @returns one array per field (nCustomers each).
 * @example
 * valueColumns([{ customer_id: "a", frequency: 2, recency: 9, T: 20, monetary: 5, holdout_frequency: 1, holdout_monetary: 4, first_purchase: "2011-01-01" }]).T;
 * // => [20]
 */
export function valueColumns(customers: readonly ValueCustomer[]): ValueColumns {
  return {
    customerId: customers.map((c) => c.customer_id),
    frequency: customers.map((c) => c.frequency),
    recency: customers.map((c) => c.recency),
    T: customers.map((c) => c.T),
    monetary: customers.map((c) => c.monetary),
    holdoutFrequency: customers.map((c) => c.holdout_frequency),
    holdoutMonetary: customers.map((c) => c.holdout_monetary),
  };
}

let cachedSql: string | undefined;

/** The text of `sql/value-summary.sql`, read relative to this module (works from `src/` and `dist/`). */
function valueSql(): string {
  cachedSql ??= fs.readFileSync(path.join(__dirname, "sql", "value-summary.sql"), "utf8");
  return cachedSql;
}
