package dev.trajectory.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.trajectory.json.TrajectoryJson;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

/** The events a WireMock ingest backend received, read back as JSON; WireMock has decoded the gzip encoding. */
public final class BackendEvents {

    private BackendEvents() {
    }

    /** Makes the stub accept every event push. */
    public static void accept(WireMockExtension server) {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)));
    }

    /** Every event received so far, in arrival order. */
    public static List<JsonNode> all(WireMockExtension server) {
        List<JsonNode> events = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo("/v1/events")))) {
            TrajectoryJson.mapper().readTree(request.getBody()).get("events").forEach(events::add);
        }
        return events;
    }

    /** Received events of one type. */
    public static List<JsonNode> ofType(WireMockExtension server, String eventType) {
        return all(server).stream().filter(event -> event.get("event_type").asString().equals(eventType)).toList();
    }

    /** Waits up to ten seconds until the received events satisfy the condition, and returns them. */
    public static List<JsonNode> awaitUntil(WireMockExtension server, Predicate<List<JsonNode>> condition) {
        await().atMost(Duration.ofSeconds(10)).until(() -> condition.test(all(server)));
        return all(server);
    }

    /** Checks for a while that no received event satisfies the condition, so a late arrival is caught too. */
    public static void assertNoneArrives(WireMockExtension server, Predicate<JsonNode> condition) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> all(server).stream().noneMatch(condition));
    }

    /** Waits until an event of the type arrives and returns the first. */
    public static JsonNode awaitFirst(WireMockExtension server, String eventType) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !ofType(server, eventType).isEmpty());
        return ofType(server, eventType).get(0);
    }
}
