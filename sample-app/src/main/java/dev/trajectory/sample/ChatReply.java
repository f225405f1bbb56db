package dev.trajectory.sample;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST /chat}.
 *
 * @param sessionId the conversation the run belongs to
 * @param traceId   the agent run's trace id: find the run in the console with it, and send it back with feedback
 * @param reply     what the agent answered
 */
public record ChatReply(@JsonProperty("session_id") String sessionId, @JsonProperty("trace_id") String traceId,
        @JsonProperty("reply") String reply) {
}
