package dev.trajectory.capture;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One completed tool execution.
 *
 * @param id        the id of the model's tool call it answers, when the framework knows it
 * @param name      the tool's name
 * @param arguments the arguments it ran with
 * @param result    what it returned as text (for a failure, the text the model is shown, if any)
 * @param error     why it failed; {@code null} when it succeeded
 * @param errorType the type of the exception it failed with, when known
 * @param duration  how long it ran
 */
public record ToolRun(@Nullable String id, String name, Map<String, @Nullable Object> arguments,
        @Nullable String result, @Nullable String error, @Nullable String errorType, Duration duration) {

    /** Whether the tool failed. */
    public boolean failed() {
        return error != null || errorType != null;
    }
}
