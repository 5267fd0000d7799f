#!/usr/bin/env bash
# The workload benchmark (docs/performance.md, "Workloads"): H2, Lucene, Xalan, a cache mix and
# Jetty (drivers in bench/src/main/java/dev/racelock/bench/agent, over Maven Central libraries,
# seeded and self-checking), each run without the agent and under it in several configurations,
# interleaved, several rounds; each recorded trace is analyzed with `racelock analyze`. Prints per
# workload and configuration the medians and their ratios to the run without the agent: work time,
# time to answer (recording + analysis), peak RSS, trace size, events, analysis time and rate.
#
# Build first:  ./mvnw -B -q -pl bench,cli,agent -am package -DskipTests
# Needs /usr/bin/time (Debian: apt-get install time) for the peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

usage() {
  cat <<'EOF'
Usage: bench/workloads.sh [options]
  --rounds N            interleaved rounds (default 3); figures are medians over them
  --workloads LIST      comma-separated, of h2,lucene,xalan,cache,jetty (default: all)
  --configs LIST        comma-separated, of plain,locks,nostacks,full and those --config adds
                        (default: plain,locks,nostacks,full)
                          plain     no agent
                          locks     mode=locks,stacks=off (deadlocks only)
                          nostacks  stacks=off (races and deadlocks, no stacks)
                          full      the agent's defaults (races, deadlocks, stacks)
  --config NAME=OPTS    another configuration: agent options (quiet and output are added)
  --agent [LABEL=]JAR   agent jar to record with (default agent/target/racelock-agent.jar);
                        repeat to compare agents in one run: each recorded configuration
                        then runs once per agent, named CONFIG@LABEL. Keep each jar's file
                        name racelock-agent.jar (copy an old one into its own directory).
  --cli JAR             racelock.jar that analyzes the traces (default cli/target/racelock.jar)
  --analyze WHEN        every (each round's traces), last (the last round's; default), N (round
                        N's: 1 has the analysis figures early), none
  --analyze-configs LIST  analyze only these configurations' traces (default: every recorded one)
  --analyzer-opts OPTS  JVM options of the analysis (default: -Xmx6g -XX:+UseParallelGC, the collector ./racelock gives it)
  --traces DIR          keep the traces in DIR (default: each trace is deleted once measured;
                        full traces can be GBs each)
  --min-free-gb N       skip a recording when the trace directory has less free space
                        (default 12)
  --threads N           worker threads of every workload (default 4)
  --size NAME=N         a workload's size (its driver's unit: transactions, documents, ...)
  --java PATH           java for the workloads and the analysis (default: $JAVA_HOME/bin/java
                        or java on the PATH)
  --results FILE        where the runs go, one tab-separated line each
                        (default target/workloads/runs-<time>.tsv; the table goes beside it, .md)
  -h, --help            this help
EOF
}

ROUNDS=3
WORKLOADS=h2,lucene,xalan,cache,jetty
CONFIGS=plain,locks,nostacks,full
declare -A AGENT_OPTS=([locks]="mode=locks,stacks=off" [nostacks]="stacks=off" [full]="")
AGENTS=()
CLI_JAR=cli/target/racelock.jar
ANALYZE=last
ANALYZER_OPTS="-Xmx6g -XX:+UseParallelGC"
ANALYZE_CONFIGS=""
KEEP_DIR=""
MIN_FREE_GB=12
THREADS=4
declare -A SIZES=()
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
RESULTS=""

