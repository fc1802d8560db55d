/**
 * Input discipline for a transactions file before DuckDB sees it, with the same rules as `segment run`'s reader:
 * only a regular file of at most {@link MAX_CSV_BYTES}, valid UTF-8 (or a declared encoding); missing-value tokens of
 * the shared vocabulary (`NA`, `N/A`, `null`, `-`, …) mean "no customer"; `12345.0` is the customer `12345`; a
 * NaN, infinite or overflowing price or quantity is refused with its row and column; invoice dates after the run's
 * clock or before 1970 are refused with a count. The checked rows are written, six columns, to a private copy with
 * a fixed name, so DuckDB never globs the user's file name (`tx?.csv`, `[a].csv` are read literally).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { DataError } from "../core/errors";
import { isMissingValue } from "../data/missing-values";
import { decodeInput, MAX_CSV_BYTES, readInputBytes, type InputEncoding } from "../io/read-input";
import { forgetTemporary, trackTemporary } from "../io/output-writer";
import { csvCell } from "../profile/to-csv";
import { TRANSACTION_COLUMNS } from "./transactions";

/** Largest |Quantity| or |UnitPrice| accepted: beyond it Quantity × UnitPrice sums lose cents in DuckDB's DECIMAL(38, 6). */
export const MAX_TRANSACTION_AMOUNT = 1e12;

export interface PrepareTransactionsOptions {
  /** The run's clock: invoice dates after this day are refused. @default new Date() */
  now?: Date;
  /** @default "utf-8" */
  encoding?: InputEncoding;
  /** @default MAX_CSV_BYTES */
  maxBytes?: number;
}

/** A checked private copy of a transactions file; `dispose()` removes it. */
export interface PreparedTransactions {
  /** The copy DuckDB reads (columns {@link TRANSACTION_COLUMNS}, one record per input record, in order). */
  file: string;
  /** Data records checked. */
  records: number;
  dispose(): void;
}

/**
 * Check a transactions CSV and write its private copy.
 * @param file - the user's transactions CSV.
 * @throws {DataError} naming the file (and row and column) for a missing or non-regular file, invalid UTF-8, a
 *   missing column, a ragged row, a non-finite or overflowing number, or invoice dates out of range.
 */
export function prepareTransactions(file: string, options: PrepareTransactionsOptions = {}): PreparedTransactions {
  const text = decodeInput(readInputBytes(file, options.maxBytes ?? MAX_CSV_BYTES), file, { encoding: options.encoding ?? "utf-8" });
  const today = dayOf(options.now ?? new Date());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mall-segments-rfm-"));
  trackTemporary(dir);
  const copy = path.join(dir, "transactions.csv");
  const dispose = (): void => {
    fs.rmSync(dir, { recursive: true, force: true });
    forgetTemporary(dir);
  };
  try {
    const fd = fs.openSync(copy, "wx");
    let records = 0;
    try {
      fs.writeSync(fd, TRANSACTION_COLUMNS.join(",") + "\n");
      records = copyRecords(text, file, today, (cells) => fs.writeSync(fd, cells.map((c) => csvCell(c)).join(",") + "\n"));
    } finally {
      fs.closeSync(fd);
    }
    return { file: copy, records, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/** Parse, check and normalise every record; `emit` gets the six cells in {@link TRANSACTION_COLUMNS} order. */
function copyRecords(text: string, file: string, today: string, emit: (cells: string[]) => void): number {
  let index: number[] | undefined;
  let width = 0;
  let records = 0;
  const badDates = { count: 0, first: "", row: 0 };
  const at = (name: (typeof TRANSACTION_COLUMNS)[number]) => TRANSACTION_COLUMNS.indexOf(name);
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      on_record: (record: string[], context: { lines: number }) => {
        if (index === undefined) {
          const header = record.map((h) => h.trim());
          width = header.length;
          index = TRANSACTION_COLUMNS.map((column) => {
            const j = header.indexOf(column);
            if (j < 0) throw new DataError(`missing column (header has ${header.map((h) => JSON.stringify(h.slice(0, 40))).join(", ").slice(0, 300)})`, { file, row: 1, column });
            return j;
          });
          return null;
        }
        const row = context.lines;
        const cells = index.map((j) => record[j]!.trim());
        const id = cells[at("CustomerID")]!;
        cells[at("CustomerID")] = isMissingValue(id) ? "" : id.replace(/^(\d+)\.0*$/, "$1");
        for (const column of ["Quantity", "UnitPrice"] as const) checkAmount(cells[at(column)]!, file, row, column);
        const date = cells[at("InvoiceDate")]!;
        const day = /^(\d{4}-\d{2}-\d{2})/.exec(date)?.[1];
        if (day !== undefined && (day > today || day < "1970-01-01")) {
          if (badDates.count++ === 0) Object.assign(badDates, { first: date, row });
        }
        emit(cells);
        records++;
        return null;
      },
    });
  } catch (err) {
    if (err instanceof DataError) throw err;
    const e = err as { code?: string; lines?: number; message?: string; record?: unknown[] };
    if (e.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") throw new DataError(`row has ${e.record?.length} fields, the header has ${width} (ragged row)`, { file, row: e.lines });
    throw new DataError(`not readable as CSV: ${(e.message ?? String(err)).split("\n")[0]!.slice(0, 200)}`, { file, row: e.lines });
  }
  if (index === undefined) throw new DataError("file is empty (no header line)", { file, row: 1 });
  if (badDates.count > 0) {
    throw new DataError(
      `${badDates.count} invoice date${badDates.count === 1 ? "" : "s"} after the run's clock (${today}) or before 1970; the first is ${JSON.stringify(badDates.first.slice(0, 40))}: fix or remove those rows`,
      { file, row: badDates.row, column: "InvoiceDate" },
    );
  }
  return records;
}

/** A price or quantity DuckDB would read as NaN, ±Infinity or a number too large for its sums is refused. */
function checkAmount(text: string, file: string, row: number, column: string): void {
  if (/^[+-]?(nan|inf|infinity)$/i.test(text)) throw new DataError(`not a finite number: "${text}"`, { file, row, column });
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return; // other text: DuckDB's check names it with a count
  const x = Number(text);
  if (!Number.isFinite(x) || Math.abs(x) > MAX_TRANSACTION_AMOUNT) {
    throw new DataError(`number out of range: "${text.slice(0, 40)}" (|value| must be <= ${MAX_TRANSACTION_AMOUNT})`, { file, row, column });
  }
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
