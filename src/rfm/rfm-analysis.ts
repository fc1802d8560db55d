/**
 * The RFM analysis of a transactions file, as a library call: cleaned transactions → per-customer R/F/M →
 * quintile scores, named segment and k-means cluster, with the rfm.csv text. It computes only; the command line
 * (`cli/rfm-command.ts`) writes the file and prints.
 */
import { ArgumentError, DataError } from "../core/errors";
import { toCsv } from "../profile/to-csv";
import { clusterRfm } from "./cluster-rfm";
import { compareGroupings } from "./compare-groupings";
import { rfmFeatures, type FunnelStep, type RfmFeaturesOptions } from "./features";
import { rfmScores, type QuintileTies } from "./scoring";
import { RFM_SEGMENTS, rfmSegment, type RfmSegment } from "./segments";

/** Options of {@link analyseRfm}. */
export interface RfmAnalysisOptions {
  /** k-means clusters on the log RFM values. @default 4 */
  k?: number;
  /** k-means seed. @default 0 */
  seed?: number;
  /** Quintile tie rule: `"min"` keeps equal values in one score, `"first"` splits them by row order. @default "min" */
  ties?: QuintileTies;
  /** Options of the feature step: the run's clock, the file's encoding, DuckDB resources. @default {} */
  features?: RfmFeaturesOptions;
}

/** One line of rfm.csv. */
export interface RfmRow {
  CustomerID: string;
  recency_days: number;
  frequency: number;
  monetary: number;
  aov: number;
  R: number;
  F: number;
  M: number;
  rfm_segment: RfmSegment;
  cluster: number;
}

export interface RfmAnalysis {
  /** The rows of rfm.csv (full precision; the file rounds monetary and aov to cents). */
  rows: RfmRow[];
  funnel: FunnelStep[];
  snapshotDate: string;
  /** Customers per segment, in RFM_SEGMENTS order (absent segments omitted). */
  segmentCounts: Partial<Record<RfmSegment, number>>;
  /** Customers per cluster, by cluster number. */
  clusterCounts: number[];
  /** Adjusted Rand index between the RFM segments and the clusters. */
  ari: number;
}

/** The columns of rfm.csv, in order. */
export const RFM_CSV_COLUMNS = [
  "CustomerID",
  "recency_days",
  "frequency",
  "monetary",
  "aov",
  "R",
  "F",
  "M",
  "rfm_segment",
  "cluster",
] as const;

/**
 * RFM analysis of a transactions CSV: the rows of rfm.csv, the cleaning funnel, segment and cluster counts.
 *
 * @param input - transactions CSV (columns InvoiceNo, Quantity, InvoiceDate, UnitPrice, CustomerID, Country).
 * @param options - `k` (default 4), `seed` (default 0), `ties` (default "min").
 * @returns rows, funnel, snapshot date, segment/cluster counts and their ARI.
 * @throws {DataError} for a bad input file (missing, not a file, missing column, unparseable or non-finite value,
 *   file row and column named) or fewer customers than k after cleaning.
 * @throws {ArgumentError} for k not a positive integer.
 * @example
 * const { rows } = await analyseRfm("data/online_retail_sample.csv");
 * rows.length; // => 3017
 */
export async function analyseRfm(input: string, options: RfmAnalysisOptions = {}): Promise<RfmAnalysis> {
  const { k = 4, seed = 0, ties = "min" } = options;
  if (!Number.isInteger(k) || k < 1) throw new ArgumentError(`rfm: --k ${k} must be an integer >= 1`);
  const features = await rfmFeatures(input, options.features ?? {});
  const { customers, funnel } = features;
  if (customers.length < k) {
    throw new DataError(`${customers.length} customers left after cleaning, fewer than k=${k} clusters`, {
      file: input,
    });
  }
  const scores = rfmScores(customers, { ties });
  const segments = scores.map(rfmSegment);
  const clustering = clusterRfm(customers, { k, seed });
  const rows: RfmRow[] = customers.map((c, i) => ({
    CustomerID: c.customer_id,
    recency_days: c.recency_days,
    frequency: c.frequency,
    monetary: c.monetary,
    aov: c.aov,
    ...scores[i]!,
    rfm_segment: segments[i]!,
    cluster: clustering.labels[i]!,
  }));
  const comparison = compareGroupings(segments, clustering.labels, RFM_SEGMENTS);
  const segmentCounts: Partial<Record<RfmSegment, number>> = {};
  comparison.rows.forEach((s, i) => (segmentCounts[s] = comparison.counts[i]!.reduce((a, b) => a + b, 0)));
  const clusterCounts = new Array<number>(k).fill(0);
  clustering.labels.forEach((label) => clusterCounts[label]!++);
  return { rows, funnel, snapshotDate: features.snapshotDate, segmentCounts, clusterCounts, ari: comparison.ari };
}

/** rfm.csv text: {@link RFM_CSV_COLUMNS}, money rounded to cents, text cells formula-safe. */
export function rfmCsv(rows: readonly RfmRow[]): string {
  return toCsv(rows.map(csvRow), RFM_CSV_COLUMNS, { formulaSafe: true });
}

/** A CSV line's cells: money rounded to cents. */
function csvRow(row: RfmRow): Record<string, string | number> {
  return { ...row, monetary: cents(row.monetary), aov: cents(row.aov) };
}

function cents(x: number): string {
  return x.toFixed(2);
}