die() { echo "workloads.sh: $*" >&2; exit 2; }
need() { [ $# -ge 2 ] || die "$1 needs a value (--help)"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) need "$@"; ROUNDS=$2; shift 2 ;;
    --workloads) need "$@"; WORKLOADS=$2; shift 2 ;;
    --configs) need "$@"; CONFIGS=$2; shift 2 ;;
    --config) need "$@"; [[ $2 == *=* ]] || die "--config wants NAME=OPTIONS, got '$2'"
      AGENT_OPTS[${2%%=*}]=${2#*=}; shift 2 ;;
    --agent) need "$@"; AGENTS+=("$2"); shift 2 ;;
    --cli) need "$@"; CLI_JAR=$2; shift 2 ;;
    --analyze) need "$@"; ANALYZE=$2; shift 2 ;;
    --analyze-configs) need "$@"; ANALYZE_CONFIGS=$2; shift 2 ;;
    --analyzer-opts) need "$@"; ANALYZER_OPTS=$2; shift 2 ;;
    --traces) need "$@"; KEEP_DIR=$2; shift 2 ;;
    --min-free-gb) need "$@"; MIN_FREE_GB=$2; shift 2 ;;
    --threads) need "$@"; THREADS=$2; shift 2 ;;
    --size) need "$@"; [[ $2 == *=* ]] || die "--size wants NAME=N, got '$2'"; SIZES[${2%%=*}]=${2#*=}; shift 2 ;;
    --java) need "$@"; JAVA=$2; shift 2 ;;
    --results) need "$@"; RESULTS=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done

declare -A MAIN=(
  [h2]=dev.racelock.bench.agent.H2Workload
  [lucene]=dev.racelock.bench.agent.LuceneWorkload
  [xalan]=dev.racelock.bench.agent.XalanWorkload
  [cache]=dev.racelock.bench.agent.CacheWorkload
  [jetty]=dev.racelock.bench.agent.JettyWorkload
)
IFS=, read -r -a WORKLOAD_LIST <<<"$WORKLOADS"
IFS=, read -r -a CONFIG_LIST <<<"$CONFIGS"
for w in "${WORKLOAD_LIST[@]}"; do [ -n "${MAIN[$w]:-}" ] || die "unknown workload '$w' (h2, lucene, xalan, cache, jetty)"; done
for c in "${CONFIG_LIST[@]}"; do
  [ "$c" = plain ] || [ -n "${AGENT_OPTS[$c]+set}" ] || die "unknown configuration '$c' (plain, locks, nostacks, full, or add one with --config)"
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds wants a positive number, got '$ROUNDS'"
[[ $MIN_FREE_GB =~ ^[0-9]+$ ]] || die "--min-free-gb wants a number, got '$MIN_FREE_GB'"
case "$ANALYZE" in every|none) ;; last) ANALYZE=$ROUNDS ;;
  *) [[ $ANALYZE =~ ^[1-9][0-9]*$ ]] && [ "$ANALYZE" -le "$ROUNDS" ] \
       || die "--analyze wants every, last, none or a round from 1 to $ROUNDS, got '$ANALYZE'" ;;
