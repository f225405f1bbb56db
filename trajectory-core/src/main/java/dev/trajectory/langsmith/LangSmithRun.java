package dev.trajectory.langsmith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * One LangSmith run, read leniently from the API's JSON or an export row: {@code inputs}, {@code outputs} and
 * {@code extra} may arrive as JSON strings and are parsed; what cannot be read is kept in {@link #problem()} rather
 * than thrown, so one bad run never stops an import.
 *
 * @param problem why the run's JSON fields could not be read, or {@code null}
 */
public record LangSmithRun(String id, @Nullable String traceId, @Nullable String parentRunId, String runType,
        String name, @Nullable Instant startTime, @Nullable Instant endTime, @Nullable String dottedOrder,
        @Nullable String threadId, JsonNode inputs, JsonNode outputs, JsonNode extra, @Nullable String error,
        @Nullable Long promptTokens, @Nullable Long completionTokens, @Nullable Long totalTokens,
        @Nullable Double totalCost, @Nullable String problem) {

    private static final List<String> CONVERSATION_KEYS = List.of("session_id", "thread_id", "conversation_id");

    /** Reads a run; never throws for bad content. */
    public static LangSmithRun from(JsonNode run, JsonMapper mapper) {
        StringBuilder problems = new StringBuilder();
        JsonNode inputs = json(run, "inputs", mapper, problems);
        JsonNode outputs = json(run, "outputs", mapper, problems);
        JsonNode extra = json(run, "extra", mapper, problems);
        String id = text(run, "id");
        if (id == null) {
            problems.append(problems.isEmpty() ? "" : "; ").append("the run has no id");
        }
        return new LangSmithRun(id == null ? "(no id)" : id, text(run, "trace_id"), text(run, "parent_run_id"),
                String.valueOf(text(run, "run_type")), String.valueOf(text(run, "name")), time(run, "start_time"),
                time(run, "end_time"), text(run, "dotted_order"), text(run, "thread_id"), inputs, outputs, extra,
                text(run, "error"), number(run, "prompt_tokens"), number(run, "completion_tokens"),
                number(run, "total_tokens"), decimal(run, "total_cost"), problems.isEmpty() ? null : problems.toString());
    }

    /** The metadata the application attached, {@code extra.metadata}. */
    public JsonNode metadata() {
        return extra.path("metadata");
    }

    /**
     * The conversation (thread) the run belongs to: LangSmith's {@code thread_id}, else the metadata key
     * {@code session_id}, {@code thread_id} or {@code conversation_id}; {@code null} when none is set.
     */
    public @Nullable String conversationKey() {
        if (threadId != null) {
            return threadId;
        }
        for (String key : CONVERSATION_KEYS) {
            String value = text(metadata(), key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public boolean isRoot() {
        return parentRunId == null;
    }

    /** How long the run took, zero when a time is missing. */
    public Duration duration() {
        if (startTime == null || endTime == null || endTime.isBefore(startTime)) {
            return Duration.ZERO;
        }
        return Duration.between(startTime, endTime);
    }

    /** {@code "id" (name)}, for messages. */
    public String label() {
        return "run " + id + " (" + runType + " '" + name + "')";
    }

    private static JsonNode json(JsonNode run, String field, JsonMapper mapper, StringBuilder problems) {
        JsonNode value = run.path(field);
        if (!value.isString()) {
            return value.isNull() ? MissingNode.getInstance() : value;
        }
        try {
            return value.asString().isBlank() ? MissingNode.getInstance() : mapper.readTree(value.asString());
        }
        catch (JacksonException ex) {
            problems.append(problems.isEmpty() ? "" : "; ").append(field).append(" is a string that is not JSON");
            return MissingNode.getInstance();
        }
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNull() || value.isMissingNode() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    private static @Nullable Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? Long.valueOf(value.asLong()) : null;
    }

    private static @Nullable Double decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.asDouble();
        }
        // LangSmith serialises costs as decimal strings.
        if (value.isString()) {
            try {
                return Double.valueOf(value.asString());
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    /** ISO-8601 with or without an offset; LangSmith writes UTC times without one. */
    static @Nullable Instant time(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
            catch (DateTimeParseException ex) {
                return null;
            }
        }
    }
}
