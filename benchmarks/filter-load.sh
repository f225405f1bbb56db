#!/usr/bin/env bash
# The request filter's cost under load: wrk (Debian's package) against GET /orders/{id} of BenchWebApplication on
# 127.0.0.1, a fresh JVM per run, in each mode in turn, round after round:
#   off           trajectory.web.enabled=false
#   on            the filter on, its events delivered over HTTP to the loopback sink, a process of its own
#   on-discarded  the filter on, every chunk acknowledged inside the app (bench.delivery=discard): the request
#                 thread's work and the worker's validation and serialisation, without gzip, HTTP or the sink
# Each run is warmed up with load in 5 s slices until the JIT compiler threads are nearly idle (under 5% of a core
# over a slice): on 2 cores C2 competes with the load for 30 s or more, and measuring earlier mostly measures how
# much code each mode has left to compile.
# Writes one CSV line per run to the file given as $1:
#   filter,round,requestsPerSecond,p99Millis,appCpuMicrosPerRequest,sinkCpuMicrosPerRequest,sinkEventsPerSecond
# all over the window wrk measured. CPU per request (user + system time of the process, JIT and GC included, divided
# by the requests wrk counted) moves far less than requests/s when other processes share the cores.
# Writes the app's CPU per request by thread group, over the same window, to <csv file without .csv>-threads.csv:
#   filter,round,threads,cpuMicrosPerRequest
# with threads one of tomcat (request threads, poller, acceptor), worker (the tracking pipeline's thread),
# http-client (Reactor Netty's event loops and timers), jit, gc-vm, other.
# Bounded: ROUNDS x modes runs of at most 60 s start-up + WARMUP_MAX + DURATION; stops every process it started.
#
# Knobs: WRK_DURATION=20s WRK_WARMUP_MAX=120s WRK_CONNECTIONS=16 WRK_ROUNDS=2 FILTER_MODES="off on on-discarded",
#        APP_JAVA_OPTS (added to the app's java command, e.g. a Flight Recorder setting)
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:?usage: filter-load.sh <csv file>}
THREADS_OUT="${OUT%.csv}-threads.csv"
DURATION=${WRK_DURATION:-20s}
WARMUP_MAX=${WRK_WARMUP_MAX:-120s}
CONNECTIONS=${WRK_CONNECTIONS:-16}
ROUNDS=${WRK_ROUNDS:-2}
MODES=${FILTER_MODES:-off on on-discarded}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}
JAR=benchmarks/target/benchmarks.jar
CLOCK_TICKS=$(getconf CLK_TCK)
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -pl benchmarks -am package -DskipTests" >&2; exit 1; }

sink_pid=
app_pid=
stop() {
  local pid=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; then
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  fi
}
trap 'stop "$app_pid"; stop "$sink_pid"' EXIT
trap 'exit 130' INT TERM

# p99 as wrk prints it (e.g. 850.00us, 1.23ms, 1.01s), in milliseconds
to_millis() {
  awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
         else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.3f", v }'
}

# user + system CPU of a process, in clock ticks
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

micros_per_request() {
  awk -v t="$1" -v hz="$CLOCK_TICKS" -v n="$2" 'BEGIN { printf "%.1f", 1e6 * t / hz / n }'
}

