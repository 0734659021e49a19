"""DuckDB baseline of the benchmark: active profiles per target dimension, with SQL over read_csv.

Usage: duckdb_count.py FILE AS_OF THREADS

Implements the main counting rules for the benchmark's layout (label headers,
ISO dates, one instance, no deliveries file): the 12-month window, exclusions
(proof/seed flags, social channels, control flag or failure reason 127,
excluded statuses, excluded failure reasons), rejected rows (no key and no
address, unreadable date) and the Anonymous dimension (transactional or
address-only rows, keyed by address). Prints one JSON line: the query's time
in seconds, the counts per dimension and the number and mean length of the
distinct counted keys (for the memory-per-profile figure; not timed).
"""

import json
import sys
import time

import duckdb

path, as_of, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = duckdb.connect()
con.execute(f"SET threads={threads}")

TRUE = "('1','true','yes','y','x')"
CLASSIFIED = f"""
WITH raw AS (
  SELECT * FROM read_csv('{path}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
), rows AS (
  SELECT
    TRY_CAST(substr("Event date", 1, 10) AS DATE) AS day,
    nullif("Recipient ID", '') AS key,
    nullif("Address", '') AS address,
    lower(coalesce("Status", '')) AS status,
    lower(coalesce("Failure reason", '')) AS reason,
    lower(coalesce("Channel", '')) AS channel,
    nullif("Target dimension", '') AS dimension,
    lower(coalesce("Transactional", '')) IN {TRUE} AS transactional,
    lower(coalesce("Proof", '')) IN {TRUE} OR lower(coalesce("Seed", '')) IN {TRUE} AS proof,
    lower(coalesce("Control group", '')) IN {TRUE} AS control
  FROM raw
), counted AS (
  SELECT
    day,
    CASE WHEN transactional OR key IS NULL THEN 'Anonymous' ELSE coalesce(dimension, 'Recipients') END AS dim,
    CASE WHEN transactional OR key IS NULL THEN address ELSE key END AS k
  FROM rows
  WHERE day IS NOT NULL
    AND (key IS NOT NULL OR address IS NOT NULL)
    AND NOT proof
    AND channel NOT IN ('twitter', 'x', 'facebook')
    AND NOT control AND reason NOT IN ('127', 'control address')
    AND status NOT IN ('ignored', 'delivery cancelled', 'cancelled', 'canceled', 'not applicable', '0', '7')
    AND reason NOT IN ('7','8','9','10','11','12','14','15','16','17',
      'address not specified', 'denylisted address', 'blacklisted address', 'address in quarantine',
      'quarantined address', 'double', 'duplicate', 'excluded by a sql rule', 'excluded after arbitration',
      'bad-quality address', 'unqualified address', 'not eligible for the offers', 'target limited in size')
)
"""

QUERY = CLASSIFIED + f"""
SELECT dim, count(DISTINCT k) AS active
FROM counted
WHERE day > DATE '{as_of}' - INTERVAL 12 MONTH AND day <= DATE '{as_of}'
GROUP BY dim ORDER BY active DESC, dim
"""

started = time.perf_counter()
rows = con.execute(QUERY).fetchall()
seconds = time.perf_counter() - started

profiles, key_bytes = con.execute(
    CLASSIFIED + "SELECT count(*), avg(length(k)) FROM (SELECT DISTINCT dim, k FROM counted)"
).fetchone()

print(json.dumps({
    "seconds": seconds,
    "dimensions": {dim: active for dim, active in rows},
    "total": sum(active for _, active in rows),
    "profiles": profiles,
    "mean_key_bytes": key_bytes,
}))
