-- Unparseable values per column: how many, and the first one (by file order) with its record number.
-- `rowid` is DuckDB's row number of the table (0-based, file order; see load-transactions.sql).
SELECT 'InvoiceNo' AS column_name, COUNT(*) AS n_bad, MIN(rowid) AS first_record FROM transactions WHERE bad_invoice_no IS NOT NULL
UNION ALL
SELECT 'Quantity', COUNT(*), MIN(rowid) FROM transactions WHERE bad_quantity IS NOT NULL
UNION ALL
SELECT 'InvoiceDate', COUNT(*), MIN(rowid) FROM transactions WHERE bad_invoice_date IS NOT NULL
UNION ALL
SELECT 'UnitPrice', COUNT(*), MIN(rowid) FROM transactions WHERE bad_unit_price IS NOT NULL;
