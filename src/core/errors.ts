/**
 * Named error types. Every message says what is wrong and where: the function and the values for
 * bad arguments, the file, row and column for bad data.
 */

/** A bad argument to an engine function, e.g. `kmeans: nSamples=3 must be >= k=5`. */
export class ArgumentError extends Error {
  override name = "ArgumentError";
}

/** Where in a file a problem is; `row` is the 1-based line of the file (the header is row 1). */
export interface DataLocation {
  file: string;
  row?: number;
  column?: string;
}

/** Bad input data: a missing file, a malformed CSV, a value that is missing, out of range or duplicated. */
export class DataError extends Error {
  override name = "DataError";
  readonly file: string;
  readonly row: number | undefined;
  readonly column: string | undefined;

  constructor(problem: string, where: DataLocation) {
    super(`${formatLocation(where)}: ${problem}`);
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
  }
}

/** Code that needs a running Jupyter kernel (tslab or Deno) called outside one, e.g. `show` in a script. */
export class KernelError extends Error {
  override name = "KernelError";
}

/** A data set whose sha256 differs from the manifest, or that cannot be fetched. */
export class ChecksumError extends Error {
  override name = "ChecksumError";
}

function formatLocation({ file, row, column }: DataLocation): string {
  let where = file;
  if (row !== undefined) where += `, row ${row}`;
  if (column !== undefined) where += `, column "${column}"`;
  return where;
}