# user + system CPU ticks of a process's threads, summed by group: "group ticks" lines, sorted by group. A thread's
# name (cut to 15 characters) may hold spaces, so its fields are counted from the ")" that closes the name.
ticks_by_thread_group() {
  local task name group
  for task in /proc/"$1"/task/*; do
    name=$(cat "$task/comm" 2> /dev/null) || continue
    case $name in
      http-nio-*|Catalina-*) group=tomcat ;;
      trajectory-*) group=worker ;;
      reactor-*|parallel-*) group=http-client ;;
      C1\ *|C2\ *) group=jit ;;
      GC\ *|G1\ *|VM\ *) group=gc-vm ;;
      *) group=other ;;
    esac
    sed 's/.*) //' "$task/stat" 2> /dev/null | awk -v g="$group" '{ print g, $12 + $13 }'
  done | awk '{ t[$1] += $2 } END { for (g in t) print g, t[g] }' | sort
}

# CPU ticks of the JIT compiler threads (named "C1/C2 CompilerThread<n>", cut to 15 characters)
jit_ticks() {
  local task ticks=0
  for task in /proc/"$1"/task/*; do
    case $(cat "$task/comm" 2> /dev/null) in
      C[12]\ CompilerThre*) ticks=$((ticks + $(cpu_ticks "${task#/proc/}" 2> /dev/null || echo 0))) ;;
    esac
  done
  echo "$ticks"
}

# load in 5 s slices until the JIT compiler threads spent under 5% of a core over a slice, at most WARMUP_MAX
warm_up() {
  local slice jit seconds=0
  for slice in $(seq 1 $((${WARMUP_MAX%s} / 5))); do
    jit=$(jit_ticks "$app_pid")
    wrk -t1 -c"$CONNECTIONS" -d5s "$url" > /dev/null
    jit=$(($(jit_ticks "$app_pid") - jit))
    seconds=$((slice * 5))
    [ "$jit" -lt $((CLOCK_TICKS * 5 / 20)) ] && break
  done
  echo "$mode, round $round: warmed up for $seconds s" >&2
}

sink_events() {
  curl -fs "$sink_url/counts" | cut -d' ' -f1
}

# The sink stands in for the backend: one process for all runs, started first so the app never waits for it.
java -Xms256m -Xmx256m -cp "$JAR" dev.trajectory.benchmarks.sink.SinkServer > "$OUT.sink.log" 2>&1 &
sink_pid=$!
sink_url=
for _ in $(seq 1 120); do
  sink_url=$(head -1 "$OUT.sink.log")
  [ -n "$sink_url" ] && break
  kill -0 "$sink_pid" 2> /dev/null || { echo "the sink did not start, see $OUT.sink.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$sink_url" ] || { echo "the sink did not start within 60 s, see $OUT.sink.log" >&2; exit 1; }

echo "filter,round,requestsPerSecond,p99Millis,appCpuMicrosPerRequest,sinkCpuMicrosPerRequest,sinkEventsPerSecond" \
  > "$OUT"
echo "filter,round,threads,cpuMicrosPerRequest" > "$THREADS_OUT"
for round in $(seq 1 "$ROUNDS"); do
  for mode in $MODES; do
    case $mode in
      off) settings=(--trajectory.web.enabled=false) ;;
      on) settings=(--trajectory.web.enabled=true) ;;
      on-discarded) settings=(--trajectory.web.enabled=true --bench.delivery=discard) ;;
      *) echo "unknown mode $mode (off, on, on-discarded)" >&2; exit 1 ;;
    esac
    port=$((18000 + RANDOM % 2000))
    # shellcheck disable=SC2086 # APP_JAVA_OPTS holds several options
    java -Xms1g -Xmx1g $APP_JAVA_OPTS -cp "$JAR" dev.trajectory.benchmarks.web.BenchWebApplication \
      --server.port="$port" --trajectory.base-url="$sink_url" "${settings[@]}" > "$OUT.app-$mode-$round.log" 2>&1 &
    app_pid=$!
    url="http://127.0.0.1:$port/orders/42"
    for _ in $(seq 1 120); do
      curl -fs "$url" > /dev/null 2>&1 && break
      kill -0 "$app_pid" 2> /dev/null || { echo "the app did not start, see $OUT.app-$mode-$round.log" >&2; exit 1; }
      sleep 0.5
    done
    warm_up
    events_before=$(sink_events)
    app_ticks=$(cpu_ticks "$app_pid")
    sink_ticks=$(cpu_ticks "$sink_pid")
    threads_before=$(ticks_by_thread_group "$app_pid")
    report=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
    threads_after=$(ticks_by_thread_group "$app_pid")
    app_ticks=$(($(cpu_ticks "$app_pid") - app_ticks))
    sink_ticks=$(($(cpu_ticks "$sink_pid") - sink_ticks))
    events=$(($(sink_events) - events_before))
    requests=$(echo "$report" | awk '/ requests in / {print $1}')
    rps=$(echo "$report" | awk '/^Requests\/sec:/ {print $2}')
    p99=$(echo "$report" | awk '$1 == "99%" {print $2}' | to_millis)
    app_cpu=$(micros_per_request "$app_ticks" "$requests")
    sink_cpu=$(micros_per_request "$sink_ticks" "$requests")
    # the measured window as wrk timed it: requests done / requests per second
    sink_rate=$(awk -v e="$events" -v n="$requests" -v rps="$rps" 'BEGIN { printf "%.0f", e / (n / rps) }')
    echo "$mode,$round,$rps,$p99,$app_cpu,$sink_cpu,$sink_rate" | tee -a "$OUT"
    join -a 2 -e 0 -o 0,1.2,2.2 <(echo "$threads_before") <(echo "$threads_after") \
      | awk -v m="$mode" -v r="$round" -v hz="$CLOCK_TICKS" -v n="$requests" \
          '{ printf "%s,%s,%s,%.2f\n", m, r, $1, 1e6 * ($3 - $2) / hz / n }' >> "$THREADS_OUT"
    stop "$app_pid"
    app_pid=
  done
done
