package dev.trajectory.benchmarks.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The ingest endpoints the sink serves: where each SDK posts, how its events are counted and what it expects back. */
public enum Protocol {

    /** Trajectory's {@code POST /v1/events} (docs/ingest-api.md). */
    TRAJECTORY("/v1/events", "application/json") {
        private final JsonArrayCounter counter = new JsonArrayCounter("events");

        @Override
        long count(byte[] body) throws IOException {
            return counter.count(body);
        }

        @Override
        byte[] answer(long events) {
            return ("{\"accepted\":" + events + ",\"duplicates\":0,\"rejected\":[]}").getBytes(StandardCharsets.UTF_8);
        }
    },

    /** OTLP/HTTP logs, protobuf: an empty {@code ExportLogsServiceResponse} means full success. */
    OTLP_LOGS("/v1/logs", "application/x-protobuf") {
        @Override
        long count(byte[] body) throws IOException {
            return OtlpLogRecordCounter.count(body);
        }

        @Override
        byte[] answer(long events) {
            return new byte[0];
        }
    },

    /** Segment's batch import, {@code {"batch": [...]}}, answered with its {@code UploadResponse}. */
    SEGMENT("/v1/import", "application/json") {
        private final JsonArrayCounter counter = new JsonArrayCounter("batch");

        @Override
        long count(byte[] body) throws IOException {
            return counter.count(body);
        }

        @Override
        byte[] answer(long events) {
            return "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
        }
    },

    /** PostHog's {@code POST /batch}, {@code {"api_key": ..., "batch": [...]}}. */
    POSTHOG("/batch", "application/json") {
        private final JsonArrayCounter counter = new JsonArrayCounter("batch");

        @Override
        long count(byte[] body) throws IOException {
            return counter.count(body);
        }

        @Override
        byte[] answer(long events) {
            return "{\"status\":1}".getBytes(StandardCharsets.UTF_8);
        }
    };

    private final String path;

    private final String contentType;

    Protocol(String path, String contentType) {
        this.path = path;
        this.contentType = contentType;
    }

    public String path() {
        return path;
    }

    String contentType() {
        return contentType;
    }

    /** Number of events in an uncompressed request body. */
    abstract long count(byte[] body) throws IOException;

    /** The success body for a request that held {@code events} events. */
    abstract byte[] answer(long events);
}
