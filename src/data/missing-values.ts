/**
 * The one vocabulary of missing values, shared by every reader of customer and transaction tables: a cell is
 * missing when it is empty (after trimming) or one of {@link MISSING_TOKENS}, compared case-insensitively.
 */

/** Text read as a missing value (case-insensitive), besides the empty cell: R's NA, pandas' NaN/None, SQL's NULL, a dash. */
export const MISSING_TOKENS: readonly string[] = ["na", "n/a", "nan", "null", "none", "-"];

/** Placeholder category of a missing categorical cell. */
export const MISSING_CATEGORY = "(missing)";

/**
 * Whether a cell's text means "no value".
 * @param text - the cell, already trimmed.
 * @example
 * isMissingValue("N/A"); // => true
 * isMissingValue("0"); // => false
 */
export function isMissingValue(text: string): boolean {
  return text === "" || (text.length <= 4 && MISSING_TOKENS.includes(text.toLowerCase()));
}
