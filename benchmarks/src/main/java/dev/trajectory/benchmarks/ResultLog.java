package dev.trajectory.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.trajectory.benchmarks.sink.WireCounters;

/**
 * Appends figures JMH does not report to CSV files named by system properties; nothing is written when a property
 * is unset. What the sink counted goes to {@value #PROPERTY} (columns: benchmark, sdk, shape, calls, events,
 * requests, body bytes); the calling thread's CPU time over measured calls of a single-shot benchmark, which
 * {@link CallerCpuProfiler} cannot separate from the iteration's fixtures, goes to {@value #CPU_PROPERTY} (columns:
 * benchmark, sdk, shape, measured calls, CPU nanoseconds).
 */
public final class ResultLog {

    public static final String PROPERTY = "trajectory.bench.wire-log";

    public static final String CPU_PROPERTY = "trajectory.bench.cpu-log";

    private ResultLog() {
    }

    public static synchronized void append(String benchmark, Object sdk, EventShape shape, long calls,
            WireCounters counters) {
        appendLine(PROPERTY, String.join(",", benchmark, sdk.toString(), shape.name(), Long.toString(calls),
                Long.toString(counters.events()), Long.toString(counters.requests()),
                Long.toString(counters.bodyBytes())));
    }

    public static synchronized void appendCallerCpu(String benchmark, Object sdk, EventShape shape, long calls,
            long cpuNanos) {
        appendLine(CPU_PROPERTY, String.join(",", benchmark, sdk.toString(), shape.name(), Long.toString(calls),
                Long.toString(cpuNanos)));
    }

    private static void appendLine(String property, String csvLine) {
        String target = System.getProperty(property);
        if (target == null || target.isBlank()) {
            return;
        }
        String line = csvLine + "\n";
        try {
            Files.writeString(Path.of(target), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
