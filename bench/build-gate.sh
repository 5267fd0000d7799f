#!/usr/bin/env bash
# The build-gate benchmark (docs/performance.md, "The build gate on a real test suite"): Apache
# Commons Pool 2.12.0's own tests (rebuilt from its published -sources and -test-sources jars,
# pom in bench/build-gate/), run by `mvn verify` in three ways, interleaved, several rounds:
#   plain    no agent
#   plugin   racelock-maven-plugin: prepare-agent (the project's packages) + check (analysis,
#            reports; haltOnFailure=false so every round runs to the end)
#   run      racelock run -- mvn verify (the agent in every JVM, Maven's included, every class;
#            each JVM's trace streamed to racelock and analyzed while the build runs, as run does
#            by default, so there is no trace file to measure)
# Prints the median wall time and peak RSS of each, its ratio to plain, trace bytes and findings.
#
# Needs network access to Maven Central on the first run (a private local repository under
# bench/target/gate-m2 gets racelock's artifacts and the project's dependencies), then runs offline.
# Needs /usr/bin/time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

usage() {
  cat <<'USAGE'
Usage: bench/build-gate.sh [options]
  --rounds N        interleaved rounds (default 3); figures are medians
  --configs LIST    comma-separated, of plain,plugin,run (default: all three)
  --tests PATTERN   surefire -Dtest pattern (default: the whole suite)
  --java PATH       JAVA_HOME for Maven and the tests (default: $JAVA_HOME, else java's)
  --skip-install    use the racelock artifacts already in bench/target/gate-m2
  -h, --help        this help
USAGE
}

ROUNDS=3
CONFIGS=plain,plugin,run
TESTS=""
SKIP_INSTALL=false
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --configs) CONFIGS=$2; shift 2 ;;
    --tests) TESTS=$2; shift 2 ;;
    --java) export JAVA_HOME=$2; shift 2 ;;
    --skip-install) SKIP_INSTALL=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-gate.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "build-gate.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

REPO=$ROOT/bench/target/gate-m2
WORK=$ROOT/bench/target/gate
PROJECT=$WORK/commons-pool2
MVN=("$ROOT/mvnw" -B -q -Dmaven.repo.local="$REPO")
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -1; }
VERSION=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml")

if ! $SKIP_INSTALL; then
  echo "build-gate: installing racelock $VERSION into $REPO" >&2
  "${MVN[@]}" install -DskipTests -Dinvoker.skip=true -Djacoco.skip=true -pl maven-plugin,junit,cli -am
fi

if [ ! -d "$PROJECT/src/test/java" ]; then
  echo "build-gate: unpacking commons-pool2 2.12.0 sources into $PROJECT" >&2
  mkdir -p "$PROJECT/src/main/java" "$PROJECT/src/test/java" "$WORK/jars"
  for classifier in sources test-sources; do
    "${MVN[@]}" org.apache.maven.plugins:maven-dependency-plugin:"$(pom_property dependency-plugin.version)":copy \
      -Dartifact=org.apache.commons:commons-pool2:2.12.0:jar:$classifier -DoutputDirectory="$WORK/jars"
  done
  (cd "$PROJECT/src/main/java" && unzip -q -o "$WORK/jars/commons-pool2-2.12.0-sources.jar" -x 'META-INF/*')
  (cd "$PROJECT/src/test/java" && unzip -q -o "$WORK/jars/commons-pool2-2.12.0-test-sources.jar" -x 'META-INF/*')
fi
sed -e "s/@racelock.version@/$VERSION/" \
    -e "s/@compiler-plugin.version@/$(pom_property compiler-plugin.version)/" \
    -e "s/@surefire-plugin.version@/$(pom_property surefire-plugin.version)/" \
    -e "s/@resources-plugin.version@/$(pom_property resources-plugin.version)/" \
    -e "s/@jar-plugin.version@/$(pom_property jar-plugin.version)/" \
    -e "s/@clean-plugin.version@/$(pom_property clean-plugin.version)/" \
    "$ROOT/bench/build-gate/pom.xml" > "$PROJECT/pom.xml"

