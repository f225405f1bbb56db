package dev.trajectory.langsmith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one message in any of the shapes LangSmith runs hold: LangChain-serialised ({@code {lc, type, id:[...,
 * "AIMessage"], kwargs}}), LangChain plain dicts ({@code {type: human|ai|tool, ...}}), OpenAI chat messages
 * ({@code role}, {@code tool_calls} with JSON-string arguments) and content-block lists (text, reasoning/thinking,
 * tool_call/tool_use, tool_result). One source message can become several (a user message carrying tool results).
 */
final class MessageParser {

    private static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper mapper;

    MessageParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The messages of one source message; throws {@link MalformedRunException} for shapes it cannot read. */
    List<Message> parse(JsonNode node) {
        if (node.isString()) {
            return List.of(Message.of(Role.USER, node.asString()));
        }
        if (node.isArray() && node.size() == 2 && node.get(0).isString()) {
            // LangChain's tuple form: ["human", "text"].
            return List.of(Message.of(role(node.get(0).asString()), node.get(1).asString()));
        }
        if (!node.isObject()) {
            throw new MalformedRunException("a message is neither an object nor text: " + abbreviate(node));
        }
        boolean serialised = node.has("lc") && node.has("kwargs");
        JsonNode fields = serialised ? node.get("kwargs") : node;
        String hint = serialised ? className(node) : firstText(node, "role", "type");
        if (hint == null || hint.equalsIgnoreCase("chat") || hint.startsWith("ChatMessage")) {
            hint = firstText(fields, "role");
        }
        if (hint == null) {
            throw new MalformedRunException("a message has no role or type: " + abbreviate(node));
        }
        Role role = role(hint);
        Blocks blocks = Blocks.read(fields.path("content"), this);
        if (role == Role.TOOL) {
            return List.of(toolMessage(fields, blocks));
        }
        List<Message> messages = new ArrayList<>(blocks.toolResults());
        if (role == Role.USER && !blocks.toolResults().isEmpty() && blocks.text() == null) {
            return messages;
        }
        messages.add(Message.builder(role)
                .content(blocks.text())
                .toolCalls(toolCalls(fields, blocks))
                .usage(usage(fields.path("usage_metadata")))
                .finishReason(firstText(fields.path("response_metadata"), "finish_reason", "stop_reason"))
                .reasoning(reasoning(fields, blocks))
                .metadata(fields.hasNonNull("name") ? Map.of("name", fields.get("name").asString()) : Map.of())
                .build());
        return messages;
    }

