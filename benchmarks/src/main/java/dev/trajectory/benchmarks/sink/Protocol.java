package dev.trajectory.benchmarks.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/** The ingest endpoints the sink serves: where each SDK posts, how its events are counted and what it expects back. */
public enum Protocol {

    /** Trajectory's {@code POST /v1/events} (docs/ingest-api.md), answered with the accepted count. */
    TRAJECTORY("/v1/events", "application/json", new JsonArrayCounter("events")::count,
            events -> utf8("{\"accepted\":" + events + ",\"duplicates\":0,\"rejected\":[]}")),

    /** OTLP/HTTP logs, protobuf: an empty {@code ExportLogsServiceResponse} means full success. */
    OTLP_LOGS("/v1/logs", "application/x-protobuf", OtlpLogRecordCounter::count, events -> new byte[0]),

    /** Segment's batch import, {@code {"batch": [...]}}, answered with its {@code UploadResponse}. */
    SEGMENT("/v1/import", "application/json", new JsonArrayCounter("batch")::count,
            events -> utf8("{\"success\":true}")),

    /** PostHog's {@code POST /batch}, {@code {"api_key": ..., "batch": [...]}}. */
    POSTHOG("/batch", "application/json", new JsonArrayCounter("batch")::count, events -> utf8("{\"status\":1}"));

    /** Counts the events in an uncompressed request body. */
    @FunctionalInterface
    interface EventCounter {

        long count(byte[] body) throws IOException;
    }

    private final String path;

    private final String contentType;

    private final EventCounter counter;

    private final LongFunction<byte[]> answer;

    Protocol(String path, String contentType, EventCounter counter, LongFunction<byte[]> answer) {
        this.path = path;
        this.contentType = contentType;
        this.counter = counter;
        this.answer = answer;
    }

    public String path() {
        return path;
    }

    String contentType() {
        return contentType;
    }

    long count(byte[] body) throws IOException {
        return counter.count(body);
    }

    /** The success body for a request that held {@code events} events. */
    byte[] answer(long events) {
        return answer.apply(events);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
