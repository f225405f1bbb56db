package dev.trajectory.benchmarks.sdk;

import java.util.Map;

import com.posthog.server.PostHog;
import com.posthog.server.PostHogCaptureOptions;
import com.posthog.server.PostHogConfig;
import com.posthog.server.PostHogInterface;

/** PostHog's JVM server SDK: {@code capture(distinctId, event, options)}, batches posted to {@code /batch}. */
final class PostHogSdk implements TrackedSdk {

    private final PostHogInterface posthog;

    PostHogSdk(String baseUrl, int queueCapacity) {
        PostHogConfig.Builder config = PostHogConfig.builder("bench-api-key").host(baseUrl);
        if (queueCapacity != Sdk.DEFAULT_QUEUE) {
            config.maxQueueSize(queueCapacity);
        }
        this.posthog = PostHog.with(config.build());
    }

    @Override
    public void track(String userId, String eventType, Map<String, Object> properties) {
        posthog.capture(userId, eventType, PostHogCaptureOptions.builder().properties(properties).build());
    }

    @Override
    public void flush() {
        posthog.flush();
    }

    @Override
    public void close() {
        posthog.flush();
        posthog.close();
    }
}
