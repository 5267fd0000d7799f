#!/usr/bin/env bash
# Times `racelock analyze --analysis hb` against `--analysis predictive` on recorded traces
# (docs/performance.md, "Predictive analysis"): for each trace, ROUNDS interleaved rounds (hb,
# then predictive, each round), so that neighbour load hits both alike. Prints per trace and
# analysis the median wall and CPU seconds, peak RSS, events per CPU-second, and predictive's CPU
# time as a multiple of hb's: the figure that decides the default (predictive by default only
# within 2x of hb).
#
# Build first:  ./mvnw -B -q -pl cli -am package -DskipTests
# Traces:       bench/workloads.sh --rounds 1 --config unowned=ownership=off --configs unowned \
#                 --analyze none --traces DIR
#               (the predictions need every access recorded: ownership=off)
# Needs /usr/bin/time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: bench/analysis-modes.sh [options] TRACE...
  --rounds N        interleaved rounds per trace (default 3); figures are medians over them
  --cli JAR         racelock.jar (default cli/target/racelock.jar)
  --opts OPTS       JVM options of the analysis (default: -Xmx6g -XX:+UseParallelGC, the collector ./racelock gives it)
  --java PATH       java (default: $JAVA_HOME/bin/java, else java on the PATH)
  -h, --help        this help
EOF
}

ROUNDS=3
CLI_JAR=cli/target/racelock.jar
OPTS="-Xmx6g -XX:+UseParallelGC"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

die() { echo "analysis-modes.sh: $*" >&2; exit 2; }
need() { [ $# -ge 2 ] || die "$1 needs a value (--help)"; }
TRACES=()
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) need "$@"; ROUNDS=$2; shift 2 ;;
    --cli) need "$@"; CLI_JAR=$2; shift 2 ;;
    --opts) need "$@"; OPTS=$2; shift 2 ;;
    --java) need "$@"; JAVA=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (--help)" ;;
    *) TRACES+=("$1"); shift ;;
  esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds wants a positive number, got '$ROUNDS'"
[ ${#TRACES[@]} -gt 0 ] || die "no trace given (--help)"
[ -f "$CLI_JAR" ] || die "$CLI_JAR not found: build it first (./mvnw -B -q -pl cli -am package -DskipTests)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian: apt-get install time)"
for t in "${TRACES[@]}"; do [ -f "$t" ] || die "no such trace: $t"; done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   java: $("$JAVA" -version 2>&1 | head -1)"
for trace in "${TRACES[@]}"; do
  name=$trace
  : >"$WORK/hb" ; : >"$WORK/predictive"
  events=-
  for round in $(seq 1 "$ROUNDS"); do
    for mode in hb predictive; do
      rc=0
      # shellcheck disable=SC2086 # OPTS holds several options
      /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "$JAVA" $OPTS -jar "$CLI_JAR" analyze --no-color \
        --analysis "$mode" -o "$WORK/report.txt" "$trace" >"$WORK/out" 2>"$WORK/err" || rc=$?
      if [ "$rc" -gt 1 ]; then  # 0: no findings, 1: findings (docs/cli.md, exit codes)
        echo "  $name $mode: FAILED (exit $rc): $(grep -v '^\s*$' "$WORK/err" | head -3 | tr '\n' ' ')" >&2
        continue
      fi
      if [ "$mode" = predictive ] && grep -qs 'record with ownership=off' "$WORK/err" "$WORK/report.txt"; then
        echo "  $name: the predictions were skipped (a trace recorded with the ownership filter on): record with ownership=off" >&2
      fi
      read -r wall rss user sys < <(tail -1 "$WORK/time")
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      # racelock: 3 findings in 1 trace (123456 events); ...   (GateSummary)
      e=$(sed -n 's/^racelock: .* in 1 trace (\([0-9]*\) events).*/\1/p' "$WORK/err" | tail -1)
      [ -z "$e" ] || events=$e
      echo "$wall $cpu $rss" >>"$WORK/$mode"
      echo "  round $round $name $mode: wall ${wall} s, CPU ${cpu} s, RSS $((rss / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    done
  done
  for mode in hb predictive; do
    wall=$(cut -d' ' -f1 "$WORK/$mode" | median)
    cpu=$(cut -d' ' -f2 "$WORK/$mode" | median)
    rss=$(cut -d' ' -f3 "$WORK/$mode" | median)
    declare "cpu_$mode=$cpu"
    rate=$(awk -v e="$events" -v c="$cpu" 'BEGIN { if (e == "-" || c == "-" || c == 0) print "-"; else printf "%.1f", e / c / 1e6 }')
    printf '%s\t%s\twall %s s\tCPU %s s\tRSS %s MB\t%s M events/CPU-s\n' "$name" "$mode" "$wall" "$cpu" \
      "$(awk -v r="$rss" 'BEGIN { if (r == "-") print "-"; else printf "%d", r / 1024 }')" "$rate"
  done
  # shellcheck disable=SC2154 # set by declare above
  printf '%s\tpredictive/hb CPU: %s (%s events)\n' "$name" \
    "$(awk -v p="$cpu_predictive" -v h="$cpu_hb" 'BEGIN { if (p == "-" || h == "-" || h == 0) print "-"; else printf "%.2fx", p / h }')" "$events"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
