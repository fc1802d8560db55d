-- Per-customer purchase history in days for the BG/NBD and Gamma-Gamma models, from the cleaned
-- transactions of the RFM pipeline (`clean_transactions`, see src/rfm/sql/clean-transactions.sql), with the
-- conventions of `lifetimes`' calibration_and_holdout_data(freq = "D"):
--   a purchase        = a customer's calendar day with at least one cleaned invoice line (several invoices
--                       on one day count once), valued at the day's sum of Quantity * UnitPrice
--   frequency         = purchase days in the calibration period − 1 (repeat purchases)
--   recency           = last − first purchase day in the calibration period (days)
--   T                 = calibration end − first purchase day (days)
--   monetary          = mean value of the repeat purchase days (the first day excluded; 0 without repeats)
--   holdout_frequency = purchase days after the calibration end, up to the observation end
--   holdout_monetary  = mean value of those days (0 without any; lifetimes averages the holdout's
--                       transaction rows instead, which differs from its own calibration monetary)
-- Only customers whose first purchase is on or before the calibration end are kept.
-- $calibration_end and $observation_end are DATEs; without a holdout both are the last purchase day.
WITH
days AS (
  SELECT
    customer_id,
    CAST(invoice_date AS DATE) AS day,
    CAST(SUM(CAST(quantity * unit_price AS DECIMAL(38, 6))) AS DOUBLE) AS value
  FROM clean_transactions
  WHERE CAST(invoice_date AS DATE) <= CAST($observation_end AS DATE)
  GROUP BY customer_id, CAST(invoice_date AS DATE)
),
calibration AS (
  SELECT customer_id, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS n_days
  FROM days
  WHERE day <= CAST($calibration_end AS DATE)
  GROUP BY customer_id
),
per_customer AS (
  SELECT
    c.customer_id,
    c.first_day,
    c.last_day,
    c.n_days,
    SUM(d.value) FILTER (WHERE d.day > c.first_day AND d.day <= CAST($calibration_end AS DATE)) AS repeat_value,
    COUNT(*) FILTER (WHERE d.day > CAST($calibration_end AS DATE)) AS holdout_days,
    SUM(d.value) FILTER (WHERE d.day > CAST($calibration_end AS DATE)) AS holdout_value
  FROM calibration c
  JOIN days d ON d.customer_id = c.customer_id
  GROUP BY c.customer_id, c.first_day, c.last_day, c.n_days
)
SELECT
  customer_id,
  CAST(n_days - 1 AS INTEGER) AS frequency,
  CAST(last_day - first_day AS INTEGER) AS recency,
  CAST(CAST($calibration_end AS DATE) - first_day AS INTEGER) AS "T",
  CASE WHEN n_days > 1 THEN repeat_value / (n_days - 1) ELSE 0 END AS monetary,
  CAST(holdout_days AS INTEGER) AS holdout_frequency,
  CASE WHEN holdout_days > 0 THEN holdout_value / holdout_days ELSE 0 END AS holdout_monetary,
  CAST(first_day AS VARCHAR) AS first_purchase
FROM per_customer
ORDER BY customer_id;
