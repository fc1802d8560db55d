/**
 * `segment rfm <transactions.csv> --out <dir>`: the library's RFM analysis (`rfm/rfm-analysis.ts`), then rfm.csv
 * written into the output folder by the safe writer, and the progress lines printed.
 */
import path from "node:path";
import { ArgumentError } from "../core/errors";
import type { InputEncoding } from "../io/read-input";
import { planOutputDir } from "../io/output-place";
import { writeOutputDir } from "../io/output-writer";
import { analyseRfm, rfmCsv, type RfmAnalysis } from "../rfm/rfm-analysis";
import type { QuintileTies } from "../rfm/scoring";

/** Options of `segment rfm <input> --out <dir>`. */
export interface RunRfmOptions {
  /** The transactions CSV. */
  input: string;
  /** Output folder (new, empty, or written by segment before); `rfm.csv` is written there. */
  out: string;
  /** k-means clusters on the log RFM values. @default 4 */
  k?: number;
  /** k-means seed. @default 0 */
  seed?: number;
  /** No progress lines on stderr. @default false */
  quiet?: boolean;
  /** Quintile tie rule. @default "min" */
  ties?: QuintileTies;
  /** Snapshot day `YYYY-MM-DD`: only earlier invoices count, recency is counted to it. @default "" (the day after the latest invoice) */
  asOf?: string;
  /** The input's text encoding. @default "utf-8" */
  encoding?: InputEncoding;
}

export interface RunRfmResult extends RfmAnalysis {
  /** Path of the written rfm.csv. */
  file: string;
}

/** The file `segment rfm` writes into its output folder. */
export const RFM_FILE = "rfm.csv";

/**
 * Run the RFM analysis and write `<out>/rfm.csv` (all or nothing, under the `--out` rule of `io/output-place.ts`).
 * @throws {DataError} for bad input or a refused output folder (checked before any work).
 * @throws {ArgumentError} for k not a positive integer.
 */
export async function runRfm(options: RunRfmOptions): Promise<RunRfmResult> {
  const { input, out, quiet = false } = options;
  const log = (line: string) => {
    if (!quiet) process.stderr.write(`segment rfm: ${line}\n`);
  };
  if (options.k !== undefined && (!Number.isInteger(options.k) || options.k < 1))
    throw new ArgumentError(`rfm: --k ${options.k} must be an integer >= 1`);
  planOutputDir(out, [RFM_FILE], { inputs: [input] });
  const analysis = await analyseRfm(input, {
    ...(options.k !== undefined ? { k: options.k } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.ties !== undefined ? { ties: options.ties } : {}),
    features: { encoding: options.encoding ?? "utf-8", ...(options.asOf ? { asOf: options.asOf } : {}) },
  });
  const { funnel } = analysis;
  log(
    `${funnel[0]!.remaining} rows read; ${funnel
      .slice(1)
      .map((s) => `${s.step} -${s.removed}`)
      .join(", ")}; ${funnel.at(-1)!.remaining} kept`,
  );
  writeOutputDir(out, { [RFM_FILE]: rfmCsv(analysis.rows) }, { inputs: [input], command: "segment rfm" });
  const file = path.join(out, RFM_FILE);
  const k = analysis.clusterCounts.length;
  log(
    `${analysis.rows.length} customers (snapshot ${analysis.snapshotDate}), ${Object.keys(analysis.segmentCounts).length} segments, k=${k} clusters, ARI ${analysis.ari.toFixed(3)} → ${file}`,
  );
  return { ...analysis, file };
}
