package dev.trajectory.autoconfigure.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.trajectory.json.TrajectoryJson;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

/** The traces ({@code POST /v1/traces}: a trajectory with its events) a WireMock ingest backend received. */
public final class UploadedTraces {

    private UploadedTraces() {
    }

    /** Makes the stub accept every trace upload and event push. */
    public static void accept(WireMockExtension server) {
        server.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)));
    }

    public static List<JsonNode> all(WireMockExtension server) {
        List<JsonNode> traces = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo("/v1/traces")))) {
            traces.add(TrajectoryJson.mapper().readTree(request.getBody()));
        }
        return traces;
    }

    /** Waits up to ten seconds for a trace upload and returns the only one. */
    public static JsonNode awaitOne(WireMockExtension server) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !all(server).isEmpty());
        List<JsonNode> traces = all(server);
        if (traces.size() != 1) {
            throw new AssertionError("expected one trace upload but got " + traces.size());
        }
        return traces.get(0);
    }

    /** Checks for a while that no trace upload arrives. */
    public static void assertNoneArrives(WireMockExtension server) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> all(server).isEmpty());
    }

    public static List<String> roles(JsonNode step) {
        return texts(step.get("messages"), "role");
    }

    public static List<String> toolCallIds(JsonNode message) {
        return texts(message.get("tool_calls"), "id");
    }

    public static List<String> names(JsonNode nodes) {
        return texts(nodes, "name");
    }

    public static List<String> eventTypes(JsonNode trace) {
        return texts(trace.get("events"), "event_type");
    }

    public static List<JsonNode> events(JsonNode trace, String eventType) {
        List<JsonNode> events = new ArrayList<>();
        trace.get("events").forEach(event -> {
            if (event.get("event_type").asString().equals(eventType)) {
                events.add(event);
            }
        });
        return events;
    }

    private static List<String> texts(JsonNode nodes, String field) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.get(field).asString()));
        return texts;
    }
}
