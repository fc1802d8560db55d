-- What each customer of a segmentation did in the period after its snapshot: the business outcomes that
-- validate segments (do the "best" segments really buy more afterwards?). Needs the cleaned transactions
-- (clean-transactions.sql) and the table segment_members(customer_id, segment), one row per customer.
--   period     = [$snapshot, $snapshot + $horizon_days days): invoices dated in it count (time of day ignored)
--   orders     = distinct invoices in the period (0 when none)
--   revenue    = sum of Quantity * UnitPrice in the period (line totals as exact decimals, as in
--                customer-features.sql, so the sums do not depend on thread order); 0 when none
--   retained   = 1 when the customer bought again within the horizon (orders > 0), else 0
--   aov        = revenue / orders, the customer's average order value; NULL without an order
CREATE TABLE customer_outcomes AS
WITH
period AS (
  SELECT
    customer_id,
    invoice_no,
    CAST(quantity * unit_price AS DECIMAL(38, 6)) AS line_total
  FROM clean_transactions
  WHERE CAST(invoice_date AS DATE) >= CAST($snapshot AS DATE)
    AND CAST(invoice_date AS DATE) < CAST($snapshot AS DATE) + CAST($horizon_days AS INTEGER)
),
per_customer AS (
  SELECT customer_id, COUNT(DISTINCT invoice_no) AS orders, SUM(line_total) AS revenue
  FROM period
  GROUP BY customer_id
)
SELECT
  m.customer_id,
  m.segment,
  CAST(COALESCE(p.orders, 0) AS INTEGER) AS orders,
  CAST(COALESCE(p.revenue, 0) AS DECIMAL(38, 6)) AS revenue,
  CAST(CASE WHEN p.orders > 0 THEN 1 ELSE 0 END AS INTEGER) AS retained
FROM segment_members m
LEFT JOIN per_customer p ON p.customer_id = m.customer_id;
