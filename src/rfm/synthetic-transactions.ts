import fs from "node:fs";
import { ArgumentError } from "../core/errors";
import { randomNormal, seededRandom, type RandomSource } from "../core/random";

export interface SyntheticTransactionsOptions {
  /** Number of CSV data rows (invoice lines) to write. Required. */
  nRows: number;
  /** Customers with an ID. @default max(10, round(nRows / 50)) */
  nCustomers?: number;
  /** @default 0 */
  seed?: number;
  /** First day of the period, `YYYY-MM-DD`. @default "2010-12-01" */
  startDate?: string;
  /** Length of the period in days. @default 374 (as the UCI Online Retail data) */
  days?: number;
  /** Share of invoices without a customer (written as `NA`). @default 0.25 */
  missingCustomerRate?: number;
  /** Share of invoices that are cancellations (`C` prefix, negative quantities). @default 0.02 */
  cancellationRate?: number;
  /** Share of lines that are stock adjustments (quantity <= 0 on a normal invoice). @default 0.001 */
  adjustmentRate?: number;
  /** Share of lines with unit price 0. @default 0.001 */
  freeLineRate?: number;
  /**
   * A known change to inject, e.g. "half of the customers buy half as often from day 183 on": from day
   * `fromDay` (0 = startDate) each invoice of the first round(`share` · nCustomers) customers (IDs 12346, 12347, …,
   * a random group since every habit is drawn independently) is kept with probability `factor`, decided by a second
   * seeded stream: the log is the one without the change minus the dropped invoices (so it has fewer than nRows
   * rows). @default null (no change)
   */
  rateChange?: { fromDay: number; share: number; factor: number } | null;
  /**
   * Customers start and lapse during the period (a uniform start, then an exponential lifetime). With false every
   * customer is active over the whole period: a steady population, for controlled experiments. @default true
   */
  churn?: boolean;
}

/** What was written. */
export interface SyntheticTransactionsSummary {
  file: string;
  rows: number;
  invoices: number;
  /** Customers with an ID (some may have drawn no invoice). */
  customers: number;
  bytes: number;
}

/** The header written, the columns of the UCI Online Retail data. */
export const SYNTHETIC_TRANSACTIONS_HEADER =
  '"InvoiceNo","StockCode","Description","Quantity","InvoiceDate","UnitPrice","CustomerID","Country"';

const COUNTRIES = ["United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium", "Switzerland"];
const COUNTRY_WEIGHTS = [0.86, 0.035, 0.03, 0.025, 0.015, 0.015, 0.01, 0.01];
const N_PRODUCTS = 3000;
const DAY_MS = 86_400_000;
/** Text is flushed to the stream in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 20;

/**
 * Stream a seeded synthetic transaction log to a CSV file, in the layout of the UCI Online Retail data.
 *
 * Customers differ the way real ones do: each has a purchase rate (log-normal: a few buy very often),
 * a basket size (lines per invoice, log-normal mean, geometric draw), a typical quantity, an active
 * window inside the period (start uniform, then an exponential lifetime, so some lapse early), and a
 * home country. Invoices are drawn customer ∝ rate, dated uniformly in the customer's window, with
 * product prices fixed per stock code. Dirt as in the real data: invoices without a customer (`NA`),
 * cancellations (`C…` with negative quantities), adjustment lines (quantity <= 0) and free lines
 * (price 0). The same options give the same bytes.
 *
 * @param file - output path (overwritten).
 * @param options - `nRows` (required) and the rates; see {@link SyntheticTransactionsOptions}.
 * @returns a summary: rows, invoices, customers, bytes.
 * @throws {ArgumentError} when nRows or nCustomers is not a positive integer, days < 1 or a rate is outside [0, 1].
 * @example
 * await writeSyntheticTransactions("bench/data/tx-1e5.csv", { nRows: 100_000, seed: 1 });
 * // => { rows: 100000, invoices: …, customers: 2000, … }
 */
export async function writeSyntheticTransactions(
  file: string,
  options: SyntheticTransactionsOptions,
): Promise<SyntheticTransactionsSummary> {
  const opts = checkOptions(options);
  const out = fs.createWriteStream(file, { encoding: "utf8" });
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", resolve));
  };
  const summary = await generate(opts, write);
  out.end();
  await done;
  return { file, ...summary, bytes };
}

type Settings = Required<SyntheticTransactionsOptions>;

function checkOptions(options: SyntheticTransactionsOptions): Settings {
  const fn = "writeSyntheticTransactions";
  const { nRows } = options;
  if (!Number.isInteger(nRows) || nRows < 1)
    throw new ArgumentError(`${fn}: nRows=${nRows} must be a positive integer`);
  const opts: Settings = {
    nCustomers: Math.max(10, Math.round(nRows / 50)),
    seed: 0,
    startDate: "2010-12-01",
    days: 374,
    missingCustomerRate: 0.25,
    cancellationRate: 0.02,
    adjustmentRate: 0.001,
    freeLineRate: 0.001,
    rateChange: null,
    churn: true,
    ...options,
  };
  if (!Number.isInteger(opts.nCustomers) || opts.nCustomers < 1)
    throw new ArgumentError(`${fn}: nCustomers=${opts.nCustomers} must be a positive integer`);
  if (!(opts.days >= 1)) throw new ArgumentError(`${fn}: days=${opts.days} must be >= 1`);
  if (Number.isNaN(Date.parse(`${opts.startDate}T00:00:00Z`)))
    throw new ArgumentError(`${fn}: startDate=${opts.startDate} is not YYYY-MM-DD`);
  for (const key of ["missingCustomerRate", "cancellationRate", "adjustmentRate", "freeLineRate"] as const) {
    if (!(opts[key] >= 0 && opts[key] <= 1)) throw new ArgumentError(`${fn}: ${key}=${opts[key]} must be in [0, 1]`);
  }
  const change = opts.rateChange;
  if (
    change &&
    !(change.fromDay >= 0 && change.share >= 0 && change.share <= 1 && change.factor > 0 && change.factor <= 1)
  ) {
    throw new ArgumentError(
      `${fn}: rateChange=${JSON.stringify(change)} needs fromDay >= 0, share in [0, 1] and factor in (0, 1]`,
    );
  }
  return opts;
}

