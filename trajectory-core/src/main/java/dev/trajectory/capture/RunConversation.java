package dev.trajectory.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;

/**
 * The whole conversation of a run, each message once, from its steps: every step repeats the history its model
 * call was sent, so only messages not yet in the list are added (compared by role, text and tool-call ids,
 * counting repeats). Tool executions no later model call was sent are added at the end, so metrics count them.
 */
final class RunConversation {

    private RunConversation() {
    }

    static List<Message> of(List<Step> steps, List<ToolRun> toolRuns) {
        List<Message> messages = new ArrayList<>();
        Map<String, Integer> keyCounts = new HashMap<>();
        Set<String> answered = new HashSet<>();
        for (Step step : steps) {
            Map<String, Integer> seenInStep = new HashMap<>();
            for (Message message : step.messages()) {
                String key = key(message);
                int occurrence = seenInStep.merge(key, 1, Integer::sum);
                if (occurrence > keyCounts.getOrDefault(key, 0)) {
                    messages.add(message);
                    keyCounts.merge(key, 1, Integer::sum);
                    if (message.toolResponse() != null && message.toolResponse().id() != null) {
                        answered.add(message.toolResponse().id());
                    }
                }
            }
        }
        for (ToolRun run : toolRuns) {
            if (run.id() != null && answered.add(run.id())) {
                messages.add(Message.builder(Role.TOOL)
                        .content(run.result())
                        .toolResponse(new ToolResponse(run.id(), run.name(), run.arguments(), run.result(),
                                run.failed() ? run.error() != null ? run.error() : ContentPolicy.TOOL_FAILED : null,
                                Map.of("duration_ms", run.duration().toMillis())))
                        .build());
            }
        }
        return messages;
    }

    private static String key(Message message) {
        StringBuilder key = new StringBuilder(message.role().name()).append('\u0000')
                .append(message.content() == null ? "" : message.content());
        for (ToolCall call : message.toolCalls()) {
            key.append('\u0000').append(call.id() == null ? call.name() : call.id());
        }
        if (message.toolResponse() != null) {
            key.append('\u0000').append(message.toolResponse().id());
        }
        return key.toString();
    }
}
