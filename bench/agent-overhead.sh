#!/usr/bin/env bash
# Recording overhead of the agent on a real workload (docs/performance.md, "Agent"):
# H2 (in-memory, from Maven Central) driven by several threads, run without the agent and
# with it in each mode, interleaved, REPEAT times; prints the median work time and peak RSS.
# Needs: ./mvnw -B -q -pl bench -am package -DskipTests
# Usage: bench/agent-overhead.sh [threads] [operations per thread] [repeat]
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${1:-4}; OPS=${2:-5000}; REPEAT=${3:-3}
H2=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null)/com/h2database/h2/2.3.232/h2-2.3.232.jar
CP=bench/target/classes:$H2
AGENT=agent/target/racelock-agent.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
declare -A CONFIGS=(
  [plain]=""
  [locks]="-javaagent:$AGENT=quiet=true,mode=locks,stacks=off,output=$WORK/t.rlt"
  [full-nostacks]="-javaagent:$AGENT=quiet=true,stacks=off,output=$WORK/t.rlt"
  [full]="-javaagent:$AGENT=quiet=true,output=$WORK/t.rlt"
)
ORDER=(plain locks full-nostacks full)
declare -A TIMES RSS SIZE
for ((r = 0; r < REPEAT; r++)); do
  for c in "${ORDER[@]}"; do
    rm -f "$WORK/t.rlt"
    out=$( { /usr/bin/time -f "rss=%M" java ${CONFIGS[$c]} -cp "$CP" dev.racelock.bench.agent.H2Workload "$THREADS" "$OPS"; } 2>&1 )
    TIMES[$c]+="$(sed -n 's/.*millis=\([0-9]*\).*/\1/p' <<<"$out") "
    RSS[$c]+="$(sed -n 's/.*rss=\([0-9]*\).*/\1/p' <<<"$out") "
    SIZE[$c]=$( [ -f "$WORK/t.rlt" ] && stat -c %s "$WORK/t.rlt" || echo 0 )
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
base=$(median <<<"${TIMES[plain]}")
printf "%-14s %10s %7s %12s %14s\n" config "median ms" ratio "peak RSS MB" "trace MB"
for c in "${ORDER[@]}"; do
  m=$(median <<<"${TIMES[$c]}"); rss=$(median <<<"${RSS[$c]}")
  printf "%-14s %10s %7s %12s %14s\n" "$c" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN{printf "%.2fx", a/b}')" \
    "$((rss / 1024))" "$((SIZE[$c] / 1048576))"
done
