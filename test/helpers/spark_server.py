"""A Spark local[2] session for one test file, driven by JSON lines on stdin (test/helpers/spark.ts).

Requests, one JSON object a line; each gets one JSON line back on stdout ({"ok": ...} or {"error": "..."}):
  {"op": "load_csv", "view": name, "file": path, "schema": [[column, "string"|"double"|"timestamp"], ...]}
      a temporary view over a CSV with a header line (NULL = an empty field, quotes doubled inside quotes)
  {"op": "sql", "statements": [sql, ...], "out": path or null}
      runs the statements in order; the rows of the last one are written to `out` as a JSON array of arrays
      (NULL as null, dates as ISO text) and {"ok": {"columns": [...], "rows": n}} is returned
MALL_SEGMENTS_SPARK_MEMORY (default 1g) and MALL_SEGMENTS_SPARK_PARTITIONS (default 4) size the session.
The session starts once, prints {"ready": {"spark": version, "java": version}}, and stops at end of input.
"""

import json
import os
import shutil
import sys
import tempfile

from pyspark.sql import SparkSession
from pyspark.sql.types import DoubleType, StringType, StructField, StructType, TimestampType

TYPES = {"string": StringType(), "double": DoubleType(), "timestamp": TimestampType()}


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)  # dates, timestamps and decimals as text


def main():
    warehouse = tempfile.mkdtemp(prefix="mall-segments-spark-")
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("mall-segments engine tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", os.environ.get("MALL_SEGMENTS_SPARK_PARTITIONS", "4"))
        .config("spark.driver.memory", os.environ.get("MALL_SEGMENTS_SPARK_MEMORY", "1g"))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.warehouse.dir", warehouse)
        .config("spark.driver.extraJavaOptions", f"-Djava.io.tmpdir={warehouse}")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    java = spark.sparkContext._jvm.java.lang.System.getProperty("java.version")
    reply({"ready": {"spark": spark.version, "java": java}})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            if request["op"] == "load_csv":
                schema = StructType([StructField(name, TYPES[kind], True) for name, kind in request["schema"]])
                frame = (
                    spark.read.option("header", "true")
                    .option("quote", '"')
                    .option("escape", '"')
                    .option("mode", "FAILFAST")
                    .option("timestampFormat", "yyyy-MM-dd HH:mm:ss")
                    .schema(schema)
                    .csv(request["file"])
                )
                frame.createOrReplaceTempView("`" + request["view"].replace("`", "``") + "`")
                reply({"ok": {"rows": frame.count()}})
            elif request["op"] == "sql":
                result = None
                for statement in request["statements"]:
                    result = spark.sql(statement)
                rows = result.collect()
                if request.get("out"):
                    with open(request["out"], "w", encoding="utf-8") as out:
                        json.dump([[plain(v) for v in row] for row in rows], out)
                reply({"ok": {"columns": result.columns, "rows": len(rows)}})
            else:
                reply({"error": f"unknown op {request['op']!r}"})
        except Exception as error:  # the test gets the message; the session stays up
            reply({"error": f"{type(error).__name__}: {error}"})
    spark.stop()
    shutil.rmtree(warehouse, ignore_errors=True)


if __name__ == "__main__":
    main()
