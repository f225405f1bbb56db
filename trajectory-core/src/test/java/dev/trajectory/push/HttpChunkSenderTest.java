package dev.trajectory.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.trajectory.json.TrajectoryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.trajectory.push.IngestRequests.answerInTurn;
import static dev.trajectory.push.IngestRequests.eventRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One sender's retries over several chunks: each chunk has its own attempts, and each retry is reported once. */
class HttpChunkSenderTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Throwable> reportedRetries = new CopyOnWriteArrayList<>();

    private HttpChunkSender sender() {
        PushSettings settings = new PushSettings(1000, 3, PushSettings.DEFAULT_MAX_REQUEST_BYTES,
                PushSettings.DEFAULT_MAX_EVENT_BYTES, Duration.ofSeconds(5), Duration.ofMillis(5),
                Duration.ofMillis(50));
        IngestEndpoint endpoint = new IngestEndpoint(URI.create(server.baseUrl()), ApiKey.of("tk_test_key"), null);
        return new HttpChunkSender(WebClient.builder().build(), endpoint, settings, TrajectoryJson.mapper(), false,
                reportedRetries::add);
    }

    private static EventChunk chunk(String eventId) {
        String json = "{\"event_id\":\"" + eventId + "\",\"event_type\":\"user.accept\",\"session_id\":\"s-1\"}";
        return new EventChunk(List.of(new EncodedEvent(0, eventId, json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aChunkThatUsedEveryRetryLeavesTheNextChunkItsOwn() {
        answerInTurn(server, aResponse().withStatus(503), aResponse().withStatus(503), aResponse().withStatus(503),
                aResponse().withStatus(200), aResponse().withStatus(503), aResponse().withStatus(200));
        HttpChunkSender sender = sender();

        IngestResponse first = sender.send(chunk("e-1"), 3).block();
        IngestResponse second = sender.send(chunk("e-2"), 3).block();

        assertThat(first.accepted()).isEqualTo(1);
        assertThat(second.accepted()).isEqualTo(1);
        assertThat(eventRequests(server)).hasSize(6);
        assertThat(reportedRetries).as("retries reported: three for the first chunk, one for the second").hasSize(4)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(IngestHttpException.class));
    }

    @Test
    void theFailureThatEndsTheRetriesIsNotReportedAsARetry() {
        answerInTurn(server, aResponse().withStatus(503));

        assertThatThrownBy(() -> sender().send(chunk("e-1"), 2).block()).hasMessageContaining("HTTP 503");

        assertThat(eventRequests(server)).hasSize(3);
        assertThat(reportedRetries).hasSize(2);
    }

    @Test
    void aFailureThatIsNotRetriedIsNotReported() {
        answerInTurn(server, aResponse().withStatus(400));

        assertThatThrownBy(() -> sender().send(chunk("e-1"), 3).block()).hasMessageContaining("HTTP 400");

        assertThat(eventRequests(server)).hasSize(1);
        assertThat(reportedRetries).isEmpty();
    }
}
