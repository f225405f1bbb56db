package dev.trajectory.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.push.DeletionResult;
import dev.trajectory.push.PushSettings;
import dev.trajectory.testing.TestClients;
import dev.trajectory.tracking.TrackingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeletionPurgesSpoolTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    @Test
    void aDeletionRequestDiscardsSpooledEventsSoNoneArrivesAfterIt() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(503)));
        server.stubFor(post(urlEqualTo("/v1/deletion-requests")).willReturn(aResponse().withStatus(202)));
        try (TelemetryClient client = TestClients.isolated(dir.resolve("config")).apiKey("tk_test")
                .baseUrl(server.baseUrl())
                .pushSettings(new PushSettings(100, 0, PushSettings.DEFAULT_MAX_REQUEST_BYTES,
                        PushSettings.DEFAULT_MAX_EVENT_BYTES, Duration.ofSeconds(2), Duration.ofMillis(10),
                        Duration.ofMillis(50)))
                .trackingSettings(new TrackingSettings(1_000, 1_000, Duration.ofHours(1), Duration.ofSeconds(5),
                        Duration.ofMinutes(30), 100))
                .spool(SpoolSettings.defaults(dir.resolve("spool")).withReplayInterval(Duration.ofMillis(100)))
                .build()) {
            for (int i = 0; i < 5; i++) {
                client.track("user.click", Map.of("i", i), "u-1");
            }
            client.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> client.spoolHealth().records() == 5);

            DeletionResult result = client.requestDeletion();

            assertThat(result.success()).isTrue();
            assertThat(client.spoolHealth().records()).isZero();
            server.resetRequests();
            server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                    .until(() -> server.findAll(postRequestedFor(urlEqualTo("/v1/events"))).isEmpty());
        }
    }
}
