#!/usr/bin/env bash
# The request filter's cost under load: wrk (Debian's package) against BenchWebApplication on 127.0.0.1 with
# trajectory.web.enabled=false and =true, alternating, each run a fresh JVM. Appends one CSV line per run
# (filter,round,requestsPerSecond,p99Millis) to the file given as $1. Bounded: ROUNDS x 2 runs of DURATION each.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:?usage: filter-load.sh <csv file>}
DURATION=${WRK_DURATION:-20s}
CONNECTIONS=${WRK_CONNECTIONS:-16}
ROUNDS=${WRK_ROUNDS:-2}
JAR=benchmarks/target/benchmarks.jar
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

# p99 as wrk prints it (e.g. 850.00us, 1.23ms, 1.01s), in milliseconds
to_millis() {
  awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
         else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.3f", v }'
}

echo "filter,round,requestsPerSecond,p99Millis" > "$OUT"
for round in $(seq 1 "$ROUNDS"); do
  for filter in false true; do
    port=$((18000 + RANDOM % 2000))
    java -Xms1g -Xmx1g -cp "$JAR" dev.trajectory.benchmarks.web.BenchWebApplication --server.port="$port" \
      --trajectory.web.enabled="$filter" > "$OUT.app-$filter-$round.log" 2>&1 &
    app=$!
    for _ in $(seq 1 120); do
      curl -fs "http://127.0.0.1:$port/orders/1" > /dev/null 2>&1 && break
      sleep 0.5
    done
    url="http://127.0.0.1:$port/orders/42"
    wrk -t1 -c"$CONNECTIONS" -d10s "$url" > /dev/null   # warm-up, discarded
    report=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
    rps=$(echo "$report" | awk '/^Requests\/sec:/ {print $2}')
    p99=$(echo "$report" | awk '$1 == "99%" {print $2}' | to_millis)
    echo "$filter,$round,$rps,$p99" >> "$OUT"
    kill "$app"
    wait "$app" || true
  done
done
