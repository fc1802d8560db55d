-- Rows removed by each cleaning rule (NULL = kept); see clean-transactions.sql for the rule order.
SELECT removed_by, CAST(COUNT(*) AS INTEGER) AS n_rows
FROM transaction_rules
GROUP BY removed_by;
