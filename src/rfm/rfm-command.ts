import fs from "node:fs";
import path from "node:path";
import { ArgumentError, DataError } from "../core/errors";
import { toCsv } from "../profile/to-csv";
import { clusterRfm } from "./cluster-rfm";
import { compareGroupings } from "./compare-groupings";
import { rfmFeatures, type FunnelStep } from "./features";
import { rfmScores, type QuintileTies } from "./scoring";
import { RFM_SEGMENTS, rfmSegment, type RfmSegment } from "./segments";

/** Options of `segment rfm <input> --out <dir>`. */
export interface RunRfmOptions {
  /** The transactions CSV. */
  input: string;
  /** Output directory (created if missing); `rfm.csv` is written there. */
  out: string;
  /** k-means clusters on the log RFM values. @default 4 */
  k?: number;
  /** k-means seed. @default 0 */
  seed?: number;
  /** No progress lines on stderr. @default false */
  quiet?: boolean;
  /** Quintile tie rule. @default "first" */
  ties?: QuintileTies;
  /** Snapshot day `YYYY-MM-DD`: only earlier invoices count, recency is counted to it (see rfmFeatures). @default "" (the day after the latest invoice) */
  asOf?: string;
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

export interface RunRfmResult {
  /** The rows written to rfm.csv (full precision; the file rounds monetary and aov to cents). */
  rows: RfmRow[];
  funnel: FunnelStep[];
  /** Path of the written rfm.csv. */
  file: string;
  snapshotDate: string;
  /** Customers per segment, in RFM_SEGMENTS order (absent segments omitted). */
  segmentCounts: Partial<Record<RfmSegment, number>>;
  /** Customers per cluster, by cluster number. */
  clusterCounts: number[];
  /** Adjusted Rand index between the RFM segments and the clusters. */
  ari: number;
}

/** The columns of rfm.csv, in order. */
export const RFM_CSV_COLUMNS = ["CustomerID", "recency_days", "frequency", "monetary", "aov", "R", "F", "M", "rfm_segment", "cluster"] as const;

/**
 * `segment rfm <input> --out <dir>`: transactions → cleaned → per-customer R/F/M → quintile scores,
 * named segment and k-means cluster → `<out>/rfm.csv` (written to a temporary file, then renamed, so a
 * reader never sees half a file).
 *
 * @param options - see {@link RunRfmOptions}.
 * @returns the rows, the cleaning funnel, the file path, segment/cluster counts and their ARI.
 * @throws {DataError} for a bad input file (missing, missing column, unparseable value) or fewer
 *   customers than k after cleaning.
 * @throws {ArgumentError} for k not a positive integer.
 * @example
 * const { rows, funnel } = await runRfm({ input: "data/online_retail_sample.csv", out: "out/rfm" });
 * rows.length; // => 3017
 */
export async function runRfm(options: RunRfmOptions): Promise<RunRfmResult> {
  const { input, out, k = 4, seed = 0, quiet = false, ties = "first" } = options;
  if (!Number.isInteger(k) || k < 1) throw new ArgumentError(`runRfm: k=${k} must be a positive integer`);
  const log = (line: string) => {
    if (!quiet) process.stderr.write(`segment rfm: ${line}\n`);
  };
  const features = await rfmFeatures(input, { asOf: options.asOf ?? "" });
  const { customers, funnel } = features;
  log(`${funnel[0]!.remaining} rows read; ${funnel.slice(1).map((s) => `${s.step} -${s.removed}`).join(", ")}; ${funnel.at(-1)!.remaining} kept`);
  if (customers.length < k) {
    throw new DataError(`${customers.length} customers left after cleaning, fewer than k=${k} clusters`, { file: input });
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
  const file = path.join(out, "rfm.csv");
  writeFileAtomic(file, toCsv(rows.map(csvRow), RFM_CSV_COLUMNS));
  const comparison = compareGroupings(segments, clustering.labels, RFM_SEGMENTS);
  const segmentCounts: Partial<Record<RfmSegment, number>> = {};
  comparison.rows.forEach((s, i) => (segmentCounts[s] = comparison.counts[i]!.reduce((a, b) => a + b, 0)));
  const clusterCounts = new Array<number>(k).fill(0);
  clustering.labels.forEach((label) => clusterCounts[label]!++);
  log(`${rows.length} customers (snapshot ${features.snapshotDate}), ${comparison.rows.length} segments, k=${k} clusters, ARI ${comparison.ari.toFixed(3)} → ${file}`);
  return { rows, funnel, file, snapshotDate: features.snapshotDate, segmentCounts, clusterCounts, ari: comparison.ari };
}

/** A CSV line's cells: money rounded to cents. */
function csvRow(row: RfmRow): Record<string, string | number> {
  return { ...row, monetary: cents(row.monetary), aov: cents(row.aov) };
}

function cents(x: number): string {
  return x.toFixed(2);
}

/** Write `text` to `file` through a temporary sibling and a rename (atomic on one file system). */
function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
