package dev.trajectory.sample;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /feedback}: the user's verdict on an answer.
 *
 * @param sessionId the conversation
 * @param userId    who gave the feedback
 * @param traceId   the run that gave the answer, as {@code POST /chat} returned it
 * @param accepted  whether the user accepted the answer ({@code user.accept}) or rejected it ({@code user.reject})
 */
public record Feedback(@JsonProperty("session_id") @Nullable String sessionId,
        @JsonProperty("user_id") @Nullable String userId, @JsonProperty("trace_id") @Nullable String traceId,
        @JsonProperty("accepted") boolean accepted) {
}
