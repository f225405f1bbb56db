package dev.trajectory.autoconfigure.console;

import java.util.List;

import dev.trajectory.trajectory.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * One message of a run as the console's timeline shows it.
 *
 * @param step         index of the step the message first appeared in
 * @param kind         {@code system}, {@code user}, {@code llm} (an assistant message) or {@code tool}
 * @param title        what the entry is, such as {@code LLM call} or the tool's name
 * @param content      the message's text
 * @param toolCalls    tools an LLM call asked for
 * @param toolCallId   for a tool entry, the id of the call it answers
 * @param arguments    for a tool entry, the arguments it ran with
 * @param response     for a tool entry, what it returned
 * @param error        for a tool entry, why it failed
 * @param tokens       tokens an LLM call used
 * @param finishReason why an LLM call stopped
 * @param durationMs   how long it took, when recorded in the message's {@code duration_ms} metadata
 */
public record TimelineEntry(int step, String kind, String title, @Nullable String content, List<ToolCall> toolCalls,
        @Nullable String toolCallId, @Nullable Object arguments, @Nullable Object response, @Nullable String error,
        @Nullable Long tokens, @Nullable String finishReason, @Nullable Long durationMs) {

    /** Whether this is a tool call that failed. */
    public boolean failed() {
        return error != null;
    }
}
