package dev.trajectory.autoconfigure.web.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.trajectory.autoconfigure.BackendEvents;
import dev.trajectory.autoconfigure.web.SensitiveHeaders;
import dev.trajectory.trace.TraceAgentRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "trajectory.api-key=tk_test", "spring.main.web-application-type=reactive" })
class ReactiveRequestEventsTests {

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
    void aDelayedResponseIsRecordedWhenItCompletes() throws Exception {
        assertThat(get("/async/5").body()).isEqualTo("later 5");

        JsonNode properties = BackendEvents.awaitFirst(server, "http.request").get("properties");
        assertThat(properties.get("route").asString()).isEqualTo("/async/{id}");
        assertThat(properties.get("status").asInt()).isEqualTo(200);
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

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Agent agent() {
            return new Agent();
        }

        @Bean
        Endpoints endpoints(Agent agent) {
            return new Endpoints(agent);
        }
    }

    static class Agent {

        @TraceAgentRun
        public Mono<String> run() {
            return Mono.just("answered");
        }
    }

    @RestController
    static class Endpoints {

        private final Agent agent;

        Endpoints(Agent agent) {
            this.agent = agent;
        }

        @GetMapping("/orders/{id}")
        Mono<String> order(@PathVariable String id) {
            return Mono.just("order " + id);
        }

        @GetMapping("/async/{id}")
        Mono<String> later(@PathVariable String id) {
            return Mono.just("later " + id).delayElement(Duration.ofMillis(20));
        }

        @GetMapping("/boom")
        Mono<String> boom() {
            return Mono.error(new IllegalStateException("handler failed"));
        }

        @GetMapping("/actuator/ping")
        Mono<String> ping() {
            return Mono.just("pong");
        }

        @GetMapping("/agent")
        Mono<String> agent() {
            return agent.run();
        }
    }
}
