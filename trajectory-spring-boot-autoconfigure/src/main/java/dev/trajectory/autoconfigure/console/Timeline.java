package dev.trajectory.autoconfigure.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.ToolResponse;
import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;

/**
 * Turns a trajectory into the console's timeline. A step holds the whole conversation up to its decision, so each
 * message is shown once: in the first step it appears in.
 */
final class Timeline {

    private Timeline() {
    }

    static List<TimelineEntry> of(@Nullable Trajectory trajectory) {
        if (trajectory == null) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        List<Message> previous = List.of();
        for (int index = 0; index < trajectory.steps().size(); index++) {
            List<Message> messages = trajectory.steps().get(index).messages();
            int seen = startsWith(messages, previous) ? previous.size() : 0;
            for (Message message : messages.subList(seen, messages.size())) {
                entries.add(entry(index, message));
            }
            previous = messages;
        }
        return entries;
    }

    /** Tokens over the LLM calls of a timeline; {@code null} when none recorded any. */
    static @Nullable Long tokens(List<TimelineEntry> entries) {
        Long total = null;
        for (TimelineEntry entry : entries) {
            if (entry.tokens() != null) {
                total = (total == null ? 0 : total) + entry.tokens();
            }
        }
        return total;
    }

    private static boolean startsWith(List<Message> messages, List<Message> prefix) {
        return messages.size() >= prefix.size() && messages.subList(0, prefix.size()).equals(prefix);
    }

    private static TimelineEntry entry(int step, Message message) {
        Long duration = number(message.metadata().get("duration_ms"));
        return switch (message.role()) {
            case SYSTEM -> text(step, "system", "System prompt", message, duration);
            case USER -> text(step, "user", "User message", message, duration);
            case ASSISTANT -> new TimelineEntry(step, "llm", llmTitle(message), message.content(), message.toolCalls(),
                    null, null, null, null, tokens(message.usage()), message.finishReason(), duration);
            case TOOL -> tool(step, message, duration);
        };
    }

    private static TimelineEntry text(int step, String kind, String title, Message message, @Nullable Long duration) {
        return new TimelineEntry(step, kind, title, message.content(), List.of(), null, null, null, null, null, null,
                duration);
    }

    /** A tool's answer; its text is left out when the structured response or error says the same. */
    private static TimelineEntry tool(int step, Message message, @Nullable Long duration) {
        ToolResponse response = message.toolResponse();
        if (response == null) {
            return new TimelineEntry(step, "tool", "Tool result", message.content(), List.of(), null, null,
                    message.content(), null, null, null, duration);
        }
        return new TimelineEntry(step, "tool", response.name(), null, List.of(), response.id(),
                response.arguments(), response.response(), response.error(), null, null, duration);
    }

    private static String llmTitle(Message message) {
        Object model = message.metadata().get("model");
        return model != null ? "LLM call · " + model : "LLM call";
    }

    private static @Nullable Long tokens(Map<String, Long> usage) {
        Long total = usage.get("total_tokens");
        if (total != null) {
            return total;
        }
        Long input = usage.get("input_tokens");
        Long output = usage.get("output_tokens");
        return input == null && output == null ? null : (input == null ? 0 : input) + (output == null ? 0 : output);
    }

    private static @Nullable Long number(@Nullable Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
