/** `segment score`: assign new customers to the segments of a saved model.json. */
import type { ImputeMethod } from "../data/customer-table";
import { readModelTable } from "../model/read-model-table";
import type { Delimiter } from "../data/read-csv";
import type { InputEncoding } from "../io/read-input";
import { planOutputFile } from "../io/output-place";
import { writeOutputFile } from "../io/output-writer";
import { scoreEncoded } from "../model/score-model";
import { encodeRows } from "../model/segment-model";
import { readModel } from "../model/validate-model";
import { pseudonymiseIds } from "../profile/pseudonymise-ids";
import { toCsv } from "../profile/to-csv";
import { Progress } from "./progress";

export interface ScoreOptions {
  model: string;
  input: string;
  /** The CSV to write: new, or a file this command wrote before (via a temporary file renamed into place). */
  out: string;
  /** @default "none" ("median" uses the training medians stored in the model) */
  impute?: ImputeMethod;
  delimiter?: Delimiter;
  /** @default "utf-8" */
  encoding?: InputEncoding;
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

/** A first line `segment score` writes: `<id column>[ (pseudonym)],segment,segment_name`. */
const ownScoreHeader = (line: string): boolean => /,segment,segment_name$/.test(line);

/** Score a customers CSV with a saved model and write `<id>, segment, segment_name`. */
export function scoreCustomers(options: ScoreOptions): ScoreSummary {
  const progress = options.progress ?? new Progress({ enabled: false });
  const placeOptions = { inputs: [options.model, options.input], ownedIf: ownScoreHeader };
  planOutputFile(options.out, placeOptions);
  const model = readModel(options.model);
  const table = progress.step("read CSV", () =>
    readModelTable(model, options.input, {
      ...(options.impute ? { impute: options.impute } : {}),
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
    }),
  );
  const labels = progress.step("score", () => scoreEncoded(model, encodeRows(model, table.X, table.categorical)));
  const key = options.idKey ?? (process.env.SEGMENT_ID_KEY || undefined) ?? `mall-segments:${model.seed}`;
  const ids = options.keepIds ? table.ids : pseudonymiseIds(table.ids, { key });
  const nameOf = new Map(model.segments.map((s) => [s.segment, s.name]));
  const csv = toCsv(
    labels.map((l, i) => [ids[i]!, l, nameOf.get(l) ?? ""]),
    [options.keepIds ? model.idColumn : `${model.idColumn} (pseudonym)`, "segment", "segment_name"],
    { formulaSafe: true },
  );
  writeOutputFile(options.out, csv, placeOptions);
  const counts = model.segments.map((s) => ({
    segment: s.segment,
    name: s.name,
    size: labels.filter((l) => l === s.segment).length,
  }));
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
