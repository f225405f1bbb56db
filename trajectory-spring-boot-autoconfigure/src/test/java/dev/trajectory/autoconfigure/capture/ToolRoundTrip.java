package dev.trajectory.autoconfigure.capture;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every framework's upload of {@link OpenAiStub#toolRoundTrip} must hold: two steps, the tool calls paired with
 * their responses by id, the failed {@code stock} call counted, usage totals and metrics.
 */
public final class ToolRoundTrip {

    private ToolRoundTrip() {
    }

    /** Checks the uploaded trace (trajectory and events) of one agent run that made the round trip. */
    public static void assertUploaded(JsonNode trace) {
        JsonNode trajectory = trace.get("trajectory");
        JsonNode steps = trajectory.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(UploadedTraces.roles(steps.get(0))).containsExactly("system", "user", "assistant");
        JsonNode firstAnswer = steps.get(0).get("messages").get(2);
        assertThat(UploadedTraces.toolCallIds(firstAnswer)).containsExactly("call_weather", "call_stock");
        assertThat(firstAnswer.get("tool_calls").get(0).get("arguments").get("city").asString()).isEqualTo("Paris");
        // frameworks list a class's tools in reflection order, which the JVM does not fix
        assertThat(UploadedTraces.names(firstAnswer.get("tool_definitions"))).containsExactlyInAnyOrder("weather",
                "stock");
        assertThat(firstAnswer.get("usage").get("input_tokens").asLong()).isEqualTo(50);
        assertThat(firstAnswer.get("usage").get("output_tokens").asLong()).isEqualTo(20);
        assertThat(firstAnswer.get("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(steps.get(0).get("info").get("model").asString()).isEqualTo(OpenAiStub.MODEL);

        JsonNode last = steps.get(1).get("messages");
        assertThat(UploadedTraces.roles(steps.get(1))).containsExactly("system", "user", "assistant", "tool", "tool",
                "assistant");
        JsonNode weather = last.get(3).get("tool_response");
        JsonNode stock = last.get(4).get("tool_response");
        assertThat(weather.get("id").asString()).isEqualTo("call_weather");
        assertThat(weather.get("response").asString()).contains("sunny");
        assertThat(weather.has("error")).isFalse();
        assertThat(stock.get("id").asString()).isEqualTo("call_stock");
        assertThat(stock.get("error").asString()).contains("inventory service down");
        assertThat(stock.get("metadata").has("duration_ms")).isTrue();
        assertThat(last.get(5).get("content").asString()).isEqualTo(OpenAiStub.FINAL_ANSWER);

        JsonNode metrics = trajectory.get("metrics");
        assertThat(metrics.get("steps").asInt()).isEqualTo(2);
        assertThat(metrics.get("num_tool_calls").asInt()).isEqualTo(2);
        assertThat(metrics.get("num_tool_failures").asInt()).isEqualTo(1);
        assertThat(metrics.get("tool_error_rate").asDouble()).isEqualTo(0.5);
        assertThat(metrics.get("tokens_generated").asLong()).isEqualTo(30);
        assertThat(trajectory.get("task").get("total_tokens").asLong()).isEqualTo(180);
        assertThat(trajectory.get("telemetry").get("data").get("usage").get("input_tokens").asLong()).isEqualTo(150);
        JsonNode execution = trajectory.get("execution_metrics");
        assertThat(execution.get("llm_time").asDouble()).isPositive();
        assertThat(execution.get("env_time").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(execution.get("total_time").asDouble()).isGreaterThanOrEqualTo(execution.get("llm_time").asDouble());
        assertThat(execution.get("termination_reason").asString()).isEqualTo("ENV_DONE");

        assertThat(UploadedTraces.eventTypes(trace)).containsSubsequence("agent.run.start", "llm.call", "tool.call",
                "tool.call", "tool.result", "tool.result", "llm.call", "agent.run.end");
        assertThat(UploadedTraces.events(trace, "tool.result"))
                .extracting(event -> event.get("properties").get("status").asString())
                .containsExactly("success", "error");
        assertThat(trace.toString()).doesNotContain(OpenAiStub.OPENAI_KEY);
    }

    /** Checks an upload made with {@code trajectory.capture.content=false}: structure and counts, no text. */
    public static void assertUploadedWithoutContent(JsonNode trajectory) {
        JsonNode last = trajectory.get("steps").get(1).get("messages");
        for (JsonNode message : last) {
            assertThat(message.has("content")).isFalse();
        }
        assertThat(UploadedTraces.toolCallIds(last.get(2))).containsExactly("call_weather", "call_stock");
        assertThat(last.get(4).get("tool_response").get("id").asString()).isEqualTo("call_stock");
        assertThat(trajectory.get("metrics").get("num_tool_failures").asInt()).isEqualTo(1);
        assertThat(trajectory.get("task").get("total_tokens").asLong()).isEqualTo(180);
        assertThat(trajectory.toString()).doesNotContain("Paris", "sunny", "inventory service down",
                OpenAiStub.FINAL_ANSWER);
    }
}
