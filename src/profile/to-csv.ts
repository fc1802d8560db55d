/** Write rows as CSV text with RFC 4180 quoting. */

/** A cell value; null and undefined are written as empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

export interface ToCsvOptions {
  /** @default "," */
  delimiter?: "," | ";" | "\t";
  /** Line ending (RFC 4180 says CRLF; most tools read either). @default "\n" */
  eol?: "\n" | "\r\n";
  /** Start with the header line (false: rows only, to append a chunk to a file being written). @default true */
  header?: boolean;
  /**
   * Neutralise text cells a spreadsheet would run as a formula (OWASP CSV injection): a text cell starting with
   * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`. Number cells are written as they are.
   * @default false
   */
  formulaSafe?: boolean;
}

/**
 * Rows (objects or arrays) → CSV text with a header line. A cell is quoted when it holds the delimiter,
 * a double quote, CR or LF, or starts/ends with a space; quotes inside are doubled.
 *
 * @param rows - objects keyed by column name, or arrays in `columns` order.
 * @param columns - the header, in order.
 * @param options - `delimiter`, `eol`, `header`.
 * @returns the text, ending with `eol`.
 * @example
 * toCsv([{ id: 1, name: 'A "b", c' }], ["id", "name"]); // => 'id,name\n1,"A ""b"", c"\n'
 */
export function toCsv(
  rows: readonly (Record<string, CsvValue> | readonly CsvValue[])[],
  columns: readonly string[],
  options: ToCsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ",";
  const eol = options.eol ?? "\n";
  const cell = options.formulaSafe
    ? (c: CsvValue) => csvCell(formulaSafe(c), delimiter)
    : (c: CsvValue) => csvCell(c, delimiter);
  const line = (cells: readonly CsvValue[]): string => cells.map(cell).join(delimiter) + eol;
  const parts = options.header === false ? [] : [line(columns)];
  for (const row of rows) {
    parts.push(
      line(
        Array.isArray(row) ? (row as readonly CsvValue[]) : columns.map((c) => (row as Record<string, CsvValue>)[c]),
      ),
    );
  }
  return parts.join("");
}

/**
 * A text value a spreadsheet will not run as a formula: `'` before a leading `=`, `+`, `-`, `@`, tab or CR
 * (OWASP's CSV injection advice); numbers and other values unchanged.
 * @example
 * formulaSafe("=HYPERLINK(\"x\")"); // => "'=HYPERLINK(\"x\")"
 */
export function formulaSafe(value: CsvValue): CsvValue {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One cell, quoted when needed (RFC 4180). */
export function csvCell(value: CsvValue, delimiter: string = ","): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  const needsQuotes =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes("\n") ||
    text.includes("\r") ||
    /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
