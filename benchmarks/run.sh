#!/usr/bin/env bash
# Runs every benchmark in benchmarks/ on this machine, side by side with the peer SDKs, and regenerates
# docs/benchmarks.md from the results. Nothing here runs in `mvn verify`.
#
# Knobs (environment variables), defaults keep a full run near 45 minutes on 2 cores:
#   FORKS=1 WARMUP=3 ITERATIONS=10    JMH forks and 1-second iterations for track() and chunk encoding
#   E2E_EVENTS=100000 E2E_WARMUP=3 E2E_ITERATIONS=3
#                                     events per end-to-end iteration, warm-up and measured iterations
#   WRK_DURATION=20s WRK_WARMUP_MAX=120s WRK_CONNECTIONS=16 WRK_ROUNDS=2 FILTER_MODES="off on on-discarded"
#                                     the request filter's load test (benchmarks/filter-load.sh)
#   RESULTS=benchmarks/target/results where the raw results go
# Needs wrk (apt-get install -y wrk) for the request filter's part.
set -euo pipefail
cd "$(dirname "$0")/.."

FORKS=${FORKS:-1}
WARMUP=${WARMUP:-3}
ITERATIONS=${ITERATIONS:-10}
E2E_EVENTS=${E2E_EVENTS:-100000}
E2E_WARMUP=${E2E_WARMUP:-3}
E2E_ITERATIONS=${E2E_ITERATIONS:-3}
RESULTS=${RESULTS:-benchmarks/target/results}

# Read before the build, which alone lifts the one-minute load average to about 2 on this machine.
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
mvn -B -q -pl benchmarks -am package -DskipTests
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
JAR=benchmarks/target/benchmarks.jar
WIRE_LOG="-Dtrajectory.bench.wire-log=$(pwd)/$RESULTS/wire.csv"
CPU_LOG="-Dtrajectory.bench.cpu-log=$(pwd)/$RESULTS/caller-cpu.csv"

{
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; memory $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "- OS: $(uname -sr); JDK: $(java -version 2>&1 | sed -n 2p)"
  echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with local changes)'); started $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- load average before the run (and its build): $LOAD_BEFORE"
} > "$RESULTS/machine.txt"
# On a virtual machine the host may run other guests on these cores: the share of CPU time it took ("steal")
# over the run says how much of every figure was waiting for the host rather than running.
CPU_BEFORE=$(head -1 /proc/stat)

benchmarks/memory.sh "$RESULTS/memory.csv"

java -jar "$JAR" '\.(TrackCallBenchmark|ChunkEncodingBenchmark|AgentRunBenchmark|RequestFilterBenchmark)\.' \
  -f "$FORKS" -wi "$WARMUP" -i "$ITERATIONS" -prof gc -prof dev.trajectory.benchmarks.CallerCpuProfiler \
  -rf json -rff "$RESULTS/calls.json" -jvmArgsAppend "$WIRE_LOG" | tee "$RESULTS/calls.log"

java -jar "$JAR" QueuedTrackCallBenchmark -f "$FORKS" -rf json -rff "$RESULTS/queued.json" \
  -jvmArgsAppend "$WIRE_LOG $CPU_LOG" \
  | tee "$RESULTS/queued.log"

java -jar "$JAR" EndToEndBenchmark -f "$FORKS" -wi "$E2E_WARMUP" -i "$E2E_ITERATIONS" -p events="$E2E_EVENTS" \
  -rf json -rff "$RESULTS/e2e.json" -jvmArgsAppend "$WIRE_LOG" | tee "$RESULTS/e2e.log"

benchmarks/filter-load.sh "$RESULTS/filter.csv"

echo "- load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); finished $(date -u +%Y-%m-%dT%H:%MZ)" >> "$RESULTS/machine.txt"
echo "$CPU_BEFORE" "$(head -1 /proc/stat)" | awk '{
  for (i = 2; i <= 11; i++) { before += $i; after += $(i + 11) }
  printf "- CPU time taken by the host (steal) during the run: %.1f%% of all CPU time\n", 100 * ($20 - $9) / (after - before)
}' >> "$RESULTS/machine.txt"

java -cp "$JAR" dev.trajectory.benchmarks.report.BenchmarkReport "$RESULTS" benchmarks/report-template.md \
  docs/benchmarks.md
echo "wrote docs/benchmarks.md"
