#!/usr/bin/env bash
# Benchmark of `active-profiles report` against the floor (a plain csv ByteRecord read)
# and DuckDB (2 threads), on a generated export.
#
#   bash bench/run.sh                 # 10 million rows, about 1 GB
#   BENCH_ROWS=1000000 bash bench/run.sh
#
# Environment: BENCH_ROWS (default 10000000), BENCH_DIR (default target/bench),
# CARGO_TARGET_DIR (default target), BENCH_AS_OF (default 2026-10-24, the export's last day),
# BENCH_THREADS (DuckDB threads, default 2), BENCH_REPEAT (runs of each, the fastest counts; default 3).
set -euo pipefail

cd "$(dirname "$0")/.."
ROWS="${BENCH_ROWS:-10000000}"
DIR="${BENCH_DIR:-target/bench}"
TARGET="${CARGO_TARGET_DIR:-target}"
AS_OF="${BENCH_AS_OF:-2026-10-24}"
DUCK_THREADS="${BENCH_THREADS:-2}"
mkdir -p "$DIR"

echo "== build (release)"
cargo build --release --bin active-profiles -p active-profiles-cli
cargo build --release --example raw_read -p active-profiles-cli
BIN="$TARGET/release/active-profiles"
RAW="$TARGET/release/examples/raw_read"

EXPORT="$DIR/export-$ROWS.csv"
PARAMS="$DIR/export-$ROWS.params"
GEN_ARGS=(generate --preset benchmark --rows "$ROWS" --output "$EXPORT")
# Same parameters: the same flags and the same generator source.
WANT="$("$BIN" --version) ${GEN_ARGS[*]} $(sha256sum engine/src/generate.rs | cut -c1-16)"
if [[ -f "$EXPORT" && -f "$PARAMS" && "$(cat "$PARAMS")" == "$WANT" ]]; then
  echo "== export: $EXPORT is up to date"
else
  echo "== generate $ROWS rows into $EXPORT"
  rm -f "$PARAMS"
  "$BIN" "${GEN_ARGS[@]}"
  echo "$WANT" > "$PARAMS"
fi
BYTES=$(stat -c %s "$EXPORT")
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')

# DuckDB in a virtual environment under the bench folder, installed when missing.
VENV="$DIR/venv"
if ! "$VENV/bin/python" -c 'import duckdb' 2>/dev/null; then
  echo "== install duckdb into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet duckdb
fi

# Elapsed seconds and peak RSS (KiB) of a command: GNU time when installed, else the
# command's own --stats line (ours) or wall-clock time only.
HAVE_TIME=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true 2>/dev/null; then HAVE_TIME=1; fi
measure() { # measure NAME CMD... -> sets SECS, RSS_KIB; stdout of CMD into $DIR/NAME.out
  local name="$1"; shift
  if [[ $HAVE_TIME == 1 ]]; then
    /usr/bin/time -f "%e %M" -o "$DIR/$name.time" "$@" > "$DIR/$name.out"
    read -r SECS RSS_KIB < "$DIR/$name.time"
  else
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > "$DIR/$name.out" 2> "$DIR/$name.err"
    t1=$(date +%s.%N)
    SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    RSS_KIB=$(sed -n 's/.*peak RSS \([0-9]*\) KiB.*/\1/p' "$DIR/$name.err" | tail -1)
    RSS_KIB="${RSS_KIB:-0}"
  fi
}

# Best of BENCH_REPEAT runs (default 3): the machine may be shared, the fastest run is the least disturbed.
REPEAT="${BENCH_REPEAT:-3}"
best() { # best NAME CMD... -> SECS (fastest), RSS_KIB (largest); keeps the fastest run's stdout
  local name="$1"; shift
  local best_secs="" best_rss=0 i
  for ((i = 0; i < REPEAT; i++)); do
    measure "$name.try" "$@"
    if [[ -z "$best_secs" ]] || awk -v a="$SECS" -v b="$best_secs" 'BEGIN { exit !(a < b) }'; then
      best_secs=$SECS
      mv "$DIR/$name.try.out" "$DIR/$name.out"
    fi
    if (( RSS_KIB > best_rss )); then best_rss=$RSS_KIB; fi
  done
  SECS=$best_secs; RSS_KIB=$best_rss
}

echo "== file: $EXPORT, $ROWS rows, $MB MB"
sync
cat "$EXPORT" > /dev/null # warm the page cache once, so that every reader starts equal

