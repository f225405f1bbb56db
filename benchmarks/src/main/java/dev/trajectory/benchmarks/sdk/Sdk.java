package dev.trajectory.benchmarks.sdk;

import dev.trajectory.benchmarks.sink.LoopbackSink;
import dev.trajectory.push.RequestCompression;

/** The SDKs compared, each with its default settings except the endpoint and, when asked, the queue bound. */
public enum Sdk {

    TRAJECTORY((baseUrl, queueCapacity) -> new TrajectorySdk(baseUrl, queueCapacity, RequestCompression.GZIP)),

    /** Trajectory with {@code trajectory.push.compression=none}: plain JSON, as OpenTelemetry and Segment send. */
    TRAJECTORY_UNCOMPRESSED((baseUrl, queueCapacity) -> new TrajectorySdk(baseUrl, queueCapacity,
            RequestCompression.NONE)),

    OPENTELEMETRY(OpenTelemetryLogsSdk::new),

    SEGMENT(SegmentSdk::new),

    POSTHOG(PostHogSdk::new);

    /** Marks "keep the SDK's own default queue bound". */
    public static final int DEFAULT_QUEUE = 0;

    /** Builds an SDK from the sink's base URL and a queue bound. */
    @FunctionalInterface
    interface Factory {

        TrackedSdk open(String baseUrl, int queueCapacity);
    }

    private final Factory factory;

    Sdk(Factory factory) {
        this.factory = factory;
    }

    /** Whether this is another vendor's SDK rather than a configuration of Trajectory's. */
    public boolean isPeer() {
        return this != TRAJECTORY && this != TRAJECTORY_UNCOMPRESSED;
    }

    /**
     * Starts the SDK against the sink.
     *
     * @param queueCapacity most events the SDK may hold before its overflow rule applies, or {@link #DEFAULT_QUEUE}
     */
    public TrackedSdk open(LoopbackSink sink, int queueCapacity) {
        return factory.open(sink.baseUrl(), queueCapacity);
    }
}
