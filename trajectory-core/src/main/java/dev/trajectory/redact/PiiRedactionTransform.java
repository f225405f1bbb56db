package dev.trajectory.redact;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.Telemetry;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;

/**
 * Redacts PII in every message of a trajectory: content, reasoning, tool-call arguments, tool responses and their
 * errors. Only string values are rewritten, never keys or the shape of arguments and responses, so JSON stays valid
 * and tools' argument names stay readable. How many matches each rule replaced is added to
 * {@code telemetry.data.redactions}; the matches themselves are not kept anywhere.
 */
public final class PiiRedactionTransform implements TrajectoryTransform {

    private final PiiRedactor redactor;

    public PiiRedactionTransform(PiiRedactor redactor) {
        this.redactor = redactor;
    }

    /** Redaction with every rule. */
    public PiiRedactionTransform() {
        this(new PiiRedactor());
    }

    @Override
    public Trajectory apply(Trajectory trajectory) {
        Map<PiiRule, Integer> counts = new EnumMap<>(PiiRule.class);
        // Steps repeat the conversation; redacting each distinct message once keeps the counts per message.
        Map<Message, Message> redacted = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>(trajectory.steps().size());
        for (Step step : trajectory.steps()) {
            List<Message> messages = new ArrayList<>(step.messages().size());
            for (Message message : step.messages()) {
                messages.add(redacted.computeIfAbsent(message, original -> redact(original, counts)));
            }
            steps.add(step.withMessages(messages));
        }
        Trajectory result = trajectory.withSteps(steps);
        return counts.isEmpty() ? result : withCounts(result, counts);
    }

    private Message redact(Message message, Map<PiiRule, Integer> counts) {
        List<ToolCall> calls = message.toolCalls().stream()
                .map(call -> new ToolCall(call.name(), map(call.arguments(), counts), call.id()))
                .toList();
        ToolResponse response = message.toolResponse();
        ToolResponse redactedResponse = response == null ? null
                : new ToolResponse(response.id(), response.name(), map(response.arguments(), counts),
                        value(response.response(), counts), text(response.error(), counts), response.metadata());
        return message.toBuilder()
                .content(text(message.content(), counts))
                .reasoning(text(message.reasoning(), counts))
                .toolCalls(calls)
                .toolResponse(redactedResponse)
                .build();
    }

    private @Nullable String text(@Nullable String text, Map<PiiRule, Integer> counts) {
        return text == null ? null : redactor.redact(text, counts);
    }

    private Map<String, @Nullable Object> map(Map<String, @Nullable Object> map, Map<PiiRule, Integer> counts) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value(value, counts)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private @Nullable Object value(@Nullable Object value, Map<PiiRule, Integer> counts) {
        if (value instanceof String text) {
            return redactor.redact(text, counts);
        }
        if (value instanceof Map<?, ?> map) {
            return map((Map<String, @Nullable Object>) map, counts);
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(value(item, counts)));
            return copy;
        }
        return value;
    }

    private static Trajectory withCounts(Trajectory trajectory, Map<PiiRule, Integer> counts) {
        Telemetry telemetry = trajectory.telemetry();
        Map<String, @Nullable Object> data = new LinkedHashMap<>(telemetry == null ? Map.of() : telemetry.data());
        Map<String, Integer> byRule = new LinkedHashMap<>();
        counts.forEach((rule, count) -> byRule.put(rule.name(), count));
        data.put("redactions", byRule);
        return new Trajectory(trajectory.task(), trajectory.steps(), trajectory.reward(), trajectory.metrics(),
                trajectory.executionMetrics(), trajectory.referenceTrajectory(),
                new Telemetry(telemetry == null ? "unknown" : telemetry.source(), data), trajectory.idx(),
                trajectory.error());
    }
}
