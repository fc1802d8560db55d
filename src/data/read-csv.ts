import { parse } from "csv-parse/sync";
import { DataError } from "../core/errors";
import { decodeInput, MAX_CSV_BYTES, readInputBytes, type InputEncoding } from "../io/read-input";

/** Field delimiters recognised by {@link readCsv}; `auto` picks the one found most in the header. */
export type Delimiter = "," | ";" | "\t" | "auto";

export interface ReadCsvOptions {
  /** @default "auto" (comma, semicolon or tab, whichever the header line holds most of) */
  delimiter?: Delimiter;
  /** How the file's bytes are decoded; invalid UTF-8 is refused with its byte offset. @default "utf-8" */
  encoding?: InputEncoding;
  /** Refuse a larger file. @default MAX_CSV_BYTES (512 MiB) */
  maxBytes?: number;
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
 * @throws {DataError} when the file is missing, not a regular file, too large, binary, not valid UTF-8, empty,
 *   has broken quoting or a row with another number of fields than the header (the message names file and row).
 */
export function readCsv(file: string, options: ReadCsvOptions = {}): CsvTable {
  return parseCsv(readCsvText(file, options), file, options);
}

/** A CSV file's text: a regular file, at most `maxBytes`, decoded strictly (see `io/read-input.ts`). */
function readCsvText(file: string, options: ReadCsvOptions): string {
  const bytes = readInputBytes(file, options.maxBytes ?? MAX_CSV_BYTES);
  return decodeInput(bytes, file, { encoding: options.encoding ?? "utf-8" });
}

/** A table read row by row: every row is split only when asked for. */
export interface CsvRows {
  file: string;
  header: string[];
  nRows: number;
  delimiter: "," | ";" | "\t";
  /** Fields of data row r (0-based). @throws {DataError} on a ragged row. */
  row(r: number): string[];
  /** 1-based file line of data row r. */
  line(r: number): number;
}

/**
 * Open a CSV for reading row by row, with the same checks and errors as {@link readCsv}. A text without any
 * double quote (the usual shape of a large export) takes a fast path: one pass records where each line starts
 * and a row's fields are split only when asked for (for 10⁶ rows a fraction of the memory of csv-parse's
 * records); other texts go through csv-parse.
 * @throws {DataError} as {@link readCsv}.
 */
export function openCsvRows(file: string, options: ReadCsvOptions = {}): CsvRows {
  const text = readCsvText(file, options);
  if (!text.includes('"')) return unquotedRows(text, file, options.delimiter ?? "auto");
  const table = parseCsv(text, file, options);
  return {
    file,
    header: table.header,
    nRows: table.rows.length,
    delimiter: table.delimiter,
    row: (r) => table.rows[r]!,
    line: (r) => table.lines[r]!,
  };
}

/** The fast path of {@link openCsvRows}: same BOM/CRLF/blank-line handling and errors as csv-parse. Assumes no `"`. */
function unquotedRows(text: string, file: string, delimiter: Delimiter): CsvRows {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new DataError("file is empty (no header line)", { file });
  const delim = delimiter === "auto" ? detectDelimiter(body) : delimiter;
  // Start and end offsets of each non-blank line, and its 1-based line number.
  let starts: Int32Array = new Int32Array(1024);
  let ends: Int32Array = new Int32Array(1024);
  let numbers: Int32Array = new Int32Array(1024);
  let count = 0;
  let lineNo = 0;
  for (let pos = 0; pos <= body.length; ) {
    let end = body.indexOf("\n", pos);
    if (end < 0) end = body.length;
    lineNo++;
    let stop = end;
    if (stop > pos && body.charCodeAt(stop - 1) === 13) stop--;
    if (stop > pos) {
      if (count === starts.length) [starts, ends, numbers] = [grow(starts), grow(ends), grow(numbers)];
      starts[count] = pos;
      ends[count] = stop;
      numbers[count] = lineNo;
      count++;
    }
    pos = end + 1;
  }
  const header = body
    .slice(starts[0]!, ends[0]!)
    .split(delim)
    .map((h) => h.trim());
  const width = header.length;
  const row = (r: number): string[] => {
    const cells = body.slice(starts[r + 1]!, ends[r + 1]!).split(delim);
    if (cells.length !== width) {
      throw new DataError(`row has ${cells.length} fields, the header has ${width} (ragged row)`, {
        file,
        row: numbers[r + 1]!,
      });
    }
    return cells;
  };
  return { file, header, nRows: count - 1, delimiter: delim, row, line: (r) => numbers[r + 1]! };
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
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
      return new DataError(`row has ${e.record?.length} fields, the header has ${headerFields()} (ragged row)`, {
        file,
        row,
      });
    case "CSV_QUOTE_NOT_CLOSED":
      return new DataError("a quoted field opened here is never closed (broken quoting)", {
        file,
        row: openQuoteLine(),
      });
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
