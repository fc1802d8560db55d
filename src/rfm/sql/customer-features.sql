-- One row per customer from the cleaned transactions.
--
-- Dates: both the snapshot and every invoice are taken as calendar dates (the time of day is dropped),
-- so recency and tenure are whole days.
--   snapshot_day  = the calendar day after the latest invoice date among the cleaned rows, or $as_of
--                   when it is a date ('' otherwise; window.sql has then dropped the later invoices)
--   recency_days  = snapshot_day - day of the customer's last invoice (>= 1)
--   tenure_days   = day of the last invoice - day of the first invoice (0 for a one-day customer)
--   frequency     = number of distinct invoices
--   monetary      = sum of Quantity * UnitPrice (each line total rounded to 1e-6, summed exactly)
--   aov           = monetary / frequency (average order value)
--   country       = the country on most of the customer's cleaned rows; ties go to the
--                   alphabetically first country
--   clv           = simple historical customer lifetime value, Gupta & Lehmann's margin multiplier
--                   (S. Gupta & D. R. Lehmann, "Customers as assets", Journal of Interactive Marketing
--                   17(1), 2003, 9-24; and "Managing Customers as Investments", 2005):
--                       CLV = m * r / (1 + i - r)
--                   with m = annual margin = $margin * monetary * 365 / observation_days,
--                   r = $retention (yearly retention rate), i = $discount_rate (yearly), and
--                   observation_days = snapshot_day - first invoice day in the data (the whole window,
--                   the same for every customer, so a new customer's spend is not inflated).
-- `date - date` gives whole days in DuckDB and PostgreSQL (standard SQL has no portable day difference).
WITH
clean AS (
  SELECT
    customer_id,
    invoice_no,
    country,
    CAST(invoice_date AS DATE) AS invoice_day,
    -- Exact decimal line totals: a DOUBLE sum would depend on the order the threads add rows in,
    -- so the same file could give monetary values differing in the last bits from run to run.
    CAST(quantity * unit_price AS DECIMAL(38, 6)) AS line_total
  FROM clean_transactions
),
bounds AS (
  SELECT
    MIN(invoice_day) AS first_day,
    COALESCE(TRY_CAST($as_of AS DATE), CAST(MAX(invoice_day) + INTERVAL '1' DAY AS DATE)) AS snapshot_day
  FROM clean
),
per_customer AS (
  SELECT
    customer_id,
    CAST(COUNT(DISTINCT invoice_no) AS INTEGER) AS frequency,
    CAST(SUM(line_total) AS DOUBLE) AS monetary,
    MIN(invoice_day) AS first_purchase,
    MAX(invoice_day) AS last_purchase
  FROM clean
  GROUP BY customer_id
),
country_counts AS (
  SELECT customer_id, country, COUNT(*) AS n_rows
  FROM clean
  WHERE country IS NOT NULL
  GROUP BY customer_id, country
),
country_mode AS (
  SELECT customer_id, country
  FROM (
    SELECT
      customer_id,
      country,
      ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY n_rows DESC, country ASC) AS pick
    FROM country_counts
  ) ranked
  WHERE pick = 1
)
SELECT
  c.customer_id,
  CAST(b.snapshot_day - c.last_purchase AS INTEGER) AS recency_days,
  c.frequency,
  c.monetary,
  c.monetary / c.frequency AS aov,
  CAST(c.last_purchase - c.first_purchase AS INTEGER) AS tenure_days,
  m.country,
  ($margin * c.monetary * 365.0 / (b.snapshot_day - b.first_day)) * $retention / (1 + $discount_rate - $retention) AS clv,
  CAST(c.first_purchase AS VARCHAR) AS first_purchase,
  CAST(c.last_purchase AS VARCHAR) AS last_purchase
FROM per_customer c
CROSS JOIN bounds b
LEFT JOIN country_mode m ON m.customer_id = c.customer_id
ORDER BY c.customer_id;