esac
[ ${#AGENTS[@]} -gt 0 ] || AGENTS=("agent/target/racelock-agent.jar")

[ -x /usr/bin/time ] || die "/usr/bin/time is missing (it measures the peak RSS): apt-get install time"
"$JAVA" -version >/dev/null 2>&1 || die "cannot run java '$JAVA' (--java or JAVA_HOME)"
BUILD="./mvnw -B -q -pl bench,cli,agent -am package -DskipTests"
[ -f bench/target/workload.classpath ] && [ -d bench/target/classes/dev/racelock/bench/agent ] \
  || die "the workload drivers are not built: $BUILD"
CP="$ROOT/bench/target/classes:$(cat bench/target/workload.classpath)"
if [ "$ANALYZE" != none ]; then [ -f "$CLI_JAR" ] || die "no $CLI_JAR (--cli, or build: $BUILD)"; fi

# Agents: LABEL=JAR or JAR (label: "agent" for one, else the jar's directory name).
declare -A AGENT_JAR=()
AGENT_LABELS=()
for a in "${AGENTS[@]}"; do
  if [[ $a == *=* ]]; then label=${a%%=*}; jar=${a#*=}; else jar=$a; label=""; fi
  [ -f "$jar" ] || die "no agent jar '$jar' (--agent, or build: $BUILD)"
  if [ -z "$label" ]; then
    if [ ${#AGENTS[@]} -eq 1 ]; then label=agent; else label=$(basename "$(dirname "$(realpath "$jar")")"); fi
  fi
  [ -z "${AGENT_JAR[$label]:-}" ] || die "two agents labelled '$label': name them with --agent LABEL=JAR"
  [ "$(basename "$jar")" = racelock-agent.jar ] \
    || echo "workloads.sh: warning: $jar is not named racelock-agent.jar; the JVM then prints a class-data-sharing warning and the agent appends itself to the boot class path (docs/agent.md)" >&2
  AGENT_JAR[$label]=$(realpath "$jar")
  AGENT_LABELS+=("$label")
done

# The runs of one round: configuration name, agent label ("" for plain).
RUN_NAMES=(); RUN_AGENT=(); RUN_OPTS=(); RUN_ANALYZED=()
for c in "${CONFIG_LIST[@]}"; do
  if [ "$c" = plain ]; then RUN_NAMES+=(plain); RUN_AGENT+=(""); RUN_OPTS+=(""); RUN_ANALYZED+=(no); continue; fi
  analyzed=yes
  [ -z "$ANALYZE_CONFIGS" ] || [[ ,$ANALYZE_CONFIGS, == *,$c,* ]] || analyzed=no
  for label in "${AGENT_LABELS[@]}"; do
    if [ ${#AGENT_LABELS[@]} -eq 1 ]; then RUN_NAMES+=("$c"); else RUN_NAMES+=("$c@$label"); fi
    RUN_AGENT+=("$label"); RUN_OPTS+=("${AGENT_OPTS[$c]}"); RUN_ANALYZED+=("$analyzed")
  done
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -n "$KEEP_DIR" ]; then mkdir -p "$KEEP_DIR"; TRACE_DIR=$(realpath "$KEEP_DIR"); else TRACE_DIR=$WORK; fi
STAMP=$(date -u +%Y%m%d-%H%M%S)
[ -n "$RESULTS" ] || RESULTS="target/workloads/runs-$STAMP.tsv"
mkdir -p "$(dirname "$RESULTS")"
TABLE="${RESULTS%.tsv}.md"

load() { cut -d' ' -f1-3 /proc/loadavg; }
{
  echo "# workloads.sh $STAMP (UTC) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB"
  echo "# $("$JAVA" -version 2>&1 | head -2 | tail -1)"
  echo "# agents: $(for l in "${AGENT_LABELS[@]}"; do printf '%s=%s ' "$l" "${AGENT_JAR[$l]}"; done)"
  echo "# threads $THREADS, sizes: $(for w in "${WORKLOAD_LIST[@]}"; do printf '%s=%s ' "$w" "${SIZES[$w]:-default}"; done)"
  echo "# load average at start: $(load)"
  printf '# round\tworkload\tconfig\texit\twork_ms\twall_s\trss_kb\ttrace_bytes\tanalyze_exit\tanalyze_s\tanalyze_rss_kb\tevents\tfindings\tanalyze_cpu_s\n'
} >"$RESULTS"
sed -n '1,5p' "$RESULTS" | sed 's/^# //'

free_gb() { df -Pk "$TRACE_DIR" | awk 'NR == 2 { print int($4 / 1048576) }'; }
field() { sed -n "s/.*$1=\([-0-9]*\).*/\1/p" "$2" | tail -1; }

# One run: prints nothing, appends one line to $RESULTS, says on stderr what it did.
run_one() {
  local round=$1 w=$2 i=$3
  local name=${RUN_NAMES[$i]} label=${RUN_AGENT[$i]} opts=${RUN_OPTS[$i]}
  local trace="" agent_arg=() rc=0
  local work_ms=- wall=- rss=- bytes=- arc=- asec=- arss=- events=- findings=- acpu=- auser asys
  if [ -n "$label" ]; then
    local free; free=$(free_gb)
    if [ "$free" -lt "$MIN_FREE_GB" ]; then
      echo "  $w $name: skipped, only $free GB free in $TRACE_DIR (--min-free-gb $MIN_FREE_GB)" >&2
      printf '%s\t%s\t%s\tskipped\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\n' "$round" "$w" "$name" >>"$RESULTS"
      return
    fi
    trace="$TRACE_DIR/$w-${name//@/-}-r$round.rlt"
    rm -f "$trace"
    agent_arg=("-javaagent:${AGENT_JAR[$label]}=quiet=true,output=$trace${opts:+,$opts}")
  fi
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$JAVA" "${agent_arg[@]}" -cp "$CP" "${MAIN[$w]}" "$THREADS" ${SIZES[$w]:-} \
    >"$WORK/out" 2>"$WORK/err" || rc=$?
  work_ms=$(field millis "$WORK/out"); [ -n "$work_ms" ] || work_ms=-
  read -r wall rss < <(tail -1 "$WORK/time")
  [ "$work_ms" != - ] || [ "$rc" -ne 0 ] || rc=1
  if [ -n "$trace" ] && [ -f "$trace" ]; then bytes=$(stat -c %s "$trace"); fi
  if [ "$rc" -ne 0 ]; then
    echo "  $w $name: FAILED (exit $rc): $(grep -v '^\s*$' "$WORK/err" | head -3 | tr '\n' ' ')" >&2
  elif [ -n "$trace" ] && [ "${RUN_ANALYZED[$i]}" = yes ] && { [ "$ANALYZE" = every ] || [ "$ANALYZE" = "$round" ]; }; then
    arc=0
    # shellcheck disable=SC2086 # ANALYZER_OPTS holds several options
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/atime" "$JAVA" $ANALYZER_OPTS -jar "$CLI_JAR" analyze --no-color \
      -o "$WORK/report.txt" "$trace" >"$WORK/aout" 2>"$WORK/aerr" || arc=$?
    read -r asec arss auser asys < <(tail -1 "$WORK/atime")
    acpu=$(awk -v u="$auser" -v s="$asys" 'BEGIN { printf "%.2f", u + s }')
    # racelock: 3 findings in 1 trace (123456 events); ...   /   racelock: no findings in 1 trace (...)
    events=$(sed -n 's/^racelock: .* in 1 trace (\([0-9]*\) events).*/\1/p' "$WORK/aerr" | tail -1)
    findings=$(sed -n 's/^racelock: \([0-9]*\) findings\{0,1\} in .*/\1/p; s/^racelock: no findings in .*/0/p' "$WORK/aerr" | tail -1)
    if [ "$arc" -gt 1 ] || [ -z "$events" ]; then
      echo "  $w $name: analysis FAILED (exit $arc): $(grep -v '^\s*$' "$WORK/aerr" | head -3 | tr '\n' ' ')" >&2
      [ "$arc" -gt 1 ] || arc=5
      events=-; findings=-
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$w" "$name" "$rc" "$work_ms" "$wall" "$rss" \
    "$bytes" "$arc" "$asec" "$arss" "${events:--}" "${findings:--}" "$acpu" >>"$RESULTS"
  echo "  $w $name: work ${work_ms} ms, wall ${wall} s, RSS $((rss / 1024)) MB$( [ "$bytes" = - ] || echo ", trace $((bytes / 1048576)) MB")$( [ "$asec" = - ] || echo ", analysis ${asec} s, ${events} events, ${findings} findings")" >&2
  [ -z "$trace" ] || [ -n "$KEEP_DIR" ] || rm -f "$trace"
}

for ((round = 1; round <= ROUNDS; round++)); do
  echo "round $round of $ROUNDS (load $(load))" >&2
  for w in "${WORKLOAD_LIST[@]}"; do
    # Each round starts the configurations at a different one, so none always runs after the
    # same neighbour (a long analysis, a big trace just written, ...).
    n=${#RUN_NAMES[@]}
    for ((k = 0; k < n; k++)); do
      run_one "$round" "$w" $(((k + round - 1) % n))
    done
  done
done
echo "# load average at end: $(load)" >>"$RESULTS"

echo
echo "load average at end: $(load); runs in $RESULTS, table in $TABLE"
"$JAVA" -cp "$ROOT/bench/target/classes" dev.racelock.bench.agent.WorkloadTable "$RESULTS" "$TABLE"
