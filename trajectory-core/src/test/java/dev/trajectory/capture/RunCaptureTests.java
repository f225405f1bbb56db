package dev.trajectory.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.TerminationReason;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolDefinition;
import dev.trajectory.trajectory.ToolResponse;
import dev.trajectory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunCaptureTests {

    private static final ToolDefinition WEATHER = new ToolDefinition("weather", "Weather in a city",
            Map.of("type", "object"));

    private static final ToolDefinition STOCK = new ToolDefinition("stock", "Stock of a product",
            Map.of("type", "object"));

    private final TraceContext trace = TraceContext.builder().traceId("run-1").sessionId("s-1").build();

    @Test
    void aToolRoundTripBecomesTwoStepsWithPairedToolMessagesAndMetrics() {
        RunCapture capture = new RunCapture(CaptureSettings.defaults());

        roundTrip(capture);

        Trajectory trajectory = CapturedTrajectories.of(trace, RunOutcome.SUCCESS, null);
        assertThat(trajectory.steps()).hasSize(2);
        Step first = trajectory.steps().get(0);
        assertThat(first.messages()).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT);
        assertThat(first.messages().get(2).toolDefinitions()).containsExactly(WEATHER, STOCK);
        Step second = trajectory.steps().get(1);
        assertThat(second.messages()).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER,
                Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT);
        ToolResponse failed = second.messages().get(4).toolResponse();
        assertThat(failed.id()).isEqualTo("call_2");
        assertThat(failed.error()).isEqualTo("out of stock service");
        assertThat(failed.arguments()).containsEntry("sku", "A-1");
        assertThat(failed.metadata()).containsEntry("error_type", "java.lang.IllegalStateException");
        assertThat(second.messages().get(3).toolResponse().error()).isNull();
        assertThat(trajectory.metrics().steps()).isEqualTo(2);
        assertThat(trajectory.metrics().numToolCalls()).isEqualTo(2);
        assertThat(trajectory.metrics().numToolFailures()).isEqualTo(1);
        assertThat(trajectory.metrics().toolErrorRate()).isEqualTo(0.5);
        assertThat(trajectory.metrics().tokensGenerated()).isEqualTo(30);
        assertThat(trajectory.task().totalTokens()).isEqualTo(180);
        assertThat(trajectory.executionMetrics().llmTime()).isEqualTo(0.5);
        assertThat(trajectory.executionMetrics().envTime()).isEqualTo(0.07);
        assertThat(trajectory.executionMetrics().terminationReason()).isEqualTo(TerminationReason.ENV_DONE);
    }

    @Test
    void eventsNameToolsAndCountTokensButCarryNoText() {
        roundTrip(new RunCapture(CaptureSettings.defaults()));

        List<TelemetryEvent> events = trace.events();
        assertThat(events).extracting(TelemetryEvent::eventType).containsExactly("llm.call", "tool.call",
                "tool.call", "tool.result", "tool.result", "llm.call");
        assertThat(events.get(0).properties()).containsEntry("model", "gpt-test").containsEntry("output_tokens", 20L)
                .containsEntry("tool_calls", 2).containsEntry("finish_reason", "tool_calls");
        assertThat(events.get(4).properties()).containsEntry("status", "error")
                .containsEntry("error_type", "java.lang.IllegalStateException").containsEntry("tool_call_id", "call_2");
        assertThat(events.toString()).doesNotContain("Paris", "sunny", "out of stock service");
    }

    @Test
    void withoutContentTextsAndArgumentsAreDroppedButStructureUsageAndFailuresStay() {
        roundTrip(new RunCapture(CaptureSettings.defaults().withContent(false)));

        Trajectory trajectory = CapturedTrajectories.of(trace, RunOutcome.SUCCESS, null);
        List<Message> messages = trajectory.steps().get(1).messages();
        assertThat(messages).allSatisfy(message -> assertThat(message.content()).isNull());
        assertThat(messages.get(2).toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
        assertThat(messages.get(2).toolCalls()).allSatisfy(call -> assertThat(call.arguments()).isEmpty());
        assertThat(messages.get(4).toolResponse().error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(messages.get(4).toolResponse().response()).isNull();
        assertThat(trajectory.metrics().numToolFailures()).isEqualTo(1);
        assertThat(trajectory.task().totalTokens()).isEqualTo(180);
        assertThat(trajectory.toString()).doesNotContain("Paris", "sunny", "out of stock service", "A-1");
    }

    @Test
    void stepsPastTheLimitAreCountedNotKeptAndTheirTokensStillAddUp() {
        RunCapture capture = new RunCapture(new CaptureSettings(true, 1, 10, 100));

        roundTrip(capture);

        Trajectory trajectory = CapturedTrajectories.of(trace, RunOutcome.SUCCESS, null);
        assertThat(trajectory.steps()).hasSize(1);
        assertThat(trajectory.telemetry().data()).containsEntry("dropped_steps", 1).containsEntry("model_calls", 2);
        assertThat(trajectory.task().totalTokens()).isEqualTo(180);
        assertThat(trajectory.metrics().numToolFailures()).isEqualTo(1);
    }

    @Test
    void longTextsAreCutToTheLimitAndCounted() {
        RunCapture capture = new RunCapture(new CaptureSettings(true, 10, 10, 5));

        capture.modelCall(trace, new ModelCall("openai", "gpt-test", List.of(Message.of(Role.USER, "0123456789")),
                Message.of(Role.ASSISTANT, "abcdefghij"), List.of(), Duration.ofMillis(10), false));

        Trajectory trajectory = CapturedTrajectories.of(trace, RunOutcome.SUCCESS, null);
        assertThat(trajectory.steps().get(0).messages()).extracting(Message::content).containsExactly("01234",
                "abcde");
        assertThat(trajectory.telemetry().data()).containsEntry("truncated_texts", 2);
    }

    @Test
    void aToolResultSeenOnlyInTheNextInputIsRecordedOnceWithItsErrorFlag() {
        RunCapture capture = new RunCapture(CaptureSettings.defaults());
        capture.modelCall(trace, firstCall());
        Message failedResult = Message.builder(Role.TOOL).content("boom")
                .toolResponse(new ToolResponse("call_2", "stock", Map.of(), "boom", "boom", Map.of())).build();
        ModelCall second = secondCall(List.of(toolMessage("call_1", "weather", "sunny"), failedResult));

        capture.modelCall(trace, second);
        capture.modelCall(trace, second);

        assertThat(trace.events()).filteredOn(event -> event.eventType().equals("tool.result")).hasSize(2)
                .extracting(event -> event.properties().get("status")).containsExactly("success", "error");
        assertThat(CapturedTrajectories.of(trace, RunOutcome.SUCCESS, null).metrics().numToolFailures()).isEqualTo(1);
    }

    @Test
    void aRunSettlesOnlyOnceACallThatStartedIsRecorded() throws Exception {
        RunCapture capture = new RunCapture(CaptureSettings.defaults());
        capture.modelCallStarted(trace);

        CompletableFuture<Void> settled = CapturedTrajectories.settled(trace).toFuture();

        assertThat(CapturedTrajectories.hasSteps(trace)).isTrue();
        Thread.sleep(100);
        assertThat(settled).isNotDone();
        capture.modelCall(trace, firstCall());
        settled.get(1, TimeUnit.SECONDS);
        assertThat(CapturedTrajectories.settled(trace).toFuture()).isDone();
    }

    @Test
    void aRunWithoutCapturedCallsFallsBackToTheSummaryTrajectory() {
        Trajectory trajectory = CapturedTrajectories.of(trace, RunOutcome.ERROR, null);

        assertThat(CapturedTrajectories.hasSteps(trace)).isFalse();
        assertThat(trajectory.steps()).isEmpty();
        assertThat(trajectory.executionMetrics().terminationReason()).isEqualTo(TerminationReason.ERROR);
    }

    private void roundTrip(RunCapture capture) {
        capture.modelCall(trace, firstCall());
        capture.toolRun(trace, new ToolRun("call_1", "weather", Map.of("city", "Paris"), "sunny", null, null,
                Duration.ofMillis(30)));
        capture.toolRun(trace, new ToolRun("call_2", "stock", Map.of("sku", "A-1"), "out of stock service",
                "out of stock service", "java.lang.IllegalStateException", Duration.ofMillis(40)));
        capture.modelCall(trace, secondCall(List.of(toolMessage("call_1", "weather", "sunny"),
                toolMessage("call_2", "stock", "out of stock service"))));
    }

    private static ModelCall firstCall() {
        Message answer = Message.builder(Role.ASSISTANT)
                .toolCalls(List.of(new ToolCall("weather", Map.of("city", "Paris"), "call_1"),
                        new ToolCall("stock", Map.of("sku", "A-1"), "call_2")))
                .usage(Map.of("input_tokens", 50L, "output_tokens", 20L, "total_tokens", 70L))
                .finishReason("tool_calls")
                .build();
        return new ModelCall("openai", "gpt-test", List.of(Message.of(Role.SYSTEM, "You help."),
                Message.of(Role.USER, "Weather in Paris and stock of A-1?")), answer, List.of(WEATHER, STOCK),
                Duration.ofMillis(300), false);
    }

    private static ModelCall secondCall(List<Message> toolMessages) {
        Message assistant = Message.builder(Role.ASSISTANT)
                .toolCalls(List.of(new ToolCall("weather", Map.of("city", "Paris"), "call_1"),
                        new ToolCall("stock", Map.of("sku", "A-1"), "call_2")))
                .build();
        List<Message> input = new ArrayList<>(List.of(Message.of(Role.SYSTEM, "You help."),
                Message.of(Role.USER, "Weather in Paris and stock of A-1?"), assistant));
        input.addAll(toolMessages);
        Message answer = Message.builder(Role.ASSISTANT).content("Sunny; stock unknown.")
                .usage(Map.of("input_tokens", 100L, "output_tokens", 10L, "total_tokens", 110L))
                .finishReason("stop")
                .build();
        return new ModelCall("openai", "gpt-test", input, answer, List.of(WEATHER, STOCK), Duration.ofMillis(200),
                false);
    }

    private static Message toolMessage(String id, String name, String text) {
        return Message.builder(Role.TOOL).content(text)
                .toolResponse(new ToolResponse(id, name, Map.of(), text, null, Map.of())).build();
    }
}
