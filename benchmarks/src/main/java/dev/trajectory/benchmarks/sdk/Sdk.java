package dev.trajectory.benchmarks.sdk;

import dev.trajectory.benchmarks.sink.LoopbackSink;

/** The SDKs compared, each with its default settings except the endpoint and, when asked, the queue bound. */
public enum Sdk {

    TRAJECTORY {
        @Override
        public TrackedSdk open(LoopbackSink sink, int queueCapacity) {
            return new TrajectorySdk(sink.baseUrl(), queueCapacity);
        }
    },

    OPENTELEMETRY {
        @Override
        public TrackedSdk open(LoopbackSink sink, int queueCapacity) {
            return new OpenTelemetryLogsSdk(sink.baseUrl(), queueCapacity);
        }
    },

    SEGMENT {
        @Override
        public TrackedSdk open(LoopbackSink sink, int queueCapacity) {
            return new SegmentSdk(sink.baseUrl(), queueCapacity);
        }
    },

    POSTHOG {
        @Override
        public TrackedSdk open(LoopbackSink sink, int queueCapacity) {
            return new PostHogSdk(sink.baseUrl(), queueCapacity);
        }
    };

    /** Marks "keep the SDK's own default queue bound". */
    public static final int DEFAULT_QUEUE = 0;

    /**
     * Starts the SDK against the sink.
     *
     * @param queueCapacity most events the SDK may hold before its overflow rule applies, or {@link #DEFAULT_QUEUE}
     */
    public abstract TrackedSdk open(LoopbackSink sink, int queueCapacity);
}
