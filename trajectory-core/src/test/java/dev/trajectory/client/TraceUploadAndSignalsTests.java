package dev.trajectory.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.push.PushSettings;
import dev.trajectory.push.TraceUploadResult;
import dev.trajectory.signals.MetricType;
import dev.trajectory.signals.Severity;
import dev.trajectory.signals.SpanKind;
import dev.trajectory.signals.SpanScope;
import dev.trajectory.testing.TestClients;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.RunTrajectories;
import dev.trajectory.trace.TraceContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class TraceUploadAndSignalsTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final PushSettings fastRetries = new PushSettings(100, 2, PushSettings.DEFAULT_MAX_REQUEST_BYTES,
            PushSettings.DEFAULT_MAX_EVENT_BYTES, Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(50));

    @TempDir
    Path configDir;

    private final List<TelemetryClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TelemetryClient::close);
    }

    private TelemetryClient client() {
        TelemetryClient client = TestClients.isolated(configDir).apiKey("tk_upload_secret")
                .baseUrl(server.baseUrl()).pushSettings(fastRetries).build();
        clients.add(client);
        return client;
    }

    @Test
    void uploadTraceSendsTheTrajectoryAndItsEventsInOneRequest() {
        server.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(201)));
        TelemetryClient client = client();
        TraceUploadResult result;
        try (TraceContext trace = client.startTrace("s-1", "u-1")) {
            trace.event("tool.call", Map.of("tool", "search"));
            trace.event("user.accept", Map.of());
            result = client.uploadTrace(trace, RunTrajectories.of(trace, RunOutcome.SUCCESS, null));
        }

        assertThat(result.uploaded()).isTrue();
        assertThat(result.events()).isEqualTo(2);
        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/v1/traces"))).get(0);
        JsonNode body = TrajectoryJson.mapper().readTree(request.getBody());
        assertThat(body.get("trajectory").get("task").get("conversation_id").asString()).isEqualTo("s-1");
        assertThat(body.get("events")).hasSize(2);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer tk_upload_secret");
        assertThat(request.getHeader("Idempotency-Key")).hasSize(64);
    }

    @Test
    void aFailedUploadIsRetriedWithTheSameIdempotencyKey() {
        server.stubFor(post(urlEqualTo("/v1/traces")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo("/v1/traces")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        TelemetryClient client = client();
        TraceContext trace = client.signals().traces().newTrace().build();
        trace.event("tool.call", Map.of());

        TraceUploadResult result = client.uploadTrace(trace, RunTrajectories.of(trace, RunOutcome.SUCCESS, null));

        assertThat(result.uploaded()).isTrue();
        List<LoggedRequest> attempts = server.findAll(postRequestedFor(urlEqualTo("/v1/traces")));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).getHeader("Idempotency-Key")).isEqualTo(attempts.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void aRejectedKeyIsNotRetriedAndShowsInTheStatusWithoutTheKey() {
        server.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(401)));
        TelemetryClient client = client();
        TraceContext trace = client.signals().traces().newTrace().build();

        TraceUploadResult result = client.uploadTrace(trace, RunTrajectories.of(trace, RunOutcome.ERROR, null));

        assertThat(result.uploaded()).isFalse();
        server.verify(1, postRequestedFor(urlEqualTo("/v1/traces")));
        ClientStatus status = client.getStatus();
        assertThat(status.credentialsRejected()).isTrue();
        assertThat(status.toString()).doesNotContain("tk_upload_secret").contains(server.baseUrl());
    }

    @Test
    void metricsGoToTheApplicationsMeterRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TelemetryClient client = TelemetryClient.disabled("test", "sdk");
        client.setSignals(ClientSignals.builder().meterRegistry(registry).build());

        client.incrementCounter("agent.tool.calls", 2, Map.of("tool", "search"));
        client.recordGauge("agent.queue.depth", 7, Map.of());
        client.recordGauge("agent.queue.depth", 3, Map.of());
        client.recordHistogram("agent.tokens", 120, "tokens", Map.of("model", "small"));
        client.recordMetric("agent.tool.calls", 1, MetricType.COUNTER, null, Map.of("tool", "search"));

        assertThat(registry.get("agent.tool.calls").tag("tool", "search").counter().count()).isEqualTo(3);
        assertThat(registry.get("agent.queue.depth").gauge().value()).isEqualTo(3);
        assertThat(registry.get("agent.tokens").summary().totalAmount()).isEqualTo(120);
        assertThat(client.getStatus().metricsRecorded()).isEqualTo(5);
    }

    @Test
    void logsAndSpansAreRecordedInTheCurrentTrace() {
        TelemetryClient client = TelemetryClient.disabled("test", "sdk");
        client.setSignals(ClientSignals.builder().observationRegistry(ObservationRegistry.create()).build());

        try (TraceContext trace = client.startTrace()) {
            client.log("retrieval finished", Severity.WARN, Map.of("documents", 3));
            try (SpanScope span = client.span("retrieve", SpanKind.CLIENT, Map.of("index", "docs"))) {
                span.error(new IllegalStateException("partial"));
            }
            String id = client.startSpan("generate", SpanKind.INTERNAL, Map.of());
            client.addSpanEvent(id, "first.token", Map.of());
            client.endSpan(id, null);

            assertThat(trace.events()).extracting(event -> event.eventType())
                    .containsExactly("log.record", "span.end", "span.event", "span.end");
            assertThat(trace.events().get(0).properties()).containsEntry("severity", "warn")
                    .containsEntry("documents", 3);
            assertThat(trace.events().get(1).properties()).containsEntry("kind", "client")
                    .containsEntry("error_type", "java.lang.IllegalStateException");
        }
        assertThat(client.getStatus().spansRecorded()).isEqualTo(2);
    }
}
