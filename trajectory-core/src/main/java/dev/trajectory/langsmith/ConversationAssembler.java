package dev.trajectory.langsmith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds one conversation's message list from its runs in order. Each LLM run repeats the history it was given, so
 * only input messages not yet in the list are added (compared by role, text and tool-call ids, counting repeats).
 * Tool results are added once per call id, whether they come from a tool run or from the next model input, and are
 * completed with the name and arguments of the call they answer.
 */
final class ConversationAssembler {

    private final JsonMapper mapper;

    private final List<Message> messages = new ArrayList<>();

    private final Map<String, Integer> keyCounts = new HashMap<>();

    private final Map<String, ToolCall> callsById = new LinkedHashMap<>();

    private final Set<String> answered = new HashSet<>();

    ConversationAssembler(JsonMapper mapper) {
        this.mapper = mapper;
    }

    void addInputs(List<Message> inputs) {
        Map<String, Integer> seenInThisInput = new HashMap<>();
        for (Message message : inputs) {
            if (message.role() == Role.TOOL) {
                addToolMessage(message);
                continue;
            }
            String key = key(message);
            int occurrence = seenInThisInput.merge(key, 1, Integer::sum);
            if (occurrence > keyCounts.getOrDefault(key, 0)) {
                append(message);
            }
        }
    }

    void addOutput(Message output) {
        append(output);
    }

    /** Adds a tool run's result unless its call was answered already. */
    void addToolResult(ToolResponse response) {
        String id = response.id() != null ? response.id() : unansweredCallNamed(response.name());
        Object value = response.response();
        String content = value == null ? null : value instanceof String text ? text : mapper.writeValueAsString(value);
        addToolMessage(Message.builder(Role.TOOL)
                .content(content)
                .toolResponse(new ToolResponse(id, response.name(), response.arguments(), value, response.error(),
                        response.metadata()))
                .build());
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    private void addToolMessage(Message message) {
        ToolResponse response = message.toolResponse();
        String id = response == null ? null : response.id();
        if (id != null && !answered.add(id)) {
            return;
        }
        ToolCall call = id == null ? null : callsById.get(id);
        if (response != null && call != null) {
            // The model's call is the authority on name and arguments; tool runs often log them in another form.
            ToolResponse completed = new ToolResponse(id, call.name(), call.arguments(), response.response(),
                    response.error(), response.metadata());
            message = message.toBuilder().toolResponse(completed).build();
        }
        messages.add(message);
    }

    private void append(Message message) {
        messages.add(message);
        keyCounts.merge(key(message), 1, Integer::sum);
        for (ToolCall call : message.toolCalls()) {
            if (call.id() != null) {
                callsById.putIfAbsent(call.id(), call);
            }
        }
    }

    private @Nullable String unansweredCallNamed(String name) {
        for (ToolCall call : callsById.values()) {
            if (call.name().equals(name) && !answered.contains(call.id())) {
                return call.id();
            }
        }
        return null;
    }

    private static String key(Message message) {
        StringBuilder key = new StringBuilder(message.role().name()).append('\u0000')
                .append(message.content() == null ? "" : message.content());
        for (ToolCall call : message.toolCalls()) {
            key.append('\u0000').append(call.id() == null ? call.name() : call.id());
        }
        return key.toString();
    }
}
