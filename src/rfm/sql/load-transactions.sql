-- Load a transactions CSV into the typed table `transactions`, one row per CSV record, in file order.
--
-- DuckDB-specific on purpose (read_csv is DuckDB's CSV reader); everything after this file is plain SQL.
-- Every column is read as text and converted with TRY_CAST, so an unparseable (or empty) value becomes
-- NULL instead of aborting the load; `validate-transactions.sql` then counts those NULLs and finds the
-- first one, and only then is its original text read back from the file (`bad-value.sql`).
-- Only the six columns the features need are kept, as compact types, so 10^7 rows fit in memory.
-- `{{file}}` is replaced by the quoted path and `{{columns}}` by the header's columns, all VARCHAR
-- (`{'InvoiceNo': 'VARCHAR', …}`): no dialect sniffing, so a ragged line is reported with its line number.
-- CREATE TABLE … AS SELECT keeps the file order (preserve_insertion_order, DuckDB's default), so a
-- row's `rowid` is its 0-based record number: file row = rowid + 2 (the header is row 1).
CREATE TABLE transactions AS
SELECT
  NULLIF(TRIM("InvoiceNo"), '') AS invoice_no,
  -- "NA" (R's missing value, as in the UCI sample) and the empty string both mean "no customer".
  NULLIF(NULLIF(TRIM("CustomerID"), ''), 'NA') AS customer_id,
  NULLIF(TRIM("Country"), '') AS country,
  TRY_CAST("Quantity" AS DOUBLE) AS quantity,
  TRY_CAST("UnitPrice" AS DOUBLE) AS unit_price,
  TRY_CAST("InvoiceDate" AS TIMESTAMP) AS invoice_date
FROM read_csv({{file}}, header = true, auto_detect = false, columns = {{columns}}, delim = ',', quote = '"', escape = '"');
