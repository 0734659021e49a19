#!/usr/bin/env bash
# Benchmark of `active-profiles profiles` (Journey Optimizer profiles, issue 15) against DuckDB,
# on a generated AEP export of 1 million records, as JSON lines and the same records as Parquet.
#
#   bash bench/profiles.sh                       # 1 million records
#   BENCH_RECORDS=100000 bash bench/profiles.sh  # a quick run
#
# Ours: the release build, one thread (--threads 1), the whole report (the identity graph stitched,
# every figure of every snapshot), JSON out. DuckDB (python, from the venv of `make setup-python`,
# target/venv): distinct identities per namespace (bench/duckdb_profiles.py), the nearest query it
# runs: it CANNOT STITCH, so its figures are identities, not profiles.
# Printed: seconds, MB/s, records/s, peak memory (GNU time's maximum resident set) and CPU seconds of each.
#
# The export is `active-profiles generate --aep` (the engine's seeded generator); Parquet cannot hold
# the generator's few records that are not JSON objects, so it has those fewer.
# For the browser half: $DIR/profiles-$RECORDS/manifest.json names the files (JSON lines and
# Parquet), their sizes, the records and the command line's report of each (ours-json.json,
# ours-parquet.json), so that a browser benchmark can load the same files and check its figures.
#
# Environment: BENCH_RECORDS (default 1000000), BENCH_DIR (default target/bench),
# CARGO_TARGET_DIR (default target), BENCH_THREADS (DuckDB's threads besides 1, default 2),
# BENCH_REPEAT (runs of each, the fastest counts; default 3), BENCH_VENV (default target/venv).
set -euo pipefail

cd "$(dirname "$0")/.."
RECORDS="${BENCH_RECORDS:-1000000}"
DIR="${BENCH_DIR:-target/bench}"
TARGET="${CARGO_TARGET_DIR:-target}"
DUCK_THREADS="${BENCH_THREADS:-2}"
REPEAT="${BENCH_REPEAT:-3}"
VENV="${BENCH_VENV:-target/venv}"
OUT="$DIR/profiles-$RECORDS"
mkdir -p "$OUT"

echo "== build (release)"
cargo build --release --bin active-profiles -p active-profiles-cli
BIN="$TARGET/release/active-profiles"

if ! "$VENV/bin/python" -c 'import duckdb' 2>/dev/null; then
  echo "== DuckDB: no venv with duckdb at $VENV; creating it (make setup-python does the same)"
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet duckdb==2.0.0
fi
PY="$VENV/bin/python"

# ---- the export: one snapshot, one file of JSON lines, and the same records as Parquet ----------
JSONL="$OUT/json"
PARQUET="$OUT/parquet"
PARAMS="$OUT/params"
WANT="$("$BIN" --version) $RECORDS $(cat engine/src/aep/generate.rs engine/src/aep/parquet.rs cli/src/gen.rs | sha256sum | cut -c1-16)"
if [[ -f "$PARAMS" && "$(cat "$PARAMS")" == "$WANT" ]]; then
  echo "== export: $OUT is up to date"
else
  rm -rf "$JSONL" "$PARQUET" "$PARAMS"
  # One snapshot (an exportTime= folder) in one file; the same seed and records in both formats.
  GEN=(generate --rows "$RECORDS" --snapshots 1 --files 1)
  echo "== generate $RECORDS records as JSON lines into $JSONL"
  "$BIN" "${GEN[@]}" --aep "$JSONL" --aep-format json-lines
  echo "== the same records as Parquet (snappy) into $PARQUET"
  "$BIN" "${GEN[@]}" --aep "$PARQUET" --aep-format parquet --parquet-codec snappy
  echo "$WANT" > "$PARAMS"
fi
JSON_FILE=$(find "$JSONL" -type f | head -1)
PARQUET_FILE=$(find "$PARQUET" -type f | head -1)

source bench/measure.sh # measure NAME CMD..., best NAME CMD... (GNU time; SECS, RSS_KIB, CPU)

