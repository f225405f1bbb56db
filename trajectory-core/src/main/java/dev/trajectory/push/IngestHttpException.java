package dev.trajectory.push;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The ingest API, or another HTTP API the SDK calls such as LangSmith, answered with an error status. */
public class IngestHttpException extends RuntimeException {

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final int status;

    private final @Nullable Duration retryAfter;

    public IngestHttpException(int status, @Nullable Duration retryAfter, String message) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** How long the server asked the client to wait, from its Retry-After header. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the status says the same request may succeed later: 408, 429, 500, 502, 503 or 504. */
    public boolean isRetryable() {
        return RETRYABLE_STATUSES.contains(status);
    }

    /** Whether the server refused the credentials (401 or 403). */
    public boolean isCredentialsRejected() {
        return status == 401 || status == 403;
    }
}
