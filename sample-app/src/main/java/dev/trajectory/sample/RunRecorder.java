package dev.trajectory.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trajectory.trace.TraceContext;
import dev.trajectory.trajectory.ExecutionMetrics;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.MetricsCalculator;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.Task;
import dev.trajectory.trajectory.Telemetry;
import dev.trajectory.trajectory.TerminationReason;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import dev.trajectory.trajectory.Trajectory;
import dev.trajectory.trajectory.TrainableStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records one agent run as it happens: the conversation, a step per model answer (the messages the model saw plus
 * its answer), an {@code llm.call} or {@code tool.call} event in the run for each call, and the time spent. At the
 * end it gives the run as a trajectory.
 */
final class RunRecorder {

    private final TraceContext trace;

    private final JsonMapper json;

    private final List<Message> conversation = new ArrayList<>();

    private final List<Step> steps = new ArrayList<>();

    private Duration llmTime = Duration.ZERO;

    private Duration toolTime = Duration.ZERO;

    RunRecorder(TraceContext trace, JsonMapper json) {
        this.trace = trace;
        this.json = json;
    }

    List<Message> conversation() {
        return List.copyOf(conversation);
    }

    void said(Message message) {
        conversation.add(message);
    }

    void modelAnswered(Message answer, String model, Duration took) {
        llmTime = llmTime.plus(took);
        Message recorded = answer.toBuilder().metadata(Map.of("model", model, "duration_ms", took.toMillis())).build();
        conversation.add(recorded);
        steps.add(new Step(List.copyOf(conversation), null, Map.of("turn", steps.size() + 1),
                TrainableStatus.NOT_TRAINABLE));
        Map<String, @Nullable Object> properties = new LinkedHashMap<>(recorded.usage());
        properties.put("model", model);
        properties.put("finish_reason", recorded.finishReason());
        properties.put("tool_calls", recorded.toolCalls().size());
        properties.put("duration_ms", took.toMillis());
        trace.event("llm.call", properties);
    }

    void toolAnswered(ToolCall call, @Nullable Object response, @Nullable String error, Duration took) {
        toolTime = toolTime.plus(took);
        ToolResponse answer = new ToolResponse(call.id(), call.name(), call.arguments(), response, error, Map.of());
        conversation.add(Message.builder(Role.TOOL)
                .content(error != null ? "error: " + error : json.writeValueAsString(response))
                .toolResponse(answer)
                .metadata(Map.of("duration_ms", took.toMillis()))
                .build());
        Map<String, @Nullable Object> properties = new LinkedHashMap<>();
        properties.put("tool", call.name());
        properties.put("call_id", call.id());
        properties.put("arguments", call.arguments());
        properties.put("outcome", error != null ? "error" : "ok");
        properties.put("error", error);
        properties.put("duration_ms", took.toMillis());
        trace.event("tool.call", properties);
    }

    /** The run so far as a trajectory whose task id is the trace id and whose conversation is the session. */
    Trajectory trajectory(String runName, Duration total) {
        long tokens = conversation.stream().mapToLong(message -> message.usage().getOrDefault("total_tokens", 0L))
                .sum();
        Task task = new Task(trace.traceId(), "sample-app", trace.sessionId(), 1, steps.size(), tokens, null);
        return new Trajectory(task, steps, null, MetricsCalculator.metrics(conversation, steps.size(), null),
                new ExecutionMetrics(ExecutionMetrics.seconds(toolTime), ExecutionMetrics.seconds(llmTime),
                        ExecutionMetrics.seconds(total), TerminationReason.ENV_DONE),
                null, new Telemetry("trajectory-java", Map.of("trace_id", trace.traceId(), "run_name", runName)),
                null, null);
    }
}
