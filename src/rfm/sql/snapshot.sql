-- The snapshot date (the calendar day after the latest cleaned invoice, or $as_of when it is a date) and the data window.
SELECT
  CAST(MIN(CAST(invoice_date AS DATE)) AS VARCHAR) AS first_day,
  CAST(COALESCE(TRY_CAST($as_of AS DATE), CAST(MAX(CAST(invoice_date AS DATE)) + INTERVAL '1' DAY AS DATE)) AS VARCHAR) AS snapshot_day,
  CAST(COUNT(DISTINCT customer_id) AS INTEGER) AS n_customers,
  CAST(COUNT(DISTINCT invoice_no) AS INTEGER) AS n_invoices
FROM clean_transactions;
