package dev.trajectory.push;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Which failures are worth another attempt and how long to wait before it: exponential backoff from the initial
 * wait, doubled per attempt, capped, with jitter so that many clients do not retry in step; a server's Retry-After
 * replaces the computed wait, within the same cap. Shared by every HTTP client of the SDK.
 */
public final class RetryPolicy {

    private final Duration initialBackoff;

    private final Duration maxBackoff;

    public RetryPolicy(Duration initialBackoff, Duration maxBackoff) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** A Resilience4j retry making at most {@code maxRetries + 1} attempts. */
    public Retry retry(String name, int maxRetries) {
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(maxRetries + 1)
                .retryOnException(RetryPolicy::isRetryable)
                .intervalBiFunction((attempt, outcome) -> waitBefore(attempt,
                        outcome.isLeft() ? outcome.getLeft() : null).toMillis())
                .build();
        return Retry.of(name, config);
    }

    /** Connection and read errors, time-outs and the statuses 408, 429, 500, 502, 503 and 504. */
    public static boolean isRetryable(Throwable failure) {
        if (failure instanceof IngestHttpException http) {
            return http.isRetryable();
        }
        return failure instanceof WebClientRequestException || failure instanceof TimeoutException
                || failure instanceof IOException;
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration waitBefore(int attempt, @Nullable Throwable failure) {
        if (failure instanceof IngestHttpException http && http.retryAfter() != null) {
            return min(http.retryAfter(), maxBackoff);
        }
        long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(Math.max(ceiling, 1), maxBackoff.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
