package dev.trajectory.autoconfigure.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.trajectory.tracking.QueueFigures;
import dev.trajectory.client.ClientSignals;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.RunTrajectories;
import dev.trajectory.trace.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "trajectory.api-key=tk_actuator_secret_123", "spring.main.web-application-type=servlet",
                "management.endpoints.web.exposure.include=trajectory,health",
                "management.endpoint.health.show-details=always" })
class TrajectoryActuatorTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("trajectory.base-url", server::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    TelemetryClient client;

    @Test
    void theTrajectoryEndpointShowsStatusButNeverTheKey() throws Exception {
        HttpResponse<String> response = get("/actuator/trajectory");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"initialized\":true", "\"endpoint\":\"" + server.baseUrl())
                .doesNotContain("tk_actuator_secret_123");
    }

    @Test
    void healthIsDownWithTheReasonOnceTheBackendRejectsTheKey() throws Exception {
        server.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(403)));
        TraceContext trace = client.signals().traces().newTrace().build();
        client.uploadTrace(trace, RunTrajectories.of(trace, RunOutcome.SUCCESS, null));

        HttpResponse<String> health = get("/actuator/health/trajectory");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN", "rejected the API key").doesNotContain("tk_actuator_secret_123");
        assertThat(get("/actuator/trajectory").body()).contains("\"credentialsRejected\":true")
                .doesNotContain("tk_actuator_secret_123");
    }

    @Test
    void healthGoesDownOnlyWhenTheQueueStaysFullPastTheGracePeriod() {
        TelemetryClient standalone = TelemetryClient.disabled("test", "sdk");
        ClientSignals signals = ClientSignals.builder().build();
        standalone.setSignals(signals);
        AtomicReference<Integer> size = new AtomicReference<>(10);
        signals.setQueueFigures(new QueueFigures() {
            @Override
            public int size() {
                return size.get();
            }

            @Override
            public int capacity() {
                return 10;
            }

            @Override
            public long dropped() {
                return 0;
            }
        });
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        TrajectoryHealthIndicator indicator = new TrajectoryHealthIndicator(standalone, clock);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        now.set(now.get().plus(Duration.ofSeconds(31)));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        size.set(3);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