    /** The role a type or role name stands for; unknown names are malformed. */
    static Role role(String hint) {
        String name = hint.replaceFirst("(Message)?(Chunk)?$", "").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "human", "user" -> Role.USER;
            case "ai", "assistant", "model" -> Role.ASSISTANT;
            case "system", "developer" -> Role.SYSTEM;
            case "tool", "function" -> Role.TOOL;
            default -> throw new MalformedRunException("unknown message role '" + hint + "'");
        };
    }

    /** A tool call in LangChain ({@code name, args, id}), OpenAI ({@code function: {name, arguments}}) or block form. */
    ToolCall toolCall(JsonNode call) {
        JsonNode function = call.path("function");
        String name = function.isObject() ? firstText(function, "name") : firstText(call, "name");
        JsonNode arguments = function.isObject() ? function.path("arguments")
                : firstPresent(call, "args", "input", "arguments");
        return new ToolCall(name == null ? "" : name, arguments(arguments), firstText(call, "id", "call_id"));
    }

    /** Arguments as an object: JSON strings are parsed; anything else is kept under {@code raw}. */
    Map<String, @Nullable Object> arguments(JsonNode arguments) {
        JsonNode value = arguments;
        if (arguments.isString()) {
            String text = arguments.asString();
            if (text.isBlank()) {
                return Map.of();
            }
            try {
                value = mapper.readTree(text);
            }
            catch (JacksonException ex) {
                return Map.of("raw", text);
            }
        }
        if (value.isObject()) {
            return mapper.convertValue(value, MAP);
        }
        if (value.isMissingNode() || value.isNull()) {
            return Map.of();
        }
        return singleton("raw", toValue(value));
    }

    JsonNode node(Object value) {
        return mapper.valueToTree(value);
    }

    /** Any JSON value as plain Java: text, numbers, booleans, maps and lists. */
    @Nullable Object toValue(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : mapper.convertValue(value, Object.class);
    }

    private Message toolMessage(JsonNode fields, Blocks blocks) {
        String text = blocks.text();
        boolean failed = "error".equals(firstText(fields, "status"));
        ToolResponse response = new ToolResponse(firstText(fields, "tool_call_id", "tool_use_id"),
                orEmpty(firstText(fields, "name")), Map.of(), text,
                failed ? (text == null ? "tool failed" : text) : null, Map.of());
        return Message.builder(Role.TOOL).content(text).toolResponse(response).build();
    }

    /** A tool_result block, which Anthropic-style messages carry inside a user message. */
    Message toolResult(JsonNode block) {
        String text = Blocks.read(block.path("content"), this).text();
        boolean failed = block.path("is_error").asBoolean(false);
        ToolResponse response = new ToolResponse(firstText(block, "tool_use_id", "tool_call_id"), "", Map.of(), text,
                failed ? (text == null ? "tool failed" : text) : null, Map.of());
        return Message.builder(Role.TOOL).content(text).toolResponse(response).build();
    }

    private List<ToolCall> toolCalls(JsonNode fields, Blocks blocks) {
        JsonNode calls = fields.path("tool_calls");
        if (calls.isEmpty()) {
            calls = fields.path("additional_kwargs").path("tool_calls");
        }
        Map<String, ToolCall> byId = new LinkedHashMap<>();
        int anonymous = 0;
        for (JsonNode call : calls) {
            ToolCall parsed = toolCall(call);
            byId.putIfAbsent(parsed.id() != null ? parsed.id() : "#" + anonymous++, parsed);
        }
        // Content blocks often repeat the calls listed in tool_calls; the id says which are the same.
        for (ToolCall call : blocks.toolCalls()) {
            byId.putIfAbsent(call.id() != null ? call.id() : "#" + anonymous++, call);
        }
        return List.copyOf(byId.values());
    }

    private static @Nullable String reasoning(JsonNode fields, Blocks blocks) {
        if (blocks.reasoning() != null) {
            return blocks.reasoning();
        }
        String kept = firstText(fields.path("additional_kwargs"), "reasoning_content", "reasoning");
        return kept != null ? kept : firstText(fields, "reasoning_content", "reasoning");
    }

    /** Token counts under the trajectory's names, from LangChain's usage_metadata or OpenAI's usage. */
    static Map<String, Long> usage(JsonNode usage) {
        Map<String, Long> counts = new LinkedHashMap<>();
        putCount(counts, "input_tokens", firstPresent(usage, "input_tokens", "prompt_tokens"));
        putCount(counts, "output_tokens", firstPresent(usage, "output_tokens", "completion_tokens"));
        putCount(counts, "total_tokens", usage.path("total_tokens"));
        putCount(counts, "reasoning_tokens", usage.path("output_token_details").path("reasoning"));
        putCount(counts, "reasoning_tokens", usage.path("completion_tokens_details").path("reasoning_tokens"));
        if (!counts.containsKey("total_tokens") && counts.containsKey("input_tokens")
                && counts.containsKey("output_tokens")) {
            counts.put("total_tokens", counts.get("input_tokens") + counts.get("output_tokens"));
        }
        return counts;
    }

    private static void putCount(Map<String, Long> counts, String name, JsonNode value) {
        if (value.isNumber()) {
            counts.putIfAbsent(name, value.asLong());
        }
    }

    private static @Nullable String className(JsonNode serialised) {
        JsonNode id = serialised.path("id");
        return id.isArray() && !id.isEmpty() ? id.get(id.size() - 1).asString() : null;
    }

    static @Nullable String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = LangSmithRun.text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static JsonNode firstPresent(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field)) {
                return node.get(field);
            }
        }
        return node.path(fields[0]);
    }

    static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static Map<String, @Nullable Object> singleton(String key, @Nullable Object value) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
