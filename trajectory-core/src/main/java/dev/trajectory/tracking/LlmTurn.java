package dev.trajectory.tracking;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One prompt and the generation that answered it, as recorded by {@code trackLlm}.
 *
 * @param userId           the user who prompted, when known
 * @param prompt           the prompt text
 * @param assistantId      the model or assistant that answered
 * @param generation       the generated text
 * @param properties       extra properties for both events; {@code $thread_id} groups a conversation thread
 * @param latency          time from prompt to generation
 * @param promptTokens     tokens in the prompt, when known
 * @param completionTokens tokens in the generation, when known
 */
public record LlmTurn(@Nullable String userId, String prompt, @Nullable String assistantId, String generation,
        Map<String, ?> properties, Duration latency, @Nullable Integer promptTokens,
        @Nullable Integer completionTokens) {

    /** The property that groups the turns of one conversation thread. */
    public static final String THREAD_ID = "$thread_id";

    public LlmTurn {
        properties = properties == null ? Map.of() : properties;
        latency = latency == null || latency.isNegative() ? Duration.ZERO : latency;
    }
}
