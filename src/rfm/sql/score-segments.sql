-- RFM quintile scores and the named segment of each customer, from the view `customer_features`
-- (customer-features.sql): the same rules as `rfmScores` and `rfmSegment` in src/rfm/scoring.ts and
-- src/rfm/segments.ts, for a warehouse that has no TypeScript.
--   r_score  NTILE(5) over recency_days DESCENDING: the most days since the last purchase score 1
--   f_score  NTILE(5) over frequency, m_score NTILE(5) over monetary (the largest score 5)
--            NTILE gives bins of equal size (the larger bins first); equal values at a bin edge are
--            split by customer_id, the order of the feature table.
--            The r/f/m_score placeholders below are each bin (tie rule "first") or the lowest bin of
--            its run of equal values (tie rule "min"); see `QuintileTies`.
--   fm_score the mean of f_score and m_score rounded half up
--   rfm_segment  RFM_SEGMENT_GRID[r_score][fm_score]: the CASE is written from the grid (warehouse-sql.ts).
WITH ranked AS (
  SELECT
    customer_id,
    recency_days,
    frequency,
    monetary,
    aov,
    tenure_days,
    country,
    clv,
    first_purchase,
    last_purchase,
    NTILE(5) OVER (ORDER BY recency_days DESC, customer_id ASC) AS r_bin,
    NTILE(5) OVER (ORDER BY frequency ASC, customer_id ASC) AS f_bin,
    NTILE(5) OVER (ORDER BY monetary ASC, customer_id ASC) AS m_bin
  FROM customer_features
),
scored AS (
  SELECT
    customer_id,
    recency_days,
    frequency,
    monetary,
    aov,
    tenure_days,
    country,
    clv,
    first_purchase,
    last_purchase,
    CAST({{r_score}} AS INTEGER) AS r_score,
    CAST({{f_score}} AS INTEGER) AS f_score,
    CAST({{m_score}} AS INTEGER) AS m_score
  FROM ranked
),
combined AS (
  SELECT
    *,
    CAST(FLOOR((f_score + m_score) / 2.0 + 0.5) AS INTEGER) AS fm_score
  FROM scored
)
SELECT
  customer_id,
  recency_days,
  frequency,
  monetary,
  aov,
  tenure_days,
  country,
  clv,
  first_purchase,
  last_purchase,
  r_score,
  f_score,
  m_score,
  fm_score,
  {{segment_case}} AS rfm_segment
FROM combined
ORDER BY customer_id;
