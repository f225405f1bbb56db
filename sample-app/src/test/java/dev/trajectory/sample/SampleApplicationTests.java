package dev.trajectory.sample;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.trajectory.json.TrajectoryJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.trajectory.sample.RunningSample.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The sample over real HTTP, in local mode: what it answers and what lands in its local folder. */
class SampleApplicationTests {

    @TempDir
    static Path localDir;

    static RunningSample app;

    @BeforeAll
    static void start() {
        app = RunningSample.start(localDir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String session() {
        return "session-" + UUID.randomUUID();
    }

    @Test
    void aChatIsAnsweredFromTheToolsAndTheRunIsStoredWithItsStepsAndEvents() {
        String session = session();

        JsonNode reply = app.chat(session, "u-42", "Where is my order 1234? And can I get a refund?");

        assertThat(reply.get("session_id").asString()).isEqualTo(session);
        assertThat(reply.get("reply").asString()).contains("Order 1234 is").contains("refund within 30 days");
        JsonNode run = app.awaitStoredRun(reply.get("trace_id").asString());
        JsonNode steps = run.get("trajectory").get("steps");
        assertThat(steps).hasSize(2);
        JsonNode lastMessages = steps.get(1).get("messages");
        assertThat(lastMessages.get(lastMessages.size() - 1).get("content").asString())
                .isEqualTo(reply.get("reply").asString());
        assertThat(run.get("trajectory").get("task").get("conversation_id").asString()).isEqualTo(session);
        assertThat(run.get("trajectory").get("metrics").get("num_tool_calls").asInt()).isEqualTo(2);
        assertThat(run.get("events").valueStream().map(event -> event.get("event_type").asString()).toList())
                .containsExactly("agent.run.start", "llm.call", "tool.call", "tool.call", "llm.call", "agent.run.end");
        assertThat(run.get("events").valueStream().map(event -> event.get("user_id").asString()).distinct())
                .containsExactly("u-42");
    }

    @Test
    void aFailingOrderLookupIsEscalatedAndRecordedAsAToolError() {
        String session = session();

        JsonNode reply = app.chat(session, "u-7", "Where is order 9001?");

        String traceId = reply.get("trace_id").asString();
        assertThat(reply.get("reply").asString()).contains("could not reach the order system for order 9001");
        JsonNode run = app.awaitStoredRun(traceId);
        assertThat(run.get("trajectory").get("metrics").get("num_tool_failures").asInt()).isEqualTo(1);
        JsonNode failed = app.awaitEvent(event -> event.get("event_type").asString().equals("support.tool_failed")
                && event.get("session_id").asString().equals(session), "the tracked support.tool_failed event");
        assertThat(failed.get("trace_id").asString()).isEqualTo(traceId);
        assertThat(failed.get("properties").get("tool").asString()).isEqualTo("order_lookup");
    }

    @Test
    void theChatRequestItselfIsRecordedWithTheRunsTraceId() {
        JsonNode reply = app.chat(session(), "u-1", "Hello");
        String traceId = reply.get("trace_id").asString();

        JsonNode request = app.awaitEvent(event -> event.get("event_type").asString().equals("http.request")
                && traceId.equals(event.get("trace_id").asString()), "the http.request event of the chat");

        assertThat(request.get("properties").get("route").asString()).isEqualTo("/chat");
        assertThat(request.get("properties").get("status").asInt()).isEqualTo(200);
    }

    @Test
    void feedbackIsRecordedAsUserRejectWithTheRunsTraceId() {
        String session = session();
        String traceId = app.chat(session, "u-9", "Where is order 1234?").get("trace_id").asString();

        HttpResponse<String> response = app.post("/feedback",
                json("session_id", session, "user_id", "u-9", "trace_id", traceId, "accepted", false));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode reject = app.awaitEvent(event -> event.get("event_type").asString().equals("user.reject")
                && event.get("session_id").asString().equals(session), "the user.reject event");
        assertThat(reject.get("trace_id").asString()).isEqualTo(traceId);
        assertThat(reject.get("user_id").asString()).isEqualTo("u-9");
    }

    @Test
    void aBlankMessageIsRefusedWithoutARun() {
        HttpResponse<String> response = app.post("/chat", json("session_id", "s", "message", " "));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void theConsoleListsTheRunWithItsToolErrors() {
        String session = session();
        String traceId = app.chat(session, "u-3", "Is order 9123 on its way?").get("trace_id").asString();
        app.awaitStoredRun(traceId);

        HttpResponse<String> response = app.get("/trajectory/api/runs?q=" + session);

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> runs = TrajectoryJson.mapper().readTree(response.body()).get("runs")
                .valueStream().toList();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("traceId").asString()).isEqualTo(traceId);
        assertThat(runs.get(0).get("status").asString()).isEqualTo("success");
        assertThat(runs.get(0).get("toolErrors").asInt()).isEqualTo(1);
        assertThat(runs.get(0).get("tokens").asLong()).isPositive();
    }
}
