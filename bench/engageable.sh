#!/usr/bin/env bash
# Benchmark of `active-profiles engageable` (Journey Optimizer engageable profiles, issue 16) against
# DuckDB running Adobe's documented approximation, on 20 million generated journey step events as
# JSON lines, the same events as Parquet and as CSV (the export of a Query Service query).
#
#   bash bench/engageable.sh                        # 20 million events (about 7 GB of JSON lines)
#   BENCH_EVENTS=300000 BENCH_REPEAT=1 bash bench/engageable.sh   # a quick run
#
# Ours: the release build, `engageable --format json` (the whole report: every sandbox, the 365 daily
# counts, newly engaged, spikes, journeys, expiring, rejected lines), with --threads 1 and with the
# default threads (one per core; each file is read by one thread, hence a few files).
# DuckDB (python, from the venv of `make setup-python`, target/venv; 1 thread and BENCH_THREADS):
# Adobe's approximation as its Query Service documentation writes it (bench/duckdb_engageable.py),
# count(distinct _experience.journeyOrchestration.stepEvents.profileID) per sandbox over the 12
# months up to the as-of date (the latest event date, found by a first query), nothing else.
# Printed: seconds, MB/s, events/s, peak memory (GNU time's maximum resident set), CPU seconds, and
# DuckDB's time over ours. Then DuckDB's per-sandbox counts beside ours: the approximation misses the
# profiles engaged only by events whose profile is in `identityMap` (campaign messages, some step
# events); a second DuckDB query (not timed) counts those too and must then equal ours exactly,
# else the script says MISMATCH and exits 1. The CSV has no identityMap: its profileID column is the step
# event's, else the primary identity of identityMap (what the query behind the export selects), so on CSV
# the approximation is the exact count and must equal ours.
#
# The events are `active-profiles generate --events` (seeded; BENCH_FILES files of each format); Parquet
# and CSV cannot hold the generator's few lines that are not JSON objects, so they have those fewer. For
# the browser half: $DIR/engageable-$EVENTS/manifest.json names the folder and files of each format, their
# bytes and the command line's report of each (ours-json.json, ours-parquet.json, ours-csv.json), for
# bench/browser/engageable.mjs (DuckDB-Wasm runs offline on the CSV only).
#
# Environment: BENCH_EVENTS (default 20000000), BENCH_FILES (files of each format, default 4),
# BENCH_SEED (default 1), BENCH_DIR (default target/bench), CARGO_TARGET_DIR (default target),
# BENCH_THREADS (DuckDB's threads besides 1, default 2), BENCH_REPEAT (runs of each, the fastest
# counts; default 3), BENCH_VENV (default target/venv).
set -euo pipefail

cd "$(dirname "$0")/.."
EVENTS="${BENCH_EVENTS:-20000000}"
FILES="${BENCH_FILES:-4}"
SEED="${BENCH_SEED:-1}"
DIR="${BENCH_DIR:-target/bench}"
TARGET="${CARGO_TARGET_DIR:-target}"
DUCK_THREADS="${BENCH_THREADS:-2}"
REPEAT="${BENCH_REPEAT:-3}"
VENV="${BENCH_VENV:-target/venv}"
OUT="$DIR/engageable-$EVENTS"
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

# ---- the events: BENCH_FILES files of JSON lines, and the same events as Parquet and CSV ----------
JSONL="$OUT/json"
PARQUET="$OUT/parquet"
CSV="$OUT/csv"
PARAMS="$OUT/params"
GEN=(generate --rows "$EVENTS" --seed "$SEED" --files "$FILES")
SOURCES=(engine/src/engage/generate.rs engine/src/engage/parquet.rs engine/src/aep/generate.rs cli/src/gen.rs)
WANT="$("$BIN" --version) ${GEN[*]} json parquet csv $(cat "${SOURCES[@]}" | sha256sum | cut -c1-16)"
if [[ -f "$PARAMS" && "$(cat "$PARAMS")" == "$WANT" ]]; then
  echo "== events: $OUT is up to date"
else
  rm -rf "$JSONL" "$PARQUET" "$CSV" "$PARAMS"
  echo "== generate $EVENTS step events as JSON lines into $JSONL"
  "$BIN" "${GEN[@]}" --events "$JSONL" --events-format json-lines
  echo "== the same events as Parquet (snappy) into $PARQUET"
  "$BIN" "${GEN[@]}" --events "$PARQUET" --events-format parquet --parquet-codec snappy
  echo "== the same events as CSV (a Query Service export) into $CSV"
  "$BIN" "${GEN[@]}" --events "$CSV" --events-format csv
  echo "$WANT" > "$PARAMS"
