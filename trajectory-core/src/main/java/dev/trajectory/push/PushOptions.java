package dev.trajectory.push;

import org.jspecify.annotations.Nullable;

/**
 * Per-call settings of a push; unset values fall back to the client's {@link PushSettings}.
 *
 * @param organizationId organisation the events are attributed to in the log; not sent
 * @param chunkSize      most events per request, or {@code null} for the configured size
 * @param maxRetries     retries per request after the first attempt, or {@code null} for the configured number
 */
public record PushOptions(@Nullable String organizationId, @Nullable Integer chunkSize, @Nullable Integer maxRetries) {

    public PushOptions {
        if (chunkSize != null && chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be greater than 0 but was " + chunkSize);
        }
        if (maxRetries != null && maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative but was " + maxRetries);
        }
    }

    /** Options that change nothing. */
    public static PushOptions defaults() {
        return new PushOptions(null, null, null);
    }

    int chunkSizeOr(int fallback) {
        return chunkSize == null ? fallback : chunkSize;
    }

    int maxRetriesOr(int fallback) {
        return maxRetries == null ? fallback : maxRetries;
    }
}
