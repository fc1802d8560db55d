/**
 * `segment drift`: score a reference and a current customer table with a saved model.json and compare them —
 * per-feature PSI, segment-share PSI, migration and a verdict — then write drift.json and a self-contained drift.html.
 * The model, table reading and output writing are those of `segment score` / `segment run`.
 */
import type { ImputeMethod } from "../data/customer-table";
import { readModelTable } from "../model/read-model-table";
import type { Delimiter } from "../data/read-csv";
import { planOutputDir } from "../io/output-place";
import { writeOutputDir } from "../io/output-writer";
import { encodeRows, type SegmentModel } from "../model/segment-model";
import { scoreEncoded } from "../model/score-model";
import { readModel } from "../model/validate-model";
import { buildDriftReport } from "../report/build-drift-report";
import type { StabilityBand } from "./bands";
import { computeDrift, type DriftResult, type DriftSnapshot } from "./drift";

export interface RunDriftOptions {
  /** The model.json of `segment run`. */
  model: string;
  /** The customers the model was fitted on, or any earlier snapshot (CSV). */
  reference: string;
  /** The current customers (CSV with the same columns). */
  current: string;
  /** Output folder: drift.json and drift.html, written all or nothing. */
  out: string;
  /** Missing feature values: refuse, fill with the model's training medians, or drop the rows. @default "none" */
  impute?: ImputeMethod;
  /** @default "auto" */
  delimiter?: Delimiter;
  /** Quantile bins per numeric feature. @default 10 */
  bins?: number;
  /** PSI share floor. @default 1e-4 */
  epsilon?: number;
  /** Runs each step (e.g. to time it and report progress). @default run it as it is */
  step?: <T>(label: string, work: () => T) => T;
}

/** The files `segment drift` writes into its output folder. */
export const DRIFT_FILES = ["drift.json", "drift.html"] as const;

/** Rows of one table: read, scored, dropped (`--impute drop`) and imputed per feature. */
export interface DriftTableRows {
  file: string;
  read: number;
  scored: number;
  dropped: number;
  imputed: Record<string, number>;
}

/** The summary printed by `--json` (and kept in drift.json). */
export interface DriftSummary {
  features: Record<string, { psi: number; band: StabilityBand }>;
  segments: {
    psi: number;
    band: StabilityBand;
    reference: Record<string, { name: string; count: number; share: number }>;
    current: Record<string, { name: string; count: number; share: number }>;
  };
  migration: {
    matched: number;
    stayed: number;
    moved: number;
    left: number;
    entered: number;
    segments: number[];
    counts: number[][];
  };
  verdict: StabilityBand;
  explanation: string;
  rows: { reference: DriftTableRows; current: DriftTableRows };
  files: string[];
}

export interface RunDriftResult {
  summary: DriftSummary;
  drift: DriftResult;
}

/** The layout of drift.json. */
export const DRIFT_FORMAT = "mall-segments/drift";
export const DRIFT_VERSION = 1;

/**
 * Run `segment drift`: read the model and both tables (the same validation as `segment score`), score them,
 * compare them with {@link computeDrift}, and write `<out>/drift.json` and `<out>/drift.html` (through a temporary
 * folder renamed into place: on any error nothing is written and a previous `<out>` stays as it was).
 *
 * @param options - see {@link RunDriftOptions}.
 * @returns the summary (as printed by `--json`) and the full drift result.
 * @throws {DataError} for a missing or invalid model, a bad table (file, row, column) or an unwritable output.
 * @throws {ArgumentError} for bad bins or epsilon.
 * @example
 * const { summary } = runDrift({ model: "out/model.json", reference: "june.csv", current: "december.csv", out: "drift/" });
 * summary.verdict; // => "watch"
 */
export function runDrift(options: RunDriftOptions): RunDriftResult {
  const step = options.step ?? (<T>(_label: string, work: () => T): T => work());
  const inputs = [options.model, options.reference, options.current];
  const model = readModel(options.model);
  planOutputDir(options.out, DRIFT_FILES, { inputs });
  const reference = step("read and score the reference", () => scoreTable(model, options.reference, options));
  const current = step("read and score the current table", () => scoreTable(model, options.current, options));
  const drift = step("compare", () =>
    computeDrift(reference.snapshot, current.snapshot, {
      bins: options.bins ?? 10,
      epsilon: options.epsilon ?? 1e-4,
      segments: model.segments,
    }),
  );
  const files = [...DRIFT_FILES];
  const summary = driftSummary(drift, { reference: reference.rows, current: current.rows }, files);
  const html = step("build drift.html", () =>
    buildDriftReport({
      files: { model: options.model, reference: options.reference, current: options.current },
      drift,
      psiOptions: { bins: options.bins ?? 10, epsilon: options.epsilon ?? 1e-4 },
    }),
  );
  const json = {
    format: DRIFT_FORMAT,
    version: DRIFT_VERSION,
    model: options.model,
    options: { bins: options.bins ?? 10, epsilon: options.epsilon ?? 1e-4, impute: options.impute ?? "none" },
    ...summary,
    details: { features: drift.features, segments: drift.segments.shares, migration: drift.migration },
  };
  writeOutputDir(
    options.out,
    { "drift.json": JSON.stringify(json, null, 2) + "\n", "drift.html": html },
    { inputs, command: "segment drift" },
  );
  return { summary, drift };
}

/** The `--json` summary of a drift result. */
export function driftSummary(drift: DriftResult, rows: DriftSummary["rows"], files: string[]): DriftSummary {
  const side = (count: (s: DriftResult["segments"]["shares"][number]) => number, n: number) =>
    Object.fromEntries(
      drift.segments.shares.map((s) => [String(s.segment), { name: s.name, count: count(s), share: count(s) / n }]),
    );
  const m = drift.migration;
  return {
    features: Object.fromEntries(drift.features.map((f) => [f.name, { psi: f.psi, band: f.band }])),
    segments: {
      psi: drift.segments.psi,
      band: drift.segments.band,
      reference: side((s) => s.referenceCount, drift.rows.reference),
      current: side((s) => s.currentCount, drift.rows.current),
    },
    migration: {
      matched: m.matched,
      stayed: m.stayed,
      moved: m.matched - m.stayed,
      left: m.left.reduce((a, b) => a + b, 0),
      entered: m.entered.reduce((a, b) => a + b, 0),
      segments: m.segments,
      counts: m.counts,
    },
    verdict: drift.verdict,
    explanation: drift.explanation,
    rows,
    files,
  };
}

/** Read one table with the model's columns, score it, and keep only the columns the drift needs (typed arrays). */
function scoreTable(
  model: SegmentModel,
  file: string,
  options: RunDriftOptions,
): { snapshot: DriftSnapshot; rows: DriftTableRows } {
  const table = readModelTable(model, file, {
    ...(options.impute ? { impute: options.impute } : {}),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
  });
  const labels = scoreEncoded(model, encodeRows(model, table.X, table.categorical));
  const numeric: Record<string, Float64Array> = {};
  model.features.forEach((name, j) => (numeric[name] = Float64Array.from(table.X, (row) => row[j]!)));
  return {
    snapshot: { ids: table.ids, numeric, categorical: table.categorical, labels },
    rows: { file, read: table.rowsRead, scored: labels.length, dropped: table.dropped, imputed: table.imputed },
  };
}
