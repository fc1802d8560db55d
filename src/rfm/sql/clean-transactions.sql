-- The cleaning rules, applied in a fixed order: each row is tagged with the FIRST rule it fails, so
-- the per-rule counts form a funnel (every row is removed by at most one rule) and
-- total = kept + sum(removed).
--   1 missing_customer       CustomerID is NA or empty: the row cannot be attributed to a customer
--   2 cancellation           InvoiceNo starts with "C": a cancelled invoice (its quantities are negative)
--   3 non_positive_quantity  Quantity <= 0: returns and stock adjustments without a "C" invoice
--   4 non_positive_price     UnitPrice <= 0: free samples, adjustments, bad debt write-offs
CREATE VIEW transaction_rules AS
SELECT
  customer_id,
  invoice_no,
  country,
  quantity,
  unit_price,
  invoice_date,
  CASE
    WHEN customer_id IS NULL THEN 'missing_customer'
    WHEN invoice_no LIKE 'C%' THEN 'cancellation'
    WHEN quantity <= 0 THEN 'non_positive_quantity'
    WHEN unit_price <= 0 THEN 'non_positive_price'
  END AS removed_by
FROM transactions;

CREATE VIEW clean_transactions AS
SELECT customer_id, invoice_no, country, quantity, unit_price, invoice_date
FROM transaction_rules
WHERE removed_by IS NULL;