/** One synthetic customer's habits. */
interface Habit {
  id: number;
  country: string;
  /** Mean lines per invoice. */
  basket: number;
  /** Mean quantity per line. */
  quantity: number;
  /** Active window, ms since the epoch. */
  from: number;
  to: number;
}

/** Write the header and nRows lines (validated options assumed). */
async function generate(
  opts: Settings,
  write: (text: string) => Promise<void>,
): Promise<Omit<SyntheticTransactionsSummary, "file" | "bytes">> {
  const random = seededRandom(opts.seed);
  const start = Date.parse(`${opts.startDate}T00:00:00Z`);
  const periodMs = opts.days * DAY_MS;
  const prices = Array.from({ length: N_PRODUCTS }, () => roundCents(Math.exp(0.6 + 0.9 * randomNormal(random))));
  const habits: Habit[] = [];
  const cumulativeRate = new Float64Array(opts.nCustomers);
  let totalRate = 0;
  for (let c = 0; c < opts.nCustomers; c++) {
    totalRate += Math.exp(1.1 * randomNormal(random)); // purchase rate, log-normal
    cumulativeRate[c] = totalRate;
    const from = start + random() * periodMs;
    const lifetime = -Math.log(1 - random()) * 0.8 * periodMs; // exponential, mean 0.8 of the period
    habits.push({
      id: 12346 + c,
      country: pick(COUNTRIES, COUNTRY_WEIGHTS, random),
      basket: Math.exp(1.6 + 0.7 * randomNormal(random)),
      quantity: Math.exp(1.5 + 0.8 * randomNormal(random)),
      from: opts.churn ? from : start,
      to: opts.churn ? Math.min(start + periodMs, from + lifetime) : start + periodMs,
    });
  }
  const guest: Habit = { id: 0, country: "United Kingdom", basket: 4, quantity: 3, from: start, to: start + periodMs };
  const changeFrom = opts.rateChange ? start + opts.rateChange.fromDay * DAY_MS : null;
  const changedBelowId = 12346 + Math.round((opts.rateChange?.share ?? 0) * opts.nCustomers);
  const thinning = seededRandom(opts.seed + 1_000_003);
  let rows = 0;
  let written = 0;
  let invoice = 536365;
  let chunk = SYNTHETIC_TRANSACTIONS_HEADER + "\n";
  while (rows < opts.nRows) {
    const isGuest = random() < opts.missingCustomerRate;
    const habit = isGuest ? guest : habits[upperBound(cumulativeRate, random() * totalRate)]!;
    const cancelled = random() < opts.cancellationRate;
    const ms = habit.from + random() * (habit.to - habit.from);
    const dropped =
      changeFrom !== null &&
      !isGuest &&
      habit.id < changedBelowId &&
      ms >= changeFrom &&
      thinning() >= opts.rateChange!.factor;
    const invoiceNo = `${cancelled ? "C" : ""}${invoice++}`;
    const date = formatTimestamp(ms);
    const country = !isGuest && random() < 0.02 ? pick(COUNTRIES, COUNTRY_WEIGHTS, random) : habit.country;
    const customer = isGuest ? "NA" : String(habit.id);
    const lines = Math.min(opts.nRows - rows, 1 + geometric(habit.basket - 1, random));
    for (let l = 0; l < lines; l++) {
      const product = Math.floor(random() * N_PRODUCTS);
      let quantity = 1 + geometric(habit.quantity - 1, random);
      if (cancelled) quantity = -quantity;
      else if (random() < opts.adjustmentRate) quantity = -Math.floor(random() * 5);
      const price = random() < opts.freeLineRate ? 0 : prices[product]!;
      if (!dropped)
        chunk += `"${invoiceNo}","${20000 + product}","ITEM ${20000 + product}",${quantity},"${date}",${price},${customer},"${country}"\n`;
    }
    rows += lines;
    if (!dropped) written += lines;
    if (chunk.length >= CHUNK_CHARS) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  return { rows: written, invoices: invoice - 536365, customers: opts.nCustomers };
}

/** The first index whose cumulative weight exceeds `x` (binary search). */
function upperBound(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A geometric draw on {0, 1, 2, …} with the given mean (0 when mean <= 0). */
function geometric(mean: number, random: RandomSource): number {
  if (mean <= 0) return 0;
  const p = 1 / (1 + mean);
  return Math.floor(Math.log(1 - random()) / Math.log(1 - p));
}

function pick<T>(values: readonly T[], weights: readonly number[], random: RandomSource): T {
  let u = random();
  for (let i = 0; i < values.length; i++) {
    u -= weights[i]!;
    if (u < 0) return values[i]!;
  }
  return values[values.length - 1]!;
}

function roundCents(x: number): number {
  return Math.max(0.01, Math.round(x * 100) / 100);
}

/** `YYYY-MM-DD HH:MM:00` (UTC), minutes as in the UCI data. */
function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 19).replace("T", " ");
}
