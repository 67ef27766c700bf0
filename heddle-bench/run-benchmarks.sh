#!/usr/bin/env bash
# Runs the whole benchmark suite (JMH: Savina and micro workloads on Heddle, Apache Pekko and the bare JDK; plus the
# idle-actor memory measurement, one fresh JVM per implementation) and writes a markdown report.
#
# Usage: heddle-bench/run-benchmarks.sh [quick|full] [JMH options or benchmark regex...]
#   quick  1 fork, 2 warm-up and 3 measured iterations of 1 s: a few minutes; rough numbers
#   full   3 forks, 5 warm-up and 5 measured iterations of 2 s: most of an hour; for publication
# Anything after the mode goes to JMH, for example a regex to run some benchmarks only:
#   heddle-bench/run-benchmarks.sh quick 'savina.(PingPong|Big)'
# Environment: MEMORY_ACTORS (default 1000000) actors for the idle-actor measurement, SKIP_MEMORY=1 to skip it,
# RESULTS_DIR to choose the output directory.
#
# Needs only a JDK 25 (found the way .ci/run finds it); builds with the Maven wrapper, never installs.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-quick}"
[ $# -gt 0 ] && shift
case "$mode" in
    quick) jmh_settings=(-f 1 -wi 2 -w 1s -i 3 -r 1s) ;;
    full) jmh_settings=(-f 3 -wi 5 -w 2s -i 5 -r 2s) ;;
    *) echo "usage: $0 [quick|full] [JMH options...]" >&2; exit 2 ;;
esac

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

is_jdk25_or_newer() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    local major
    major=$(java_major "$1/bin/java")
    [ -n "$major" ] && [ "$major" -ge 25 ]
}

selected=""
if [ -n "${JAVA_HOME:-}" ] && is_jdk25_or_newer "$JAVA_HOME"; then
    selected="$JAVA_HOME"
elif command -v java >/dev/null 2>&1 && is_jdk25_or_newer "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; then
    selected="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
else
    for candidate in /usr/lib/jvm/*; do
        if is_jdk25_or_newer "$candidate"; then
            selected="$candidate"
            break
        fi
    done
fi
if [ -z "$selected" ]; then
    echo "error: the benchmarks need a JDK 25 or newer, and none was found (JAVA_HOME='${JAVA_HOME:-}', nothing" \
         "suitable on the PATH or under /usr/lib/jvm). Install one, for example Temurin 25, and set JAVA_HOME." >&2
    exit 1
fi
export JAVA_HOME="$selected"
export PATH="$JAVA_HOME/bin:$PATH"
echo "Using JDK at $JAVA_HOME ($(java -version 2>&1 | head -n 1))"

results="${RESULTS_DIR:-heddle-bench/target/results/$(date +%Y%m%d-%H%M%S)-$mode}"
mkdir -p "$results"
jar=heddle-bench/target/benchmarks.jar
java_flags=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)

echo "== Building $jar"
./mvnw -B -ntp -q -pl heddle-bench -am package -DskipTests

echo "== JMH ($mode): ${jmh_settings[*]} $*"
jmh_status=0
java "${java_flags[@]}" -jar "$jar" "${jmh_settings[@]}" -rf json -rff "$results/jmh.json" "$@" \
    2>&1 | tee "$results/jmh.log" || jmh_status=$?
if [ ! -s "$results/jmh.json" ]; then
    echo "error: JMH produced no results (bad options?); see $results/jmh.log" >&2
    exit 1
fi
# JMH keeps going after a benchmark fails and only logs it; the report lists the missing results, and so does this.
if grep -q '<failure>' "$results/jmh.log"; then
    echo "warning: some benchmarks failed; see $results/jmh.log" >&2
    jmh_status=1
fi

memory_args=()
if [ "${SKIP_MEMORY:-0}" != 1 ]; then
    for impl in heddle pekko vthread; do
        echo "== Idle actors: $impl, ${MEMORY_ACTORS:-1000000} actors, fresh JVM"
        if java "${java_flags[@]}" -cp "$jar" io.heddle.bench.IdleActorMemory "$impl" "${MEMORY_ACTORS:-1000000}" \
                --json "$results/memory-$impl.json" 2>&1 | tee "$results/memory-$impl.log"; then
            memory_args+=(--memory "$results/memory-$impl.json")
        else
            echo "warning: the idle-actor measurement failed for $impl; see $results/memory-$impl.log" >&2
            jmh_status=1
        fi
    done
fi

cpu=""
if [ ! -r /proc/cpuinfo ] && command -v sysctl >/dev/null 2>&1; then
    cpu="$(sysctl -n machdep.cpu.brand_string 2>/dev/null || true)"
fi
echo "== Report"
java -cp "$jar" io.heddle.bench.report.Report --jmh "$results/jmh.json" "${memory_args[@]}" --label "$mode" \
    --cpu "$cpu" --out "$results/report.md"
cat "$results/report.md"
echo
echo "Report: $results/report.md"
exit "$jmh_status"
