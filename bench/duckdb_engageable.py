"""DuckDB baseline of the engageable-profiles benchmark: Adobe's documented approximation.

Usage: duckdb_engageable.py json|parquet|csv THREADS [--check] FILE...

Adobe documents the Journey Optimizer step events in Query Service with queries of this shape
(Journey Optimizer, "Query examples"; profiles of a journey in a time frame):

    SELECT count(distinct _experience.journeyOrchestration.stepEvents.profileID)
    FROM journey_step_events WHERE ... AND DATE(timestamp) > (now() - interval '<x>' hour);

The engageable-profiles approximation is that query over the last 12 months, once per sandbox
(Query Service runs in one sandbox; the files here hold several, so it groups by `sandbox`).
Adapted to DuckDB: `journey_step_events` is a view over read_json / read_parquet / read_csv of the files, its
`timestamp` typed as AEP types it (TIMESTAMPTZ, in UTC; a value that is not a date is NULL), and
`now()` is the as-of date, the latest event date, found by a first query (the files are a past
export). Lines that are not JSON objects are skipped (ignore_errors).

A CSV is the export of a Query Service query (`active-profiles generate --events-format csv`, header
timestamp,profileID,journeyVersionName,sandbox,sandboxType,inDryRun): read as text (all_varchar), the
query counts its `profileID` column. That column is the step event's profileID, else the primary
identity of `identityMap` (the export's query picked it), so on a CSV the approximation misses nothing.

Timed and printed as one JSON line: the seconds of the as-of query and of the count query, the
as-of date, the rows read and the distinct profileIDs per sandbox.

With --check (not timed; bench/engageable.sh runs it once after the timed runs): also what the
approximation misses, per sandbox: the events in the window whose profile is only in `identityMap`
(no profileID), and the count when those events' profile (the primary identity of `identityMap`,
else its first, as `active-profiles engageable` reads it) is counted too. A CSV has no `identityMap`:
none are missed and the count with them is the approximation's.
"""

import json
import sys
import time

import duckdb

kind, threads = sys.argv[1], int(sys.argv[2])
check = "--check" in sys.argv[3:]
files = [a for a in sys.argv[3:] if a != "--check"]
con = duckdb.connect()
con.execute(f"SET threads={threads}")
con.execute("SET TimeZone = 'UTC'")

quote = lambda s: "'" + s.replace("'", "''") + "'"
paths = "[" + ", ".join(quote(f) for f in files) + "]"
if kind == "json":
    COLUMNS = {
        "timestamp": "VARCHAR",
        "sandbox": "VARCHAR",
        "_experience": "STRUCT(journeyOrchestration STRUCT(stepEvents STRUCT(profileID VARCHAR)))",
    }
    if check:
        COLUMNS["identityMap"] = 'MAP(VARCHAR, STRUCT(id VARCHAR, "primary" BOOLEAN)[])'
    columns = "{" + ", ".join(f"{quote(k)}: {quote(v)}" for k, v in COLUMNS.items()) + "}"
    SOURCE = f"read_json({paths}, format = 'newline_delimited', records = true, ignore_errors = true, columns = {columns})"
elif kind == "parquet":
    SOURCE = f"read_parquet({paths})"
elif kind == "csv":
    SOURCE = f"read_csv({paths}, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
else:
    sys.exit(f"duckdb_engageable.py: unknown format {kind!r} (json, parquet or csv)")
# The profile of Adobe's query: the step event's profileID (the CSV export names that column profileID).
PROFILE = "profileID" if kind == "csv" else "_experience.journeyOrchestration.stepEvents.profileID"
# DuckDB 2.0 pushes a TRY_CAST of a bare CSV column into read_csv as a hard cast, and then fails on the
# first `yesterday` (duckdb/duckdb#23818, open): cast an expression instead (nullif(x, '') is x in a CSV,
# whose empty fields are NULL already).
TIME = "nullif(timestamp, '')" if kind == "csv" else "timestamp"

# AEP's timestamp is a typed column; the exports hold it as ISO 8601 text (an offset on some).
con.execute(f"""CREATE VIEW journey_step_events AS
    SELECT * REPLACE (TRY_CAST({TIME} AS TIMESTAMPTZ) AS timestamp) FROM {SOURCE}""")

started = time.perf_counter()
as_of = con.execute("SELECT max(DATE(timestamp)) FROM journey_step_events").fetchone()[0]
as_of_seconds = time.perf_counter() - started

# Adobe's query, now() being the as-of date: the window is (as-of - 12 months, as-of].
QUERY = f"""
SELECT sandbox, count(distinct {PROFILE})
FROM journey_step_events
WHERE DATE(timestamp) > (DATE '{as_of}' - interval '12' month) AND DATE(timestamp) <= DATE '{as_of}'
GROUP BY sandbox ORDER BY sandbox"""
started = time.perf_counter()
rows = con.execute(QUERY).fetchall()
seconds = time.perf_counter() - started

out = {
    "as_of_seconds": as_of_seconds,
    "seconds": seconds,
    "as_of": str(as_of),
    "engageable": {str(sandbox): n for sandbox, n in rows},
    "query": " ".join(QUERY.split()),
}

if check:
    out["rows"] = con.execute("SELECT count(*) FROM journey_step_events").fetchone()[0]
    window = f"DATE(timestamp) > (DATE '{as_of}' - interval '12' month) AND DATE(timestamp) <= DATE '{as_of}'"
    CHECK = f"""
    SELECT sandbox, 0, count(distinct profileID) FROM journey_step_events WHERE {window}
    GROUP BY sandbox ORDER BY sandbox""" if kind == "csv" else f"""
    WITH e AS (
      SELECT sandbox, _experience.journeyOrchestration.stepEvents.profileID AS profile_id,
             flatten(map_values(identityMap)) AS ids
      FROM journey_step_events WHERE {window})
    SELECT sandbox,
           count(*) FILTER (WHERE profile_id IS NULL AND len(ids) > 0),
           count(distinct coalesce(profile_id, list_filter(ids, lambda i: i."primary")[1].id, ids[1].id))
    FROM e GROUP BY sandbox ORDER BY sandbox"""
    checked = con.execute(CHECK).fetchall()
    out["identity_map_only_events"] = {str(s): n for s, n, _ in checked}
    out["with_identity_map"] = {str(s): n for s, _, n in checked}
    out["no_time"] = con.execute("SELECT count(*) FROM journey_step_events WHERE timestamp IS NULL").fetchone()[0]

print(json.dumps(out))
