/** `segment score`: assign new customers to the segments of a saved model.json. */
import fs from "node:fs";
import path from "node:path";
import { DataError } from "../core/errors";
import type { Delimiter } from "../data/read-csv";
import { pseudonymiseIds } from "../profile/pseudonymise-ids";
import { toCsv } from "../profile/to-csv";
import { readCustomerTable, type ImputeMethod } from "./customer-table";
import { Progress } from "./progress";
import { encodeRows, parseModel, scoreEncoded, type SegmentModel } from "./segment-model";

export interface ScoreOptions {
  model: string;
  input: string;
  /** The CSV to write (via a temporary file renamed into place). */
  out: string;
  /** @default "none" ("median" uses the training medians stored in the model) */
  impute?: ImputeMethod;
  delimiter?: Delimiter;
  keepIds?: boolean;
  idKey?: string;
  progress?: Progress;
}

export interface ScoreSummary {
  model: string;
  input: string;
  out: string;
  rowsRead: number;
  rowsScored: number;
  dropped: number;
  imputed: Record<string, number>;
  counts: { segment: number; name: string; size: number }[];
}

/** Read a model.json file. @throws {DataError} when missing or invalid. */
export function readModel(file: string): SegmentModel {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(code === "ENOENT" ? "file not found" : `cannot read file (${code})`, { file });
  }
  return parseModel(text, file);
}

/** Score a customers CSV with a saved model and write `<id>, segment, segment_name`. */
export function scoreCustomers(options: ScoreOptions): ScoreSummary {
  const progress = options.progress ?? new Progress({ enabled: false });
  const model = readModel(options.model);
  if (fs.existsSync(options.out) && fs.statSync(options.out).isDirectory()) {
    throw new DataError("the output path is a folder; name the CSV file to write", { file: options.out });
  }
  const table = progress.step("read CSV", () =>
    readCustomerTable(options.input, {
      id: model.idColumn,
      features: model.features,
      categorical: model.categorical.map((c) => c.column),
      impute: options.impute ?? "none",
      imputeValues: model.imputeValues,
      delimiter: options.delimiter ?? "auto",
    }),
  );
  const labels = progress.step("score", () => scoreEncoded(model, encodeRows(model, table.X, table.categorical)));
  const key = options.idKey ?? (process.env.SEGMENT_ID_KEY || undefined) ?? `mall-segments:${model.seed}`;
  const ids = options.keepIds ? table.ids : pseudonymiseIds(table.ids, { key });
  const nameOf = new Map(model.segments.map((s) => [s.segment, s.name]));
  const csv = toCsv(
    labels.map((l, i) => [ids[i]!, l, nameOf.get(l) ?? ""]),
    [options.keepIds ? model.idColumn : `${model.idColumn} (pseudonym)`, "segment", "segment_name"],
  );
  writeFileAtomically(options.out, csv);
  const counts = model.segments.map((s) => ({ segment: s.segment, name: s.name, size: labels.filter((l) => l === s.segment).length }));
  return {
    model: options.model,
    input: options.input,
    out: options.out,
    rowsRead: table.rowsRead,
    rowsScored: labels.length,
    dropped: table.dropped,
    imputed: table.imputed,
    counts,
  };
}

function writeFileAtomically(file: string, content: string): void {
  const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.tmp-${process.pid}-${Date.now()}`);
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw new DataError(`cannot write output (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file });
  }
}
