/**
 * Write the outputs of `segment value`: `value.csv` (one row per customer) and `value-model.json` (the fitted
 * parameters and settings), through the package's one safe output writer.
 */
import path from "node:path";
import { writeOutputDir } from "../io/output-writer";
import { toCsv } from "../profile/to-csv";
import { VALUE_CSV_COLUMNS, type CustomerValueResult } from "./customer-value";

export const VALUE_FILES = { table: "value.csv", model: "value-model.json" } as const;

/** The JSON model: format tag, parameters, settings. */
export function valueModelJson(result: CustomerValueResult, version: string): string {
  const { betaGeo, gammaGamma, months, discountRate, unitsPerMonth, observationEnd, rows } = result;
  return (
    JSON.stringify(
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
    ) + "\n"
  );
}

/** value.csv text: money and predictions rounded to 6 significant digits, the rest as is. */
export function valueCsv(result: CustomerValueResult): string {
  const round = (x: number) => Number(x.toPrecision(6));
  return toCsv(
    result.rows.map((r) => ({
      ...r,
      monetary: r.monetary.toFixed(2),
      avg_repeat_value: r.avg_repeat_value.toFixed(2),
      expected_purchases: round(r.expected_purchases),
      p_alive: round(r.p_alive),
      expected_spend: r.expected_spend.toFixed(2),
      clv: r.clv.toFixed(2),
    })),
    VALUE_CSV_COLUMNS,
  );
}

/**
 * Write value.csv and value-model.json into `dir` with the safe writer: all or nothing, under the `--out` rule
 * (`io/output-place.ts`: a new, empty or earlier `segment` output folder; never the input).
 * @param dir - output folder.
 * @param result - from `customerValue`.
 * @param input - the input file, which is never overwritten.
 * @param version - the tool's version, recorded in the JSON.
 * @returns the two paths written.
 * @throws {DataError} when the folder is refused or a file cannot be written.
 */
export function writeValueFiles(dir: string, result: CustomerValueResult, input: string, version = "0.0.0"): string[] {
  const files = { [VALUE_FILES.table]: valueCsv(result), [VALUE_FILES.model]: valueModelJson(result, version) };
  writeOutputDir(dir, files, { inputs: [input], command: "segment value" });
  return Object.keys(files).map((name) => path.join(dir, name));
}
