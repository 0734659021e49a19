"""DuckDB baseline of the profiles benchmark: distinct identities per namespace of an AEP export.

Usage: duckdb_profiles.py FILE json|parquet THREADS

DuckDB cannot stitch an identity graph (connected components need recursion
over the whole graph), so this is the nearest query it runs in one pass: for
each namespace of `identityMap`, the number of distinct ids. Records that
`active-profiles profiles` rejects (more than 20 identities, a bad ECID, ...)
are counted here too; lines that are not JSON are skipped (ignore_errors).
Prints one JSON line: the query's seconds, the records it read and the
distinct ids per namespace.
"""

import json
import sys
import time

import duckdb

path, kind, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = duckdb.connect()
con.execute(f"SET threads={threads}")

if kind == "json":
    SOURCE = (f"read_json('{path}', format = 'newline_delimited', records = true, ignore_errors = true, "
              "columns = {'identityMap': 'MAP(VARCHAR, STRUCT(id VARCHAR)[])'})")
else:
    SOURCE = f"read_parquet('{path}')"

# identityMap is a MAP in AEP's Parquet (and as read from JSON above); a STRUCT of namespaces also works.
kind_of = con.execute(f"SELECT typeof(identityMap) FROM {SOURCE} LIMIT 1").fetchone()[0]
if kind_of.upper().startswith("MAP"):
    IDS = f"""
    WITH entries AS (SELECT unnest(map_entries(identityMap)) AS entry FROM {SOURCE}),
    i AS (SELECT entry.key AS ns, unnest(entry.value).id AS id FROM entries)"""
else:
    names = [r[0] for r in con.execute(
        f"SELECT unnest(struct_keys(identityMap)) FROM (SELECT identityMap FROM {SOURCE} LIMIT 1)").fetchall()]
    parts = " UNION ALL ".join(
        f"SELECT '{n}' AS ns, unnest(identityMap.\"{n}\").id AS id FROM {SOURCE}" for n in names)
    IDS = f"WITH i AS ({parts})"

QUERY = IDS + """
SELECT ns, count(DISTINCT id) FROM i WHERE id IS NOT NULL GROUP BY ns ORDER BY ns"""

started = time.perf_counter()
rows = con.execute(QUERY).fetchall()
seconds = time.perf_counter() - started
records = con.execute(f"SELECT count(*) FROM {SOURCE}").fetchone()[0]

print(json.dumps({
    "seconds": seconds,
    "records": records,
    "identities": {ns: n for ns, n in rows},
    "identity_map_type": kind_of,
}))
