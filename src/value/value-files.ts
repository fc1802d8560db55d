/**
 * Write the outputs of `segment value`: `value.csv` (one row per customer) and `value-model.json` (the fitted
 * parameters and settings). Each file goes to a temporary sibling first and is renamed into place, so a reader
 * never sees half a file; only these two names are ever written in the folder.
 */
import fs from "node:fs";
import path from "node:path";
import { DataError } from "../core/errors";
import { toCsv } from "../profile/to-csv";
import { VALUE_CSV_COLUMNS, type CustomerValueResult } from "./customer-value";

export const VALUE_FILES = { table: "value.csv", model: "value-model.json" } as const;

/** The JSON model: format tag, parameters, settings. */
export function valueModelJson(result: CustomerValueResult, version: string): string {
  const { betaGeo, gammaGamma, months, discountRate, unitsPerMonth, observationEnd, rows } = result;
  return JSON.stringify(
    {
      format: "mall-segments/value-model",
      version: 1,
      toolVersion: version,
      timeUnit: "day",
      observationEnd,
      customers: rows.length,
      betaGeo,
      gammaGamma,
      clv: { months, discountRate, unitsPerMonth },
    },
    null,
    2,
  ) + "\n";
}

/** value.csv text: money and predictions rounded to 6 significant digits, the rest as is. */
export function valueCsv(result: CustomerValueResult): string {
  const round = (x: number) => Number(x.toPrecision(6));
  return toCsv(
    result.rows.map((r) => ({ ...r, monetary: r.monetary.toFixed(2), avg_repeat_value: r.avg_repeat_value.toFixed(2), expected_purchases: round(r.expected_purchases), p_alive: round(r.p_alive), expected_spend: r.expected_spend.toFixed(2), clv: r.clv.toFixed(2) })),
    VALUE_CSV_COLUMNS,
  );
}

/**
 * Write value.csv and value-model.json into `dir` (created if missing).
 * @param dir - output folder.
 * @param result - from `customerValue`.
 * @param input - the input file, which is never overwritten.
 * @param version - the tool's version, recorded in the JSON.
 * @returns the two paths written.
 * @throws {DataError} when `dir` is an existing file, an output would be the input, or a file cannot be written.
 */
export function writeValueFiles(dir: string, result: CustomerValueResult, input: string, version = "0.0.0"): string[] {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new DataError("the output path exists and is not a folder", { file: dir });
  const files: [string, string][] = [
    [path.join(dir, VALUE_FILES.table), valueCsv(result)],
    [path.join(dir, VALUE_FILES.model), valueModelJson(result, version)],
  ];
  for (const [file] of files) {
    if (path.resolve(file) === path.resolve(input)) throw new DataError("refusing to overwrite the input file with an output", { file });
  }
  fs.mkdirSync(dir, { recursive: true });
  const temps = files.map(([file]) => `${file}.${process.pid}.tmp`);
  try {
    files.forEach(([, text], i) => fs.writeFileSync(temps[i]!, text));
    files.forEach(([file], i) => fs.renameSync(temps[i]!, file));
  } catch (err) {
    for (const t of temps) fs.rmSync(t, { force: true });
    throw new DataError(`cannot write outputs (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file: dir });
  }
  return files.map(([file]) => file);
}
