package dev.trajectory.autoconfigure.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.trajectory.event.EventJsonWriter;
import dev.trajectory.event.EventValidator;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.local.LocalTraceStore;
import dev.trajectory.push.PushSettings;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.Task;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import dev.trajectory.trajectory.Trajectory;
import tools.jackson.databind.json.JsonMapper;

/** Real local-mode files for the console's tests: stored runs in {@code traces/} and JSON-lines event files. */
final class ConsoleFixtures {

    static final JsonMapper MAPPER = TrajectoryJson.mapper();

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private ConsoleFixtures() {
    }

    static LocalTraceStore store(Path localDir) {
        return new LocalTraceStore(localDir.resolve("traces"),
                new EventValidator(new EventJsonWriter(MAPPER), PushSettings.DEFAULT_MAX_EVENT_BYTES), MAPPER, 1000);
    }

    /**
     * Stores a run like the sample's: a question with an order number, an LLM call asking for two tools, one tool
     * failing, and the final answer; with its start and end events.
     */
    static void storeRun(Path localDir, String traceId, String sessionId, String userId, String question) {
        ToolCall lookup = new ToolCall("order_lookup", Map.of("order_id", "9001"), "call_1");
        ToolCall policy = new ToolCall("refund_policy_search", Map.of("query", "refund"), "call_2");
        Message system = Message.of(Role.SYSTEM, "You are a support agent.");
        Message user = Message.of(Role.USER, question);
        Message asks = Message.builder(Role.ASSISTANT).toolCalls(List.of(lookup, policy)).finishReason("tool_calls")
                .usage(Map.of("input_tokens", 40L, "output_tokens", 10L, "total_tokens", 50L))
                .metadata(Map.of("model", "stand-in", "duration_ms", 150)).build();
        Message failed = Message.builder(Role.TOOL).content("error: timed out")
                .toolResponse(new ToolResponse("call_1", "order_lookup", lookup.arguments(), null, "timed out", Map.of()))
                .build();
        Message found = Message.builder(Role.TOOL).content("[...]")
                .toolResponse(new ToolResponse("call_2", "refund_policy_search", policy.arguments(),
                        List.of(Map.of("text", "30 days")), null, Map.of()))
                .build();
        Message answer = Message.builder(Role.ASSISTANT).content("Refunds within 30 days.").finishReason("stop")
                .usage(Map.of("input_tokens", 70L, "output_tokens", 12L)).build();
        List<Step> steps = List.of(new Step(List.of(system, user, asks), null, Map.of(), null),
                new Step(List.of(system, user, asks, failed, found, answer), null, Map.of(), null));
        Trajectory trajectory = new Trajectory(new Task(traceId, "test", sessionId, 1, 2, null, null), steps, null,
                null, null, null, null, null, null);
        List<TelemetryEvent> events = List.of(
                event("agent.run.start", traceId, sessionId, userId, START, Map.of("run_name", "support-agent")),
                event("tool.call", traceId, sessionId, userId, START.plusMillis(200), Map.of("tool", "order_lookup")),
                event("agent.run.end", traceId, sessionId, userId, START.plusMillis(900),
                        Map.of("run_name", "support-agent", "outcome", "success", "duration_ms", 900)));
        assertStored(store(localDir).upload(traceId, trajectory, events).block().uploaded());
    }

    static TelemetryEvent event(String type, String traceId, String sessionId, String userId, Instant at,
            Map<String, Object> properties) {
        return TelemetryEvent.builder(type, sessionId).traceId(traceId).userId(userId).timestamp(at)
                .properties(properties).build();
    }

    /** Appends events to the day's JSON-lines file as local mode writes them. */
    static void appendEvents(Path localDir, String date, TelemetryEvent... events) throws IOException {
        List<String> lines = new ArrayList<>();
        for (TelemetryEvent event : events) {
            lines.add(MAPPER.writeValueAsString(event));
        }
        appendRaw(localDir, date, String.join("\n", lines) + "\n");
    }

    static void appendRaw(Path localDir, String date, String text) throws IOException {
        Files.createDirectories(localDir);
        Files.writeString(localDir.resolve("events-" + date + ".jsonl"), text, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void assertStored(boolean stored) {
        if (!stored) {
            throw new IllegalStateException("the fixture run was not stored");
        }
    }
}
