/**
 * Input discipline for a transactions file, with the same rules as `segment run`'s reader, at DuckDB's speed:
 * - before DuckDB: only a regular file (not a folder, FIFO or device such as /dev/zero); DuckDB reads it through a
 *   private link with a plain name, so `?`, `*` and `[` in the user's file name are never globbed; a file in another
 *   declared encoding is transcoded to a private UTF-8 copy (invalid UTF-8 is refused with its byte offset);
 * - after loading (`checkTransactionValues`): missing-value tokens of the shared vocabulary (`NA`, `N/A`, `null`,
 *   `-`, …, any case) mean "no customer"; `12345.0` is the customer `12345`; a NaN, infinite or overflowing price or
 *   quantity is refused with its row and column; invoice dates after the run's clock or before 1970 are refused with
 *   a count and the first row.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { DataError } from "../core/errors";
import { MISSING_TOKENS } from "../data/missing-values";
import { checkRegularFile, firstInvalidUtf8InFile, isUtf8File, type InputEncoding } from "../io/read-input";
import { forgetTemporary, trackTemporary } from "../io/output-writer";
import { rfmSql, sqlString } from "./sql-files";

/** Largest |Quantity| or |UnitPrice| accepted: beyond it Quantity × UnitPrice sums lose cents in DuckDB's DECIMAL(38, 6). */
export const MAX_TRANSACTION_AMOUNT = 1e12;

export interface PrepareTransactionsOptions {
  /** @default "utf-8" */
  encoding?: InputEncoding;
}

/** A private, plainly named path DuckDB reads instead of the user's file; `dispose()` removes it. */
export interface PreparedTransactions {
  file: string;
  dispose(): void;
}

/**
 * Check that a transactions file is a regular file (and valid UTF-8, unless another encoding is named) and give DuckDB a private path to it (a link, or a UTF-8 copy
 * when `encoding` is not UTF-8).
 * @throws {DataError} for a missing or non-regular file, or invalid UTF-8 (with the byte offset and line).
 */
export function prepareTransactions(file: string, options: PrepareTransactionsOptions = {}): PreparedTransactions {
  checkRegularFile(file);
  // Registered before it exists, so the command line's signal clean-up is in place before the folder is made (a
  // Ctrl-C between mkdtemp and the registration would leave it behind); the random name does what mkdtemp's would.
  const dir = path.join(os.tmpdir(), `mall-segments-rfm-${randomBytes(6).toString("hex")}`);
  trackTemporary(dir);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    forgetTemporary(dir);
    throw err;
  }
  const dispose = (): void => {
    fs.rmSync(dir, { recursive: true, force: true });
    forgetTemporary(dir);
  };
  const target = path.join(dir, "transactions.csv");
  try {
    const encoding = options.encoding ?? "utf-8";
    if (encoding === "utf-8") {
      if (!isUtf8File(file)) throw utf8Error(file);
      fs.symlinkSync(path.resolve(file), target);
    } else transcode(file, target, encoding);
    return { file: target, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/** The first invalid UTF-8 byte of the file, as a DataError with its offset and line. */
export function utf8Error(file: string): DataError {
  const bad = firstInvalidUtf8InFile(file);
  const where = bad ? ` at byte ${bad.offset} (0x${bad.byte.toString(16).padStart(2, "0")})` : "";
  return new DataError(
    `not valid UTF-8${where}; save the file as UTF-8 or give its encoding with --encoding latin1|windows-1252|utf-16le`,
    bad ? { file, row: bad.line } : { file },
  );
}

/** Copy `from` (in `encoding`) to `to` as UTF-8, in chunks. */
function transcode(from: string, to: string, encoding: InputEncoding): void {
  const decoder = new TextDecoder(encoding);
  const input = fs.openSync(from, "r");
  const output = fs.openSync(to, "wx");
  try {
    const chunk = Buffer.alloc(4 << 20);
    for (;;) {
      const n = fs.readSync(input, chunk, 0, chunk.length, null);
      const text = decoder.decode(chunk.subarray(0, n), { stream: n > 0 });
      if (text !== "") fs.writeSync(output, text);
      if (n === 0) break;
    }
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}

/**
 * Normalise customer IDs and refuse values the features cannot use, on the loaded `transactions` table.
 * @param connection - where `load-transactions.sql` ran.
 * @param source - the `{{file}}` and `{{columns}}` substitutions of the load (to read a bad value's text back).
 * @param file - the user's file, named in errors.
 * @param now - the run's clock.
 * @throws {DataError} with row and column for a non-finite or out-of-range amount, or dates out of range.
 */
export async function checkTransactionValues(
  connection: DuckDBConnection,
  source: Record<string, string>,
  file: string,
  now: Date,
): Promise<void> {
  // The shared vocabulary of missing values, then "12345.0" → "12345".
  await connection.run(
    `UPDATE transactions SET customer_id = NULL WHERE lower(customer_id) IN (${MISSING_TOKENS.map(sqlString).join(", ")})`,
  );
  await connection.run(
    `UPDATE transactions SET customer_id = regexp_replace(customer_id, '^([0-9]+)\\.0+$', '\\1') WHERE regexp_matches(customer_id, '^[0-9]+\\.0+$')`,
  );
  for (const [column, field] of [
    ["Quantity", "quantity"],
    ["UnitPrice", "unit_price"],
  ] as const) {
    const bad = await firstBad(
      connection,
      `isnan(${field}) OR isinf(${field}) OR abs(${field}) > ${MAX_TRANSACTION_AMOUNT}`,
    );
    if (bad) {
      const text = await originalText(connection, source, column, bad.record);
      const problem = /^[+-]?(nan|inf|infinity)$/i.test(text.trim())
        ? "not a finite number"
        : `number out of range (|value| must be <= ${MAX_TRANSACTION_AMOUNT})`;
      throw new DataError(
        `${problem}: ${JSON.stringify(text.slice(0, 40))}${bad.count > 1 ? ` (${bad.count} such values)` : ""}`,
        { file, row: bad.record + 2, column },
      );
    }
  }
  const clock = now.toISOString().slice(0, 19).replace("T", " ");
  const dates = await firstBad(
    connection,
    `invoice_date > TIMESTAMP '${clock}' OR invoice_date < TIMESTAMP '1970-01-01 00:00:00'`,
  );
  if (dates) {
    const text = await originalText(connection, source, "InvoiceDate", dates.record);
    throw new DataError(
      `${dates.count} invoice date${dates.count === 1 ? "" : "s"} after the run's clock (${clock.slice(0, 10)}) or before 1970; the first is ${JSON.stringify(text.slice(0, 40))}: fix or remove those rows`,
      { file, row: dates.record + 2, column: "InvoiceDate" },
    );
  }
}

/** How many rows match `condition` and the record number (rowid) of the first, or undefined. */
async function firstBad(
  connection: DuckDBConnection,
  condition: string,
): Promise<{ count: number; record: number } | undefined> {
  const row = (
    await connection.runAndReadAll(`SELECT COUNT(*) AS n, MIN(rowid) AS first FROM transactions WHERE ${condition}`)
  ).getRowObjectsJS()[0]!;
  const count = Number(row["n"]);
  return count > 0 ? { count, record: Number(row["first"]) } : undefined;
}

/** The text of one column of one record, read back from the file (error path only). */
async function originalText(
  connection: DuckDBConnection,
  source: Record<string, string>,
  column: string,
  record: number,
): Promise<string> {
  const reader = await connection.runAndReadAll(
    rfmSql("bad-value", { ...source, column: `"${column}"`, record: String(record) }),
  );
  return String(reader.getRowsJS()[0]?.[0] ?? "");
}
