import fs from "node:fs";
import { parse } from "csv-parse/sync";
import type { DuckDBConnection } from "@duckdb/node-api";
import { DataError } from "../core/errors";
import { checkTransactionValues, utf8Error } from "./prepare-transactions";
import { rfmSql, sqlString } from "./sql-files";

/** The columns a transactions CSV must have (others, like StockCode and Description, are ignored). */
export const TRANSACTION_COLUMNS = [
  "InvoiceNo",
  "Quantity",
  "InvoiceDate",
  "UnitPrice",
  "CustomerID",
  "Country",
] as const;

/** How many header bytes are read to find the first line. */
const HEADER_PROBE_BYTES = 64 * 1024;

/**
 * Check that `file` exists and its header line names every column in {@link TRANSACTION_COLUMNS}.
 *
 * @param file - path of a comma-separated file with a header line.
 * @returns the header's column names, in file order.
 * @throws {DataError} when the file is missing or empty, or a required column is missing
 *   (`…, row 1, column "UnitPrice": missing column (header has …)`).
 */
export function checkTransactionsHeader(file: string): string[] {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, "r");
    try {
      head = Buffer.alloc(HEADER_PROBE_BYTES);
      head = head.subarray(0, fs.readSync(fd, head, 0, HEADER_PROBE_BYTES, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(code === "ENOENT" ? "file not found" : `cannot read file (${code})`, { file });
  }
  const firstLine =
    head
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)[0] ?? "";
  if (firstLine.trim() === "") throw new DataError("file is empty (no header line)", { file, row: 1 });
  let header: string[];
  try {
    header = (parse(firstLine, { relax_quotes: true }) as string[][])[0]!.map((name) => name.trim());
  } catch (err) {
    throw new DataError(`header line is not valid CSV (${(err as Error).message})`, { file, row: 1 });
  }
  for (const column of TRANSACTION_COLUMNS) {
    if (!header.includes(column)) {
      throw new DataError(`missing column (header has ${header.map((h) => JSON.stringify(h)).join(", ")})`, {
        file,
        row: 1,
        column,
      });
    }
  }
  return header;
}

/**
 * Load a transactions CSV into the table `transactions` of an open DuckDB connection, then create
 * the cleaning views `transaction_rules` and `clean_transactions` (see `sql/clean-transactions.sql`).
 * InvoiceDate must be an ISO 8601 date or timestamp (`2011-03-10 16:16:00`).
 *
 * @param connection - an open DuckDB connection without a `transactions` table.
 * @param file - path of the CSV (columns {@link TRANSACTION_COLUMNS}, quoted or not); DuckDB globs `?`, `*`
 *   and `[` in it, so pass a checked copy with a plain name (`prepareTransactions`).
 * @param displayName - the file named in errors. @default file
 * @param options - `now`: the run's clock; later invoice dates are refused. @default { now: new Date() }
 * @throws {DataError} when the file is missing, lacks a column, is not readable as CSV, or has values
 *   that do not parse (the message gives how many and the first one with its row and column; the row
 *   is the file line when no quoted field spans lines).
 */
export async function loadTransactions(
  connection: DuckDBConnection,
  file: string,
  displayName: string = file,
  options: { now?: Date } = {},
): Promise<void> {
  const header = checkTransactionsHeader(file);
  const source = { file: sqlString(file), columns: varcharColumns(header) };
  const load = rfmSql("load-transactions", source);
  try {
    await connection.run(load);
  } catch (err) {
    const message = (err as Error).message;
    if (/Invalid unicode/i.test(message)) throw utf8Error(displayName);
    throw csvError(message, displayName);
  }
  await checkParsedValues(connection, source, displayName);
  await checkTransactionValues(connection, source, displayName, options.now ?? new Date());
  await connection.run(rfmSql("clean-transactions"));
}

/** Throw a DataError for the earliest unparseable value, with the count of its column's bad values. */
async function checkParsedValues(
  connection: DuckDBConnection,
  source: Record<string, string>,
  file: string,
): Promise<void> {
  const reader = await connection.runAndReadAll(rfmSql("validate-transactions"));
  const bad = reader
    .getRowObjectsJS()
    .filter((row) => Number(row["n_bad"]) > 0)
    .sort((a, b) => Number(a["first_record"]) - Number(b["first_record"]));
  for (const row of bad.slice(0, 1)) {
    const nBad = Number(row["n_bad"]);
    const column = String(row["column_name"]);
    const record = Number(row["first_record"]);
    const text = await connection.runAndReadAll(
      rfmSql("bad-value", { ...source, column: `"${column}"`, record: String(record) }),
    );
    const value = String(text.getRowsJS()[0]?.[0] ?? "");
    const expected =
      column === "InvoiceDate"
        ? "an ISO date like 2011-03-10 16:16:00"
        : column === "InvoiceNo"
          ? "a non-empty invoice number"
          : "a number";
    throw new DataError(
      `${nBad} value${nBad === 1 ? "" : "s"} could not be parsed as ${expected}; the first is ${JSON.stringify(value)}`,
      { file, row: record + 2, column },
    );
  }
}

/** The struct literal of read_csv's `columns`: every header column as VARCHAR. */
function varcharColumns(header: readonly string[]): string {
  return `{${header.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(", ")}}`;
}

/** A DataError from DuckDB's CSV reader message, with the line and the field counts when it gives them. */
function csvError(message: string, file: string): DataError {
  const line = /CSV Error on Line: (\d+)/.exec(message);
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (line && fields) {
    return new DataError(`row has ${fields[2]} fields, the header has ${fields[1]}`, { file, row: Number(line[1]) });
  }
  const first = message.split("\n")[0] ?? message;
  return new DataError(`not readable as CSV: ${first}`, line ? { file, row: Number(line[1]) } : { file });
}
