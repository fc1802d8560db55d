import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { DataError } from "../core/errors";

/** Field delimiters recognised by {@link readCsv}; `auto` picks the one found most in the header. */
export type Delimiter = "," | ";" | "\t" | "auto";

export interface ReadCsvOptions {
  /** @default "auto" (comma, semicolon or tab, whichever the header line holds most of) */
  delimiter?: Delimiter;
}

/** A CSV file as text cells, with the file line of every row kept for error messages. */
export interface CsvTable {
  file: string;
  header: string[];
  /** Data rows, each with header.length cells (ragged rows are an error). */
  rows: string[][];
  /** 1-based line of the file where each data row is (the header is line 1; a row whose quoted field spans lines: its last line). */
  lines: number[];
  delimiter: "," | ";" | "\t";
}

/**
 * Read a delimited text file into a {@link CsvTable}: UTF-8 BOM, CRLF, quoted fields and blank lines
 * are accepted.
 *
 * @throws {DataError} when the file is missing, empty, binary, has broken quoting or a row with
 *   another number of fields than the header (the message names file and row).
 */
export function readCsv(file: string, options: ReadCsvOptions = {}): CsvTable {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(code === "ENOENT" ? "file not found" : `cannot read file (${code})`, { file });
  }
  if (buffer.includes(0)) throw new DataError("not a text CSV file (it contains binary NUL bytes)", { file });
  return parseCsv(buffer.toString("utf8"), file, options);
}

/** {@link readCsv} on text already in memory; `file` names it in errors. */
export function parseCsv(text: string, file: string, options: ReadCsvOptions = {}): CsvTable {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new DataError("file is empty (no header line)", { file });
  const delimiter = options.delimiter && options.delimiter !== "auto" ? options.delimiter : detectDelimiter(body);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter, info: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    const headerFields = () => parse(body.split(/\r?\n/)[0]!, { delimiter })[0]?.length ?? 0;
    throw csvParseError(err, file, headerFields, () => unclosedQuoteLine(body));
  }
  const [head, ...data] = records;
  return {
    file,
    header: head!.record.map((name) => name.trim()),
    rows: data.map((r) => r.record),
    lines: data.map((r) => r.info.lines),
    delimiter,
  };
}

/** The delimiter that occurs most often outside quotes in the first line (comma on a tie or none). */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

function csvParseError(err: unknown, file: string, headerFields: () => number, openQuoteLine: () => number): DataError {
  const e = err as { code?: string; lines?: number; message?: string; record?: unknown[] };
  const row = e.lines;
  switch (e.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
      return new DataError(`row has ${e.record?.length} fields, the header has ${headerFields()} (ragged row)`, { file, row });
    case "CSV_QUOTE_NOT_CLOSED":
      return new DataError("a quoted field opened here is never closed (broken quoting)", { file, row: openQuoteLine() });
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return new DataError("unexpected character after a closing quote (broken quoting)", { file, row });
    default:
      return new DataError(`cannot parse CSV: ${e.message ?? String(err)}`, { file, row });
  }
}

/** The 1-based line where the quote that is never closed was opened. */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedAt = 1;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      if (quoted) openedAt = line;
    } else if (ch === "\n") line++;
  }
  return openedAt;
}
