package dev.trajectory.sample;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /chat}.
 *
 * @param sessionId the conversation; the run's trace id when absent
 * @param userId    who is asking, when known
 * @param message   what they wrote
 */
public record ChatRequest(@JsonProperty("session_id") @Nullable String sessionId,
        @JsonProperty("user_id") @Nullable String userId, @JsonProperty("message") @Nullable String message) {
}
