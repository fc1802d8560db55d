-- Unparseable or empty values per column (NULL after TRY_CAST in
-- load-transactions.sql): how many, and the first one (by file order) with its record number.
-- `rowid` is DuckDB's row number of the table (0-based, file order; see load-transactions.sql).
SELECT 'InvoiceNo' AS column_name, COUNT(*) AS n_bad, MIN(rowid) AS first_record FROM transactions WHERE invoice_no IS NULL
UNION ALL
SELECT 'Quantity', COUNT(*), MIN(rowid) FROM transactions WHERE quantity IS NULL
UNION ALL
SELECT 'InvoiceDate', COUNT(*), MIN(rowid) FROM transactions WHERE invoice_date IS NULL
UNION ALL
SELECT 'UnitPrice', COUNT(*), MIN(rowid) FROM transactions WHERE unit_price IS NULL;
