#!/usr/bin/env bash
# Startup benchmark (issue #2): time from the README's run command (`./mvnw spring-boot:run`) to a healthy
# /actuator/health, on a warm Maven cache, and the resident set size of the application JVM once healthy.
# Each run uses a fresh data directory (first start: migrations, control list, demo seeding) and then restarts on
# the same directory (the everyday case). Usage: src/bench/sh/startup.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-3}
port=${BENCH_PORT:-18080}
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
./mvnw -q -DskipTests compile >/dev/null   # warm: compiled classes and Maven cache in place

now() { date +%s.%N; }
measure() {  # $1 = data dir, $2 = label
  local dir=$1 label=$2 t0 t1 pid jpid rss
  t0=$(now)
  SERVER_PORT=$port LODESTONE_DATA_DIR=$dir ./mvnw -q spring-boot:run >"$dir.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    sleep 0.05
    kill -0 $pid 2>/dev/null || { echo "start failed, see $dir.log"; exit 1; }
  done
  t1=$(now)
  sleep 2   # let start-up work settle before reading RSS
  jpid=$(ss -ltnpH "sport = :$port" | grep -oP 'pid=\K[0-9]+' | head -1)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$jpid/status")
  printf '%-8s start-to-healthy %6.2f s   RSS %5d MiB\n' "$label" "$(echo "$t1 - $t0" | bc)" $((rss / 1024))
  kill "$jpid"; wait $pid 2>/dev/null || true
}
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/lodestone-bench-XXXX)
  measure "$dir" "fresh#$i"
  measure "$dir" "restart#$i"
  rm -rf "$dir" "$dir.log"
done
