# Shared by bench/profiles.sh and bench/engageable.sh (sourced, not run): time a command with GNU
# time, the fastest of $REPEAT runs. The caller sets OUT (the folder the outputs go to) and REPEAT.

# Elapsed seconds, peak RSS (KiB) and CPU seconds of a command, by GNU time; stdout into $OUT/NAME.out.
measure() { # measure NAME CMD... -> SECS, RSS_KIB, CPU
  local name="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" || return 1
  read -r SECS RSS_KIB USER_S SYS_S < "$OUT/$name.time"
  CPU=$(awk -v u="$USER_S" -v s="$SYS_S" 'BEGIN { printf "%.2f", u + s }')
}

best() { # best NAME CMD... -> SECS (fastest), RSS_KIB (largest), CPU (the fastest run's); keeps the fastest run's stdout
  local name="$1"; shift
  local best_secs="" best_rss=0 best_cpu=0 i
  for ((i = 0; i < REPEAT; i++)); do
    measure "$name.try" "$@" || return 1
    if [[ -z "$best_secs" ]] || awk -v a="$SECS" -v b="$best_secs" 'BEGIN { exit !(a < b) }'; then
      best_secs=$SECS; best_cpu=$CPU
      mv "$OUT/$name.try.out" "$OUT/$name.out"
      mv "$OUT/$name.try.err" "$OUT/$name.err"
    fi
    if (( RSS_KIB > best_rss )); then best_rss=$RSS_KIB; fi
  done
  SECS=$best_secs; RSS_KIB=$best_rss; CPU=$best_cpu
}
