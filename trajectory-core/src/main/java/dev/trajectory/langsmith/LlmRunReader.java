package dev.trajectory.langsmith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.ToolDefinition;
import dev.trajectory.trajectory.TrainableStatus;
import tools.jackson.databind.JsonNode;

/**
 * Reads an LLM run's input messages, its answer and the tools it was offered. Outputs come as LangChain
 * {@code generations[i][j].message}, OpenAI {@code choices[0].message}, or a message object itself (wrapped SDK
 * clients); token counts from the message, the output's {@code usage}, the metadata, or the run's own columns.
 */
final class LlmRunReader {

    private final MessageParser parser;

    LlmRunReader(MessageParser parser) {
        this.parser = parser;
    }

    LlmCall read(LangSmithRun run) {
        if (run.problem() != null) {
            throw new MalformedRunException(run.label() + ": " + run.problem());
        }
        try {
            return new LlmCall(inputs(run), output(run));
        }
        catch (MalformedRunException ex) {
            throw new MalformedRunException(run.label() + ": " + ex.getMessage());
        }
    }

    private List<Message> inputs(LangSmithRun run) {
        JsonNode inputs = run.inputs();
        List<Message> messages = new ArrayList<>();
        JsonNode system = inputs.path("system");
        if (!system.isMissingNode() && !system.isNull()) {
            messages.add(Message.of(Role.SYSTEM, MessageParser.orEmpty(Blocks.read(system, parser).text())));
        }
        JsonNode list = inputs.path("messages");
        if (list.isArray()) {
            // LangChain sends a batch of conversations; a chat model run has one.
            JsonNode conversation = !list.isEmpty() && list.get(0).isArray() ? list.get(0) : list;
            for (JsonNode message : conversation) {
                messages.addAll(parser.parse(message));
            }
            return messages;
        }
        if (inputs.path("prompts").isArray()) {
            for (JsonNode prompt : inputs.path("prompts")) {
                messages.add(Message.of(Role.USER, prompt.asString()));
            }
            return messages;
        }
        throw new MalformedRunException("no input messages (neither inputs.messages nor inputs.prompts)");
    }

    private Message output(LangSmithRun run) {
        JsonNode outputs = run.outputs();
        if (outputs.isMissingNode() || outputs.isEmpty()) {
            throw new MalformedRunException("the LLM run has no outputs"
                    + (run.error() != null ? " (it failed: " + firstLine(run.error()) + ")" : ""));
        }
        JsonNode node;
        String finishReason;
        JsonNode generations = outputs.path("generations");
        if (generations.isArray() && !generations.isEmpty()) {
            JsonNode generation = generations.get(0).isArray() ? generations.get(0).path(0) : generations.get(0);
            node = generation.has("message") ? generation.get("message")
                    : mapOf("type", "ai", "content", generation.path("text").asString(""));
            finishReason = MessageParser.firstText(generation.path("generation_info"), "finish_reason");
        }
        else if (outputs.path("choices").isArray() && !outputs.path("choices").isEmpty()) {
            JsonNode choice = outputs.path("choices").get(0);
            node = choice.path("message");
            finishReason = MessageParser.firstText(choice, "finish_reason");
        }
        else if (outputs.has("role") || outputs.has("content") || outputs.has("kwargs")) {
            node = outputs;
            finishReason = MessageParser.firstText(outputs, "finish_reason", "stop_reason");
        }
        else {
            throw new MalformedRunException("outputs hold no message (no generations, choices or message)");
        }
        List<Message> parsed = parser.parse(node);
        Message message = parsed.get(parsed.size() - 1);
        if (message.role() != Role.ASSISTANT) {
            throw new MalformedRunException("the output message has role '"
                    + message.role().name().toLowerCase(java.util.Locale.ROOT) + "', not assistant");
        }
        return message.toBuilder()
                .usage(usage(run, message))
                .finishReason(message.finishReason() != null ? message.finishReason() : finishReason)
                .toolDefinitions(toolDefinitions(run))
                .trainableStatus(TrainableStatus.TRAINABLE)
                .build();
    }

    private static Map<String, Long> usage(LangSmithRun run, Message message) {
        if (!message.usage().isEmpty()) {
            return message.usage();
        }
        for (JsonNode candidate : List.of(run.outputs().path("usage"), run.outputs().path("usage_metadata"),
                run.outputs().path("llm_output").path("token_usage"), run.metadata().path("usage_metadata"))) {
            Map<String, Long> usage = MessageParser.usage(candidate);
            if (!usage.isEmpty()) {
                return usage;
            }
        }
        Map<String, Long> columns = new LinkedHashMap<>();
        if (run.promptTokens() != null) {
            columns.put("input_tokens", run.promptTokens());
        }
        if (run.completionTokens() != null) {
            columns.put("output_tokens", run.completionTokens());
        }
        if (run.totalTokens() != null) {
            columns.put("total_tokens", run.totalTokens());
        }
        return columns;
    }

    private List<ToolDefinition> toolDefinitions(LangSmithRun run) {
        JsonNode tools = run.extra().path("invocation_params").path("tools");
        if (!tools.isArray()) {
            tools = run.inputs().path("tools");
        }
        List<ToolDefinition> definitions = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function").isObject() ? tool.path("function") : tool;
            String name = MessageParser.firstText(function, "name");
            if (name != null) {
                definitions.add(new ToolDefinition(name, MessageParser.firstText(function, "description"),
                        parser.arguments(MessageParser.firstPresent(function, "parameters", "input_schema"))));
            }
        }
        return definitions;
    }

    private JsonNode mapOf(String k1, String v1, String k2, String v2) {
        return parser.node(Map.of(k1, v1, k2, v2));
    }

    static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
