-- The original text of one column of one record, read back from the file (error path only).
-- OFFSET counts records in file order (preserve_insertion_order), the same numbering as `rowid`
-- of the loaded table. {{file}}, {{columns}}, {{column}} and {{record}} are substituted before the statement runs.
SELECT {{column}} AS value
FROM read_csv({{file}}, header = true, auto_detect = false, columns = {{columns}}, delim = ',', quote = '"', escape = '"')
LIMIT 1 OFFSET {{record}};
