package dev.trajectory.langsmith;

import java.util.ArrayList;
import java.util.List;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A message's content read as text, reasoning, tool calls and tool results. Content is either a string or a list of
 * blocks: {@code text}, {@code reasoning} / {@code thinking}, {@code tool_call} / {@code tool_use} /
 * {@code function_call}, {@code tool_result}; other blocks (images, audio) are left out.
 */
record Blocks(@Nullable String text, @Nullable String reasoning, List<ToolCall> toolCalls, List<Message> toolResults) {

    static Blocks read(JsonNode content, MessageParser parser) {
        if (content.isString()) {
            return new Blocks(content.asString(), null, List.of(), List.of());
        }
        if (!content.isArray()) {
            return new Blocks(null, null, List.of(), List.of());
        }
        List<String> texts = new ArrayList<>();
        List<String> reasoning = new ArrayList<>();
        List<ToolCall> calls = new ArrayList<>();
        List<Message> results = new ArrayList<>();
        for (JsonNode block : content) {
            if (block.isString()) {
                texts.add(block.asString());
                continue;
            }
            switch (block.path("type").asString("")) {
                case "text", "input_text", "output_text" -> addText(texts, block.path("text"));
                case "reasoning", "thinking" -> addReasoning(reasoning, block);
                case "tool_call", "tool_use", "function_call" -> calls.add(parser.toolCall(block));
                case "tool_result" -> results.add(parser.toolResult(block));
                default -> {
                    // Images, audio and unknown blocks carry no text for a trajectory.
                }
            }
        }
        return new Blocks(join(texts), join(reasoning), calls, results);
    }

    private static void addReasoning(List<String> reasoning, JsonNode block) {
        addText(reasoning, MessageParser.firstPresent(block, "reasoning", "thinking", "text"));
        for (JsonNode summary : block.path("summary")) {
            addText(reasoning, summary.isString() ? summary : summary.path("text"));
        }
    }

    private static void addText(List<String> texts, JsonNode text) {
        if (text.isString() && !text.asString().isEmpty()) {
            texts.add(text.asString());
        }
    }

    private static @Nullable String join(List<String> parts) {
        return parts.isEmpty() ? null : String.join("\n", parts);
    }
}
