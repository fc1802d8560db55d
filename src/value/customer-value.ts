/**
 * Transactions → one row per customer with the RFM columns of notebook 06 and the customer-value columns:
 * BG/NBD expected purchases and P(alive), Gamma-Gamma expected spend, discounted CLV and the value segment.
 * What `segment value` writes.
 */
import { ArgumentError, DataError } from "../core/errors";
import { rfmFeatures } from "../rfm/features";
import { rfmScores } from "../rfm/scoring";
import { rfmSegment, type RfmSegment } from "../rfm/segments";
import { betaGeoExpectedPurchases, betaGeoProbabilityAlive } from "./beta-geo-predict";
import { customerLifetimeValue } from "./customer-lifetime-value";
import { fitBetaGeo, type BetaGeoFit } from "./fit-beta-geo";
import { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaFit } from "./gamma-gamma";
import { valueColumns, valueSummary } from "./value-summary";
import { valueSegments } from "./value-segments";

export interface CustomerValueOptions {
  /** CLV horizon in months (expected purchases are over the same horizon). @default 12 */
  months?: number;
  /** Monthly discount rate. @default 0.01 */
  discountRate?: number;
  /** L2 penalty of both fits. @default 0 */
  penalizer?: number;
}

/** One customer's row. */
export interface CustomerValueRow {
  CustomerID: string;
  recency_days: number;
  frequency: number;
  monetary: number;
  R: number;
  F: number;
  M: number;
  rfm_segment: RfmSegment;
  /** BG/NBD inputs in days: repeat purchase days, first → last purchase day, first purchase → last day of the data. */
  repeat_purchases: number;
  recency_repeat_days: number;
  age_days: number;
  /** Mean value of the repeat purchase days (0 without). */
  avg_repeat_value: number;
  expected_purchases: number;
  p_alive: number;
  expected_spend: number;
  clv: number;
  value_segment: string;
}

export interface CustomerValueResult {
  rows: CustomerValueRow[];
  betaGeo: BetaGeoFit;
  gammaGamma: GammaGammaFit;
  months: number;
  discountRate: number;
  /** Days per month of the horizon (30, as `lifetimes`' freq "D"). */
  unitsPerMonth: number;
  /** Last purchase day in the data, `YYYY-MM-DD` (the end of observation). */
  observationEnd: string;
}

/** The columns of value.csv, in order. */
export const VALUE_CSV_COLUMNS = [
  "CustomerID",
  "recency_days",
  "frequency",
  "monetary",
  "R",
  "F",
  "M",
  "rfm_segment",
  "repeat_purchases",
  "recency_repeat_days",
  "age_days",
  "avg_repeat_value",
  "expected_purchases",
  "p_alive",
  "expected_spend",
  "clv",
  "value_segment",
] as const;

/**
 * RFM and customer-value columns for every customer of a transactions CSV (cleaned as in notebook 06; time in
 * days; expected purchases and CLV over the next `months`).
 *
 * @param file - transactions CSV (columns InvoiceNo, Quantity, InvoiceDate, UnitPrice, CustomerID, Country).
 * @param options - see {@link CustomerValueOptions}.
 * @returns the rows (by CustomerID), both fits and the settings.
 * @throws {DataError} for a bad file, or no customer with a repeat purchase (nothing to fit).
 * @throws {ArgumentError} for months not a positive integer, or a negative discount rate or penalizer.
 * @example
 * const { rows, betaGeo } = await customerValue("data/online_retail_sample.csv");
 * rows.length; // => 3017
 */
export async function customerValue(file: string, options: CustomerValueOptions = {}): Promise<CustomerValueResult> {
  const fn = "customerValue";
  const { months = 12, discountRate = 0.01, penalizer = 0 } = options;
  if (!Number.isInteger(months) || months < 1)
    throw new ArgumentError(`${fn}: months=${months} must be a positive integer`);
  if (!(discountRate >= 0 && Number.isFinite(discountRate)))
    throw new ArgumentError(`${fn}: discountRate=${discountRate} must be a finite number >= 0`);
  const summary = await valueSummary(file);
  const columns = valueColumns(summary.customers);
  if (!columns.frequency.some((x) => x > 0))
    throw new DataError(
      `none of the ${columns.frequency.length} customers bought on two different days: nothing to fit the purchase model to`,
      { file },
    );
  const { customers: rfm } = await rfmFeatures(file);
  const scores = rfmScores(rfm);
  const rfmById = new Map(rfm.map((c, i) => [c.customer_id, { c, s: scores[i]! }]));
  const betaGeo = fitBetaGeo(columns, { penalizer });
  const gammaGamma = fitGammaGamma(columns, { penalizer });
  const unitsPerMonth = 30;
  const { frequency, recency, T, monetary } = columns;
  const expected = betaGeoExpectedPurchases(betaGeo, months * unitsPerMonth, frequency, recency, T);
  const alive = betaGeoProbabilityAlive(betaGeo, frequency, recency, T);
  const spend = gammaGammaExpectedSpend(gammaGamma, frequency, monetary);
  const clv = customerLifetimeValue({
    betaGeo,
    gammaGamma,
    frequency,
    recency,
    T,
    monetary,
    months,
    discountRate,
    unitsPerMonth,
  });
  const segments = valueSegments(clv, alive);
  const rows = summary.customers.map((v, i): CustomerValueRow => {
    const match = rfmById.get(v.customer_id);
    if (!match)
      throw new DataError(`customer ${JSON.stringify(v.customer_id)} has purchase days but no RFM row`, { file });
    const { c, s } = match;
    return {
      CustomerID: v.customer_id,
      recency_days: c.recency_days,
      frequency: c.frequency,
      monetary: c.monetary,
      R: s.R,
      F: s.F,
      M: s.M,
      rfm_segment: rfmSegment(s),
      repeat_purchases: v.frequency,
      recency_repeat_days: v.recency,
      age_days: v.T,
      avg_repeat_value: v.monetary,
      expected_purchases: expected[i]!,
      p_alive: alive[i]!,
      expected_spend: spend[i]!,
      clv: clv[i]!,
      value_segment: segments[i]!.segment,
    };
  });
  return { rows, betaGeo, gammaGamma, months, discountRate, unitsPerMonth, observationEnd: summary.lastDate };
}
