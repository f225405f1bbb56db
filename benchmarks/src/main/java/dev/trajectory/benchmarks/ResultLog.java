package dev.trajectory.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.trajectory.benchmarks.sink.WireCounters;

/**
 * Appends what the sink counted in a benchmark to the CSV named by the system property
 * {@value #PROPERTY} (columns: benchmark, sdk, shape, calls, events, requests, body bytes); JMH itself only reports
 * times. Nothing is written when the property is unset.
 */
public final class ResultLog {

    public static final String PROPERTY = "trajectory.bench.wire-log";

    private ResultLog() {
    }

    public static synchronized void append(String benchmark, Object sdk, EventShape shape, long calls,
            WireCounters counters) {
        String target = System.getProperty(PROPERTY);
        if (target == null || target.isBlank()) {
            return;
        }
        String line = String.join(",", benchmark, sdk.toString(), shape.name(), Long.toString(calls),
                Long.toString(counters.events()), Long.toString(counters.requests()),
                Long.toString(counters.bodyBytes())) + "\n";
        try {
            Files.writeString(Path.of(target), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
