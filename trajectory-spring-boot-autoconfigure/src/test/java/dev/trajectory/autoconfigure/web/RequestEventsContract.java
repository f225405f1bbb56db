package dev.trajectory.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.trajectory.autoconfigure.BackendEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every web stack's request events must do, run against a real server on a random port with WireMock as the
 * backend. A subclass starts an application with the endpoints {@code /orders/{id}}, {@code /async/{id}} (answered
 * later, with {@code later {id}}), {@code /boom} (fails), {@code /actuator/ping} and {@code /agent} (runs a
 * {@code @TraceAgentRun} method).
 */
public abstract class RequestEventsContract {


    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("trajectory.base-url", server::baseUrl);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void acceptEvents() {
        BackendEvents.accept(server);
    }

    @Test
    void aRequestRecordsTheRouteTemplateStatusAndDurationNotTheRawUri() throws Exception {
        assertThat(get("/orders/8812").statusCode()).isEqualTo(200);

        JsonNode event = BackendEvents.awaitFirst(server, "http.request");
        JsonNode properties = event.get("properties");
        assertThat(properties.get("method").asString()).isEqualTo("GET");
        assertThat(properties.get("route").asString()).isEqualTo("/orders/{id}");
        assertThat(properties.get("status").asInt()).isEqualTo(200);
        assertThat(properties.get("duration_ms").asLong()).isNotNegative();
        assertThat(event.get("trace_id").asString()).isNotBlank();
        assertThat(event.toString()).doesNotContain("8812");
    }

    @Test
    void theSessionComesFromTheSessionHeader() throws Exception {
        send(HttpRequest.newBuilder(uri("/orders/1")).header("X-Session-Id", "chat-77").GET().build());

        assertThat(BackendEvents.awaitFirst(server, "http.request").get("session_id").asString()).isEqualTo("chat-77");
    }

    @Test
    void anEscapedExceptionRecordsItsTypeAndA500() throws Exception {
        assertThat(get("/boom").statusCode()).isEqualTo(500);

        JsonNode properties = BackendEvents.awaitFirst(server, "http.request").get("properties");
        assertThat(properties.get("status").asInt()).isEqualTo(500);
        assertThat(properties.get("error_type").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(properties.get("route").asString()).isEqualTo("/boom");
    }

    @Test
    void aDeferredResponseIsRecordedWhenItCompletes() throws Exception {
        assertThat(get("/async/5").body()).isEqualTo("later 5");

        JsonNode properties = BackendEvents.awaitFirst(server, "http.request").get("properties");
        assertThat(properties.get("route").asString()).isEqualTo("/async/{id}");
        assertThat(properties.get("status").asInt()).isEqualTo(200);
    }

    @Test
    void aDeferredOrFailedRequestIsRecordedOnceNotOncePerDispatch() throws Exception {
        get("/async/6");
        get("/boom");

        BackendEvents.awaitUntil(server,
                events -> recorded(events, "/async/{id}") == 1 && recorded(events, "/boom") == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> {
            List<JsonNode> events = BackendEvents.all(server);
            return recorded(events, "/async/{id}") == 1 && recorded(events, "/boom") == 1;
        });
    }

    @Test
    void excludedPathsRecordNothing() throws Exception {
        assertThat(get("/actuator/ping").statusCode()).isEqualTo(200);
        get("/orders/2");

        BackendEvents.awaitFirst(server, "http.request");
        BackendEvents.assertNoneArrives(server,
                event -> event.get("properties").path("route").asString("").startsWith("/actuator"));
    }

    @Test
    void anAgentRunInsideTheRequestCarriesTheRequestsTraceId() throws Exception {
        get("/agent");

        JsonNode request = BackendEvents.awaitFirst(server, "http.request");
        JsonNode run = BackendEvents.awaitFirst(server, "agent.run.end");
        assertThat(run.get("trace_id").asString()).isEqualTo(request.get("trace_id").asString());
    }

    @Test
    void noSensitiveHeaderValueIsRecorded() throws Exception {
        send(HttpRequest.newBuilder(uri("/agent"))
                .header("Authorization", SensitiveHeaders.AUTHORIZATION)
                .header("Cookie", SensitiveHeaders.COOKIE)
                .header("X-Api-Key", SensitiveHeaders.API_KEY)
                .GET().build());

        BackendEvents.awaitFirst(server, "http.request");
        BackendEvents.awaitFirst(server, "agent.run.end");
        String recorded = BackendEvents.all(server).toString();
        assertThat(SensitiveHeaders.values()).allSatisfy(secret -> assertThat(recorded).doesNotContain(secret));
    }

    /** How many http.request events of the route are among the events. */
    private static long recorded(List<JsonNode> events, String route) {
        return events.stream()
                .filter(event -> event.get("event_type").asString().equals("http.request"))
                .filter(event -> event.get("properties").path("route").asString("").equals(route))
                .count();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
