package dev.trajectory.benchmarks.sdk;

import java.util.Map;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.TrackMessage;

/** Segment's analytics-java: {@code enqueue(TrackMessage)}, batches posted to {@code /v1/import/}. */
final class SegmentSdk implements TrackedSdk {

    private final Analytics analytics;

    SegmentSdk(String baseUrl, int queueCapacity) {
        Analytics.Builder builder = Analytics.builder("bench-write-key").endpoint(baseUrl);
        if (queueCapacity != Sdk.DEFAULT_QUEUE) {
            builder.queueCapacity(queueCapacity);
        }
        this.analytics = builder.build();
    }

    @Override
    public void track(String userId, String eventType, Map<String, Object> properties) {
        analytics.enqueue(TrackMessage.builder(eventType).userId(userId).properties(properties));
    }

    @Override
    public void flush() {
        analytics.flush();
    }

    @Override
    public void close() {
        analytics.flush();
        analytics.shutdown();
    }
}
