-- Outcomes per segment from customer_outcomes (customer-outcomes.sql). Every customer of the segment counts,
-- those who did not buy with 0 orders and 0 revenue:
--   customers             = customers in the segment
--   retention             = share of them who bought again within the horizon (mean of retained)
--   revenue_per_customer  = the segment's revenue in the period / customers
--   orders_per_customer   = the segment's orders in the period / customers
--   aov                   = the segment's revenue / its orders (average order value of the period's orders);
--                           NULL when nobody in the segment ordered
--   revenue               = the segment's revenue in the period
-- Sums are exact decimals, divided once at the end, so the results do not depend on thread order.
SELECT
  segment,
  CAST(COUNT(*) AS INTEGER) AS customers,
  CAST(SUM(retained) AS DOUBLE) / COUNT(*) AS retention,
  CAST(SUM(revenue) AS DOUBLE) / COUNT(*) AS revenue_per_customer,
  CAST(SUM(orders) AS DOUBLE) / COUNT(*) AS orders_per_customer,
  CASE WHEN SUM(orders) > 0 THEN CAST(SUM(revenue) AS DOUBLE) / SUM(orders) END AS aov,
  CAST(SUM(revenue) AS DOUBLE) AS revenue
FROM customer_outcomes
GROUP BY segment;
