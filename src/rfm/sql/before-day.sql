-- Keep only the invoices dated before the day $day (YYYY-MM-DD): the log as it stood on the morning of that day,
-- for features "as of" a past snapshot. Runs after validation, so every invoice_date is a timestamp.
DELETE FROM transactions WHERE invoice_date >= CAST($day AS DATE);
