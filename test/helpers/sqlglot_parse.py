"""Parse SQL with sqlglot in its dialect (test/sql-dialects.test.ts): what the tests check for BigQuery,
which cannot run here, and a grammar check for the others.

Input on stdin: a JSON list of {"dialect": d, "sql": text}. Output: a JSON list, per input either
{"statements": n, "columns": [...], "strings": [...]} (every column name and string literal, unquoted) or
{"error": message}.
"""

import json
import sys

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel


def parse(dialect, sql):
    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect, error_level=ErrorLevel.RAISE) if s is not None]
    except Exception as error:
        return {"error": f"{type(error).__name__}: {error}"}
    columns, strings = set(), set()
    for statement in statements:
        columns.update(c.name for c in statement.find_all(exp.Column))
        strings.update(s.this for s in statement.find_all(exp.Literal) if s.is_string)
    return {"statements": len(statements), "columns": sorted(columns), "strings": sorted(strings)}


json.dump([parse(item["dialect"], item["sql"]) for item in json.load(sys.stdin)], sys.stdout)
