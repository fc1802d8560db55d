"""Transpile mall-segments' DuckDB RFM script into another dialect with sqlglot.

Usage: .venv/bin/python scripts/transpile_sql.py postgres|spark < duckdb.sql > dialect.sql

sqlglot does the grammar (types, literals, NULL ordering, interval syntax); three differences between the
engines are semantic and are handled here, on the parsed tree:
  1. `date - date`: whole days in DuckDB and PostgreSQL, an INTERVAL in Spark, where `DATEDIFF(end, start)`
     gives the days. Which columns are dates is read from the script itself: every alias of a
     `CAST(... AS DATE)`, and MIN/MAX of such a column.
  2. Text order: DuckDB and Spark compare strings byte by byte; PostgreSQL by the database's collation
     (en_US sorts "b" before "C"). Every ORDER BY on a text column of `transactions` (customer_id, country,
     invoice_no) gets COLLATE "C" in PostgreSQL, so NTILE tie-breaks and the country mode agree.
  3. Views: `CREATE VIEW` becomes `CREATE OR REPLACE TEMPORARY VIEW` in PostgreSQL and Spark, so the
     script can be re-run and leaves nothing behind in the warehouse (and Spark can build the views on a
     temporary view of the transactions).
Comments are not carried over (the DuckDB ones describe DuckDB); the caller adds a header.
"""

import sys

import sqlglot
from sqlglot import exp

TEXT_COLUMNS = {"customer_id", "country", "invoice_no"}


def date_columns(statements):
    """Names of the columns that hold dates: aliases of CAST(... AS DATE), then MIN/MAX of those."""
    dates = set()
    changed = True
    while changed:
        changed = False
        for statement in statements:
            for alias in statement.find_all(exp.Alias):
                value = alias.this
                is_date = isinstance(value, exp.Cast) and value.to.is_type(exp.DataType.Type.DATE)
                if isinstance(value, (exp.Min, exp.Max)) and isinstance(value.this, exp.Column):
                    is_date = value.this.name in dates
                if is_date and alias.alias not in dates:
                    dates.add(alias.alias)
                    changed = True
    return dates


def spark_date_differences(statement, dates):
    def rewrite(node):
        if (
            isinstance(node, exp.Sub)
            and isinstance(node.this, exp.Column)
            and isinstance(node.expression, exp.Column)
            and node.this.name in dates
            and node.expression.name in dates
        ):
            return exp.DateDiff(this=node.this.copy(), expression=node.expression.copy())
        return node

    return statement.transform(rewrite)


def postgres_byte_order(statement):
    for ordered in list(statement.find_all(exp.Ordered)):
        key = ordered.this
        if isinstance(key, exp.Column) and key.name in TEXT_COLUMNS:
            key.replace(exp.Collate(this=key.copy(), expression=exp.Identifier(this="C", quoted=True)))
    return statement


def temporary_views(statement):
    if isinstance(statement, exp.Create) and (statement.args.get("kind") or "").upper() == "VIEW":
        statement.set("replace", True)
        properties = statement.args.get("properties") or exp.Properties(expressions=[])
        properties.append("expressions", exp.TemporaryProperty())
        statement.set("properties", properties)
    return statement


def transpile(duckdb_sql, dialect):
    statements = [s for s in sqlglot.parse(duckdb_sql, read="duckdb") if s is not None]
    dates = date_columns(statements)
    out = []
    for statement in statements:
        if dialect == "spark":
            statement = spark_date_differences(statement, dates)
        if dialect == "postgres":
            statement = postgres_byte_order(statement)
        statement = temporary_views(statement)
        out.append(statement.sql(dialect=dialect, pretty=True, comments=False) + ";")
    return "\n\n".join(out) + "\n"


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ("postgres", "spark"):
        sys.exit("usage: transpile_sql.py postgres|spark < duckdb.sql")
    sys.stdout.write(transpile(sys.stdin.read(), sys.argv[1]))


if __name__ == "__main__":
    main()
