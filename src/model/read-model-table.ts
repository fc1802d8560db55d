/**
 * Read a customers CSV for scoring with a saved model: its ID, feature and categorical columns, missing values
 * imputed (when asked) with the model's training medians, not the file's.
 */
import { type CustomerTable, type CustomerTableSpec, readCustomerTable } from "../data/customer-table";
import type { SegmentModel } from "./segment-model";

/** How the table is read: `impute` (default "none": refuse), `delimiter` (default "auto"), `encoding` (default "utf-8"). */
export type ModelTableOptions = Pick<CustomerTableSpec, "impute" | "delimiter" | "encoding">;

/**
 * The customers of `file` in the model's columns, ready for `encodeRows` and `scoreEncoded`.
 * @throws {DataError} for a bad file (missing column, bad value, missing values without `impute`), naming row and column.
 */
export function readModelTable(model: SegmentModel, file: string, options: ModelTableOptions = {}): CustomerTable {
  return readCustomerTable(file, {
    id: model.idColumn,
    features: model.features,
    categorical: model.categorical.map((c) => c.column),
    impute: options.impute ?? "none",
    imputeValues: model.imputeValues,
    delimiter: options.delimiter ?? "auto",
    encoding: options.encoding ?? "utf-8",
  });
}