RESULTS="$OUT/results.txt"
: > "$RESULTS"
for kind in json parquet; do
  FILE=$JSON_FILE; [[ $kind == parquet ]] && FILE=$PARQUET_FILE
  cat "$FILE" > /dev/null # warm the page cache once, so that every reader starts equal
  echo "== ($kind) active-profiles profiles --threads 1 --format json (best of $REPEAT)"
  if best "ours-$kind" "$BIN" --stats profiles --threads 1 --format json "$FILE"; then
    cp "$OUT/ours-$kind.out" "$OUT/ours-$kind.json"
    echo "ours $kind $SECS $RSS_KIB $CPU" >> "$RESULTS"
  else
    echo "   failed: $(tail -3 "$OUT/ours-$kind.try.err" 2>/dev/null)"
    echo "ours $kind failed 0 0" >> "$RESULTS"
  fi
  for threads in 1 "$DUCK_THREADS"; do
    echo "== ($kind) DuckDB, $threads thread(s), distinct identities per namespace (best of $REPEAT)"
    best "duck-$kind-$threads" "$PY" bench/duckdb_profiles.py "$FILE" "$kind" "$threads"
    echo "duck$threads $kind $SECS $RSS_KIB $CPU" >> "$RESULTS"
  done
done

"$PY" - "$OUT" "$JSON_FILE" "$PARQUET_FILE" "$RECORDS" "$DUCK_THREADS" <<'PY'
import json, os, sys
out, json_file, parquet_file, records_asked, duck_threads = sys.argv[1:6]
files = {"json": json_file, "parquet": parquet_file}
runs = {}
for line in open(os.path.join(out, "results.txt")):
    who, kind, secs, rss, cpu = line.split()
    runs[(who, kind)] = (None if secs == "failed" else float(secs), int(rss), float(cpu))

def load(path):
    try:
        return json.load(open(path))
    except (OSError, ValueError):
        return None

print()
print(f"{'':52}{'seconds':>9}{'MB/s':>9}{'records/s':>12}{'peak MiB':>10}{'CPU s':>8}{'MB/CPU s':>10}")
manifest = {"records": int(records_asked), "files": [], "note": "DuckDB cannot stitch: its figures are distinct identities per namespace"}
for kind, path in files.items():
    size = os.path.getsize(path)
    mb = size / 1e6
    ours = load(os.path.join(out, f"ours-{kind}.json"))
    duck = {t: load(os.path.join(out, f"duck-{kind}-{t}.out")) for t in ("1", duck_threads)}
    read = ours["rows"]["read"] if ours else None
    print(f"{kind} ({mb:.1f} MB, {read if read is not None else '?'} records)")
    rows = [("active-profiles profiles, 1 thread (whole report)", runs.get(("ours", kind)), read)]
    for t in ("1", duck_threads):
        d = duck[t]
        rows.append((f"duckdb {t} thread(s): query (identities only)", (d["seconds"], 0, 0) if d else None, d and d["records"]))
        rows.append((f"duckdb {t} thread(s): whole process", runs.get((f"duck{t}", kind)), d and d["records"]))
    for name, run, n in rows:
        if not run or run[0] is None:
            print(f"  {name:50}{'failed':>9}")
            continue
        secs, rss, cpu = run
        rps = f"{n / secs:12,.0f}" if n and secs else f"{'':12}"
        mem = f"{rss / 1024:10.0f}" if rss else f"{'':10}"
        by_cpu = f"{cpu:8.2f}{mb / cpu:10.0f}" if cpu else ""
        print(f"  {name:50}{secs:9.2f}{mb / secs if secs else 0:9.0f}{rps}{mem}{by_cpu}")
    if ours:
        s = ours["snapshots"][-1]
        print(f"  ours: {s['profiles']} profiles (stitched), {ours['rows']['used']} records used, {ours['rows']['rejected']} rejected")
        d = duck["1"] or {}
        ids = d.get("identities", {})
        print(f"  {'namespace':12}{'ours: profiles':>16}{'duckdb: distinct ids':>22}")
        for ns in sorted(set(ids) | {n['namespace'] for n in s['by_namespace']}):
            p = next((n['profiles'] for n in s['by_namespace'] if n['namespace'] == ns), 0)
            print(f"  {ns:12}{p:16}{ids.get(ns, 0):22}")
    manifest["files"].append({"format": kind, "path": path, "bytes": size,
                              "report": os.path.join(out, f"ours-{kind}.json") if ours else None})
    print()
print("DuckDB cannot stitch: it counts distinct ids per namespace, not profiles (records joined by a")
print("shared identity); it applies none of the rejection rules either. Target: ours >= 150 MB/s on JSON lines.")
print("On a shared machine wall-clock time includes waiting for a core: CPU s (user + system) is printed beside it.")
print(f"load average at the end: {os.getloadavg()[0]:.1f} (1 min)")
json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"), indent=2)
print(f"manifest for the browser benchmark: {os.path.join(out, 'manifest.json')}")
PY