TEST_ARGS=()
[ -n "$TESTS" ] && TEST_ARGS=(-Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false)
# Surefire must not stop the round at a failing test of the project (some are timing-sensitive).
PROJECT_MVN=("${MVN[@]}" -f "$PROJECT/pom.xml" -Dmaven.test.failure.ignore=true)
echo "build-gate: resolving the build's plugins and dependencies (online; one small test)" >&2
"${PROJECT_MVN[@]}" -Pracelock clean verify -Dtest=TestPoolUtils -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
PROJECT_MVN+=("${TEST_ARGS[@]}")

RESULTS=$WORK/runs-$(date -u +%Y%m%dT%H%M%S).tsv
printf 'round\tconfig\twall_s\tpeak_rss_kb\ttrace_bytes\tfindings\texit\n' > "$RESULTS"
echo "build-gate: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), java $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)" >&2

count_findings() { # JSON report -> its number of findings, or - when there is none
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["findings"])' "$1" 2>/dev/null || echo -
}

one_run() { # round config
  local round=$1 config=$2 report="$WORK/report-$2.json" cmd
  rm -rf "$PROJECT/target/racelock" "$report"
  case $config in
    plain)  cmd=("${PROJECT_MVN[@]}" -o clean verify) ;;
    plugin) cmd=("${PROJECT_MVN[@]}" -o -Pracelock clean verify) ;;
    run)    cmd=("${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$ROOT/cli/target/racelock.jar" run --quiet
                 --fail-on none -o "$report" -- "${PROJECT_MVN[@]}" -o clean verify) ;;
  esac
  local code=0
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "${cmd[@]}" > "$WORK/log-$config.txt" 2>&1 || code=$?
  local bytes=0 findings=-
  case $config in
    plugin) bytes=$(du -cb "$PROJECT"/target/racelock/*.rlt 2>/dev/null | tail -1 | cut -f1)
            findings=$(count_findings "$PROJECT/target/racelock/racelock.json") ;;
    run)    bytes=-
            findings=$(count_findings "$report") ;;
  esac
  read -r wall rss < <(tail -1 "$WORK/time.txt") || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$config" "$wall" "$rss" "$bytes" "$findings" "$code" >> "$RESULTS"
  echo "build-gate: round $round $config: ${wall}s, peak RSS ${rss} KB, trace ${bytes} B, exit $code" >&2
}

IFS=, read -r -a CONFIG_LIST <<< "$CONFIGS"
for round in $(seq 1 "$ROUNDS"); do
  for config in "${CONFIG_LIST[@]}"; do one_run "$round" "$config"; done
done

python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
by = {}
for r in rows:
    by.setdefault(r['config'], []).append(r)
def med(rs, k): return statistics.median(float(r[k]) for r in rs)
def fmt_mb(rs):
    sizes = [float(r['trace_bytes']) for r in rs if r['trace_bytes'] not in ('-', '')]
    return f'{statistics.median(sizes) / 1e6:.1f}' if sizes else '- (streamed)'
plain = med(by['plain'], 'wall_s') if 'plain' in by else None
print('| config | wall s (median) | x plain | peak RSS MB | trace MB | findings | exit codes |')
print('|---|---|---|---|---|---|---|')
for c, rs in by.items():
    w = med(rs, 'wall_s')
    ratio = f'{w / plain:.2f}' if plain else '-'
    print(f"| {c} | {w:.1f} | {ratio} | {med(rs, 'peak_rss_kb') / 1024:.0f} | {fmt_mb(rs)} | {','.join(sorted(set(r['findings'] for r in rs)))} | {','.join(sorted(set(r['exit'] for r in rs)))} |")
print(f'\nruns: {sys.argv[1]}')
PY
