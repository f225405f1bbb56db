#!/usr/bin/env bash
# Heap per queued event: QueuedEventMemory three times per event shape, a fresh JVM each, appended to $1 as CSV.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: memory.sh <csv file>}
echo "shape,events,heapBytesPerEvent,jsonBytesPerEvent" > "$OUT"
for shape in SMALL LARGE; do
  for _ in 1 2 3; do
    java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar dev.trajectory.benchmarks.memory.QueuedEventMemory \
      "$shape" "$OUT" > /dev/null
  done
done
