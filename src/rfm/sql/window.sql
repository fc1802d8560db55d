-- Keep only the invoices of a window of days [$since, $as_of) (YYYY-MM-DD; '' leaves that side open): the log as
-- it stood on the morning of $as_of, from $since on, for features "as of" a past snapshot or over equal windows.
-- Runs after validation, so every invoice_date is a timestamp; TRY_CAST('' AS DATE) is NULL, which deletes nothing.
DELETE FROM transactions
WHERE invoice_date >= TRY_CAST($as_of AS DATE)
   OR invoice_date < TRY_CAST($since AS DATE);