fi
mapfile -t JSON_FILES < <(find "$JSONL" -type f -name '*.json' | sort)
mapfile -t PARQUET_FILES < <(find "$PARQUET" -type f -name '*.parquet' | sort)
mapfile -t CSV_FILES < <(find "$CSV" -type f -name '*.csv' | sort)
if (( ${#JSON_FILES[@]} == 0 || ${#PARQUET_FILES[@]} == 0 || ${#CSV_FILES[@]} == 0 )); then
  echo "no event files under $JSONL, $PARQUET or $CSV" >&2
  exit 2
fi

source bench/measure.sh # measure NAME CMD..., best NAME CMD... (GNU time; SECS, RSS_KIB, CPU)

CORES=$(nproc)
RESULTS="$OUT/results.txt"
: > "$RESULTS"
rm -f "$OUT"/*.out "$OUT"/*.err "$OUT"/*.time "$OUT"/ours-*.json "$OUT/manifest.json" # no figure of an earlier run
for kind in json parquet csv; do
  case $kind in
    json) KIND_DIR=$JSONL; KIND_FILES=("${JSON_FILES[@]}") ;;
    parquet) KIND_DIR=$PARQUET; KIND_FILES=("${PARQUET_FILES[@]}") ;;
    csv) KIND_DIR=$CSV; KIND_FILES=("${CSV_FILES[@]}") ;;
  esac
  cat "${KIND_FILES[@]}" > /dev/null # warm the page cache once, so that every reader starts equal
  for threads in 1 default; do
    THREAD_ARGS=(--threads 1); [[ $threads == default ]] && THREAD_ARGS=()
    echo "== ($kind) active-profiles engageable --format json, threads: $threads (best of $REPEAT)"
    if best "ours-$kind-$threads" "$BIN" --stats engageable "${THREAD_ARGS[@]}" --format json "$KIND_DIR"; then
      echo "ours$threads $kind $SECS $RSS_KIB $CPU" >> "$RESULTS"
    else
      echo "   failed: $(tail -3 "$OUT/ours-$kind-$threads.try.err" 2>/dev/null)"
      echo "ours$threads $kind failed 0 0" >> "$RESULTS"
    fi
  done
  # The report of the files (the same whatever the threads) for the checks and the browser benchmark.
  if [[ -s "$OUT/ours-$kind-1.out" ]]; then cp "$OUT/ours-$kind-1.out" "$OUT/ours-$kind.json"; else rm -f "$OUT/ours-$kind.json"; fi
  for threads in 1 "$DUCK_THREADS"; do
    echo "== ($kind) DuckDB, $threads thread(s), Adobe's approximation (best of $REPEAT)"
    if best "duck-$kind-$threads" "$PY" bench/duckdb_engageable.py "$kind" "$threads" "${KIND_FILES[@]}"; then
      echo "duck$threads $kind $SECS $RSS_KIB $CPU" >> "$RESULTS"
    else
      echo "   failed: $(tail -3 "$OUT/duck-$kind-$threads.try.err" 2>/dev/null)"
      echo "duck$threads $kind failed 0 0" >> "$RESULTS"
    fi
  done
  echo "== ($kind) DuckDB, not timed: what the approximation misses (events whose profile is only in identityMap)"
  "$PY" bench/duckdb_engageable.py "$kind" "$DUCK_THREADS" --check "${KIND_FILES[@]}" > "$OUT/duck-$kind-check.out"
done

"$PY" - "$OUT" "$EVENTS" "$DUCK_THREADS" "$CORES" <<'PY'
import json, os, sys
out, events_asked, duck_threads, cores = sys.argv[1:5]
runs = {}
for line in open(os.path.join(out, "results.txt")):
    who, kind, secs, rss, cpu = line.split()
    runs[(who, kind)] = (None if secs == "failed" else float(secs), int(rss), float(cpu))

def load(path):
    try:
        return json.load(open(path))
    except (OSError, ValueError):
        return None

def files_of(kind):
    top = os.path.join(out, kind)
    ext = {"json": ".json", "parquet": ".parquet", "csv": ".csv"}[kind]
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(top) for f in fs if f.endswith(ext))

mismatches = 0
manifest = {"events": int(events_asked), "files": [],
            "note": "DuckDB runs Adobe's approximation: count(distinct stepEvents.profileID) per sandbox over 12 months"}
print()
print(f"{'':56}{'seconds':>9}{'MB/s':>8}{'events/s':>12}{'peak MiB':>10}{'CPU s':>8}{'DuckDB/ours':>13}")
for kind in ("json", "parquet", "csv"):
    paths = files_of(kind)
    size = sum(os.path.getsize(p) for p in paths)
    mb = size / 1e6
    ours = load(os.path.join(out, f"ours-{kind}.json"))
    duck = {t: load(os.path.join(out, f"duck-{kind}-{t}.out")) for t in ("1", duck_threads)}
    check = load(os.path.join(out, f"duck-{kind}-check.out"))
    n = ours["rows"]["read"] if ours else None
    print(f"{kind} ({len(paths)} files, {mb:.1f} MB, {n if n is not None else '?'} events)")
    ours_secs = {t: (runs.get((f"ours{t}", kind)) or (None,))[0] for t in ("1", "default")}
    rows = [
        ("active-profiles engageable, 1 thread (whole report)", runs.get(("ours1", kind)), None),
        (f"active-profiles engageable, default threads ({cores})", runs.get(("oursdefault", kind)), None),
    ]
    for t in ("1", duck_threads):
        d = duck[t]
        against = ours_secs["1" if t == "1" else "default"]
        rows.append((f"duckdb {t} thread(s): as-of + count query", (d["as_of_seconds"] + d["seconds"], 0, 0) if d else None, None))
        rows.append((f"duckdb {t} thread(s): count query alone", (d["seconds"], 0, 0) if d else None, None))
        rows.append((f"duckdb {t} thread(s): whole process", runs.get((f"duck{t}", kind)), against))
    for name, run, against in rows:
        if not run or run[0] is None:
            print(f"  {name:54}{'failed':>9}")
            continue
        secs, rss, cpu = run
        eps = f"{n / secs:12,.0f}" if n and secs else f"{'':12}"
        mem = f"{rss / 1024:10.0f}" if rss else f"{'':10}"
        cpu_s = f"{cpu:8.2f}" if cpu else f"{'':8}"
        ratio = f"{secs / against:12.2f}x" if against else ""
        print(f"  {name:54}{secs:9.2f}{mb / secs if secs else 0:8.0f}{eps}{mem}{cpu_s}{ratio}".rstrip())
    if ours and duck["1"] and check:
        e = ours["engageable"]
        mine = {s["name"]: s["profiles"] for s in e["sandboxes"]}
        adobe = duck["1"]["engageable"]
        full = check["with_identity_map"]
        only = check["identity_map_only_events"]
        print(f"  as of {ours['as_of']} (ours), {duck['1']['as_of']} (DuckDB); window {ours['window']['from']} to {ours['window']['to']}")
        if ours["as_of"] != duck["1"]["as_of"]:
            mismatches += 1
            print("  !!!!!!!! MISMATCH: the as-of dates differ !!!!!!!!")
        print(f"  {'sandbox':10}{'ours':>12}{'Adobe approx.':>15}{'missed':>10}{'share':>8}{'events only in identityMap':>28}{'approx. + identityMap':>23}")
        for s in sorted(set(mine) | set(adobe) | set(full)):
            o, a, f = mine.get(s, 0), adobe.get(s, 0), full.get(s, 0)
            share = f"{100 * (o - a) / o:7.1f}%" if o else f"{'':8}"
            flag = "" if f == o else "   <- MISMATCH"
            print(f"  {s:10}{o:12}{a:15}{o - a:10}{share}{only.get(s, 0):28}{f:23}{flag}")
            if f != o:
                mismatches += 1
        total_a = sum(adobe.values())
        print(f"  {'total':10}{e['total']:12}{total_a:15}{e['total'] - total_a:10}")
        print(f"  ours: {ours['rows']['read']} events read, {ours['rows']['counted']} counted, {ours['rows']['rejected']} rejected "
              f"(no profile, no or unreadable time, not a JSON object); DuckDB read {check['rows']} rows, "
              f"{check['no_time']} of them without a readable time (left out by its WHERE as well)")
    manifest["files"].append({"format": kind, "dir": os.path.join(out, kind), "paths": paths, "bytes": size,
                              "report": os.path.join(out, f"ours-{kind}.json") if ours else None})
    print()
print("Adobe's approximation counts stepEvents.profileID only: a profile engaged in the window only by events whose")
print("profile is in identityMap (campaign messages, some step events) is missed, so it undercounts (column 'missed').")
print("Counting those events' identityMap profile too (the primary identity, else the first), DuckDB equals ours exactly")
print("('approx. + identityMap', a second query, not timed). Rejected lines change neither count: both leave them out.")
print("The CSV (a Query Service export) has no identityMap: its profileID is the step event's, else identityMap's primary")
print("identity, so on CSV the approximation is the exact count ('missed' 0, 'approx. + identityMap' the same figures).")
print(f"DuckDB/ours: DuckDB's whole process over ours with 1 thread (DuckDB 1 thread) or the default threads (DuckDB {duck_threads}).")
print("On a shared machine wall-clock time includes waiting for a core: CPU s (user + system) is printed beside it.")
print(f"load average at the end: {os.getloadavg()[0]:.1f} (1 min)")
json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"), indent=2)
print(f"manifest for the browser benchmark: {os.path.join(out, 'manifest.json')}")
if mismatches:
    print(f"!!!!!!!! {mismatches} figure(s) differ: see MISMATCH above !!!!!!!!")
    sys.exit(1)
PY