echo "== (a) active-profiles report --format json, $DUCK_THREADS threads as DuckDB (best of $REPEAT)"
best ours "$BIN" --stats report --format json --as-of "$AS_OF" --threads "$DUCK_THREADS" "$EXPORT"
OURS=$SECS; OURS_RSS=$RSS_KIB
echo "== (a1) the same on 1 thread (best of $REPEAT)"
best ours1 "$BIN" --stats report --format json --as-of "$AS_OF" --threads 1 "$EXPORT"
OURS1=$SECS; OURS1_RSS=$RSS_KIB
if ! cmp -s "$DIR/ours.out" "$DIR/ours1.out"; then echo "!!! the reports on 1 and $DUCK_THREADS threads differ"; fi

# The process's own footprint (binary, buffers, threads) on a one-row file, taken off the
# peak before dividing by the number of profiles.
"$BIN" generate --preset benchmark --rows 1 --output "$DIR/one-row.csv" 2> /dev/null
measure base "$BIN" --stats report --format json "$DIR/one-row.csv"
BASE_RSS=$RSS_KIB

echo "== (b) raw csv ByteRecord read, the floor (best of $REPEAT)"
best raw "$RAW" "$EXPORT"
RAWT=$SECS

echo "== (c) DuckDB, $DUCK_THREADS threads (best of $REPEAT)"
DUCK="" DUCK_PROCESS=""
for ((i = 0; i < REPEAT; i++)); do
  measure duck.try "$VENV/bin/python" bench/duckdb_count.py "$EXPORT" "$AS_OF" "$DUCK_THREADS"
  q=$("$VENV/bin/python" -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["seconds"])' "$DIR/duck.try.out")
  if [[ -z "$DUCK" ]] || awk -v a="$q" -v b="$DUCK" 'BEGIN { exit !(a < b) }'; then
    DUCK=$q; mv "$DIR/duck.try.out" "$DIR/duck.out"
  fi
  if [[ -z "$DUCK_PROCESS" ]] || awk -v a="$SECS" -v b="$DUCK_PROCESS" 'BEGIN { exit !(a < b) }'; then DUCK_PROCESS=$SECS; fi
done

# Both counts per dimension, and the memory per profile.
"$VENV/bin/python" - "$DIR/ours.out" "$DIR/duck.out" "$OURS" "$RAWT" "$DUCK" "$DUCK_PROCESS" "$BYTES" "$OURS_RSS" "$BASE_RSS" "$OURS1" "$OURS1_RSS" "$DUCK_THREADS" <<'PY'
import json, sys
ours, duck = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
t_ours, t_raw, t_duck, t_duck_proc = map(float, sys.argv[3:7])
size, rss_kib, base_kib = int(sys.argv[7]), int(sys.argv[8]), int(sys.argv[9])
t_ours1, rss1_kib, threads = float(sys.argv[10]), int(sys.argv[11]), sys.argv[12]
mb = size / 1e6
print()
print(f"{'':34}{'seconds':>10}{'MB/s':>10}")
for name, t in ((f"active-profiles report, {threads} threads", t_ours), ("active-profiles report, 1 thread", t_ours1),
                ("raw csv read (floor)", t_raw), ("duckdb query", t_duck), ("duckdb (whole process)", t_duck_proc)):
    print(f"{name:34}{t:10.2f}{mb / t if t else 0:10.0f}")
print()
print(f"ours vs duckdb : {t_duck / t_ours:5.2f}x faster than its query, {t_duck_proc / t_ours:5.2f}x than its process   (target >= 2x)")
print(f"one thread     : {mb / t_ours1:5.0f} MB/s   (target >= 300 MB/s)")
print(f"ours vs raw    : {t_raw / t_ours1 * 100:5.1f} % of raw read speed on one thread   (target >= 50 %)")
profiles, key_bytes = duck["profiles"], duck["mean_key_bytes"] or 0
for label, rss in (("1 thread", rss1_kib), (f"{threads} threads", rss_kib)):
    if rss and profiles:
        per = max(rss - base_kib, 0) * 1024 / profiles
        print(f"peak RSS, {label:10}: {rss / 1024:.1f} MiB, {base_kib / 1024:.1f} MiB of it on a one-row file; "
              f"{profiles} distinct counted profiles")
        print(f"memory/profile, {label:4}: {per:.1f} bytes (peak less the one-row footprint)   "
              f"(target <= 64 + mean key bytes = {64 + key_bytes:.1f})")
print()
dims = {d["name"]: d["active"] for d in ours.get("dimensions", [])}
names = sorted(set(dims) | set(duck["dimensions"]))
print(f"{'dimension':16}{'ours':>12}{'duckdb':>12}")
for n in names:
    print(f"{n:16}{dims.get(n, 0):12}{duck['dimensions'].get(n, 0):12}")
print(f"{'total':16}{ours.get('total_active', 0):12}{duck['total']:12}")
print("counts agree" if all(dims.get(n, 0) == duck["dimensions"].get(n, 0) for n in names)
      else "COUNTS DIFFER: see above")
PY
