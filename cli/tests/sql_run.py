"""Runs `active-profiles sql` scripts on delivery-log CSV files in DuckDB or a local Spark session.

    python sql_run.py duckdb|spark SCRIPT AGGREGATE_OUT TABLE CSV...
    python sql_run.py duckdb|spark --jobs JOBS.json

JOBS.json is a list of {"script", "aggregate", "table", "files"}: every job
runs in one session (a Spark session takes long to start).

The CSV files are loaded, every column as text, into a table (DuckDB) or a
temporary view (Spark) named TABLE; then the script's statements run one by
one. The script's export statement writes the aggregate: DuckDB to the file
AGGREGATE_OUT itself (the script was printed with --aggregate AGGREGATE_OUT),
Spark to the folder AGGREGATE_OUT + ".dir", whose one part-*.csv file is
then copied to AGGREGATE_OUT. Used by cli/tests/sql_duckdb.rs and sql_spark.rs.
"""

import glob
import json
import os
import shutil
import sys


def statements(script):
    """The script's statements: comment lines dropped, each ending with a line that ends with ';'."""
    out, current = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(current).rstrip().rstrip(";"))
            current = []
    if current:
        out.append("\n".join(current))
    return out


def duckdb_session():
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads TO 2")
    return con


def run_duckdb(con, script, table, files):
    listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    con.execute(
        f'CREATE OR REPLACE TABLE "{table}" AS SELECT * FROM read_csv([{listed}], all_varchar = true, header = true, '
        "union_by_name = true, null_padding = true, quote = '\"', escape = '\"')"
    )
    for st in statements(script):
        con.execute(st)


def spark_session():
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("active-profiles-sql-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(spark, script, table, files, out):
    frames = [
        spark.read.option("header", "true").option("multiLine", "true").option("escape", '"').csv(f) for f in files
    ]
    df = frames[0]
    for f in frames[1:]:
        df = df.unionByName(f, allowMissingColumns=True)
    df.createOrReplaceTempView(table)
    for st in statements(script):
        spark.sql(st)
    parts = sorted(glob.glob(os.path.join(out + ".dir", "part-*")))
    if len(parts) != 1:
        raise SystemExit(f"expected one part file in {out}.dir, found {parts}")
    shutil.copyfile(parts[0], out)


def main():
    engine = sys.argv[1]
    if sys.argv[2] == "--jobs":
        with open(sys.argv[3], encoding="utf-8") as f:
            jobs = json.load(f)
    else:
        jobs = [{"script": sys.argv[2], "aggregate": sys.argv[3], "table": sys.argv[4], "files": sys.argv[5:]}]
    if engine == "duckdb":
        session = duckdb_session()
    elif engine == "spark":
        session = spark_session()
    else:
        raise SystemExit(f"unknown engine {engine}")
    for job in jobs:
        with open(job["script"], encoding="utf-8") as f:
            script = f.read()
        if engine == "duckdb":
            run_duckdb(session, script, job["table"], job["files"])
        else:
            run_spark(session, script, job["table"], job["files"], job["aggregate"])
    if engine == "spark":
        session.stop()


if __name__ == "__main__":
    main()
