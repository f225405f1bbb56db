package dev.trajectory.push;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.trajectory.Trajectories;
import dev.trajectory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class TrajectoryUploaderTests {

    @RegisterExtension
    static WireMockExtension backend = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final TrajectoryUploader uploader = new TrajectoryUploader(WebClient.builder().build(),
            new IngestEndpoint(URI.create(backend.baseUrl()), ApiKey.of("tk_secret"), "proj-1"),
            new PushSettings(1000, 2, PushSettings.DEFAULT_MAX_REQUEST_BYTES, PushSettings.DEFAULT_MAX_EVENT_BYTES,
                    Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(20)),
            TrajectoryJson.mapper(), 2);

    private final List<Trajectory> three = List.of(Trajectories.full("a"), Trajectories.full("b"),
            Trajectories.full("c"));

    @Test
    void uploadsInChunksToTheDatasetWithStableIds() {
        backend.stubFor(post(urlPathEqualTo("/v1/trajectories")).willReturn(okJson("{\"accepted\":2}")));

        StepVerifier.create(uploader.upload(three, "support-evals"))
                .assertNext(result -> {
                    assertThat(result.isComplete()).isTrue();
                    assertThat(result.delivered()).containsExactly("t-a", "t-b", "t-c");
                })
                .verifyComplete();

        List<LoggedRequest> requests = backend.findAll(postRequestedFor(urlPathEqualTo("/v1/trajectories")));
        assertThat(requests).hasSize(2);
        JsonNode first = TrajectoryJson.mapper().readTree(requests.get(0).getBodyAsString());
        assertThat(first.get("dataset").asString()).isEqualTo("support-evals");
        assertThat(first.get("trajectories")).hasSize(2);
        assertThat(first.at("/trajectories/1/task/id").asString()).isEqualTo("t-b");
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer tk_secret");
        assertThat(requests.get(0).getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(requests.get(0).getHeader("Idempotency-Key")).isNotEqualTo(requests.get(1).getHeader(
                "Idempotency-Key"));
    }

    @Test
    void aRetrySendsTheSameIdempotencyKeyAndTheSameDatasetLaterGetsItToo() {
        backend.stubFor(post(urlPathEqualTo("/v1/trajectories")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        backend.stubFor(post(urlPathEqualTo("/v1/trajectories")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"accepted\":1}")));
        List<Trajectory> one = List.of(Trajectories.full("a"));

        UploadResult result = uploader.upload(one, "ds").block();
        uploader.upload(one, "ds").block();
        uploader.upload(one, "other-ds").block();

        assertThat(result.delivered()).containsExactly("t-a");
        List<String> keys = backend.findAll(postRequestedFor(urlPathEqualTo("/v1/trajectories"))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).toList();
        assertThat(keys).hasSize(4);
        assertThat(Set.copyOf(keys.subList(0, 3))).hasSize(1);
        assertThat(keys.get(3)).isNotEqualTo(keys.get(0));
    }

    @Test
    void theResultNamesRejectedAndUndeliveredTrajectories() {
        backend.stubFor(post(urlPathEqualTo("/v1/trajectories")).inScenario("mixed").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"accepted\":1,\"duplicates\":0,\"rejected\":[{\"id\":\"t-b\",\"reason\":\"no steps\"}]}"))
                .willSetStateTo("broken"));
        backend.stubFor(post(urlPathEqualTo("/v1/trajectories")).inScenario("mixed").whenScenarioStateIs("broken")
                .willReturn(aResponse().withStatus(400).withBody("dataset is archived")));

        UploadResult result = uploader.upload(three, "ds").block();

        assertThat(result.delivered()).containsExactly("t-a");
        assertThat(result.failures()).extracting(UploadResult.Failure::trajectoryId).containsExactly("t-b", "t-c");
        assertThat(result.failures().get(0).reason()).isEqualTo("rejected by the backend: no steps");
        assertThat(result.failures().get(1).reason()).isEqualTo("not delivered: HTTP 400: dataset is archived");
    }

    @Test
    void aRejectedKeyStopsTheUploadAndIsNeverPrinted() {
        backend.stubFor(post(urlPathEqualTo("/v1/trajectories")).willReturn(aResponse().withStatus(401)));

        UploadResult result = uploader.upload(three, "ds").block();

        assertThat(result.delivered()).isEmpty();
        assertThat(result.failures()).hasSize(3);
        assertThat(result.failures().get(2).reason()).contains("rejected earlier");
        assertThat(result.toString()).doesNotContain("tk_secret");
        backend.verify(1, postRequestedFor(urlPathEqualTo("/v1/trajectories")).withHeader("X-Trajectory-Project",
                equalTo("proj-1")));
    }

    @Test
    void aTrajectoryWithoutTaskIdIsSentUnderAHashOfItsContentAndRepeatsAreRefused() {
        backend.stubFor(post(urlPathEqualTo("/v1/trajectories")).willReturn(okJson("{\"accepted\":1}")));
        Trajectory anonymous = Trajectories.full("x").withTask(Trajectories.full("x").task().withId(""));

        UploadResult result = uploader.upload(List.of(anonymous, anonymous), "ds").block();

        String id = uploader.idOf(anonymous);
        assertThat(id).hasSize(64).isEqualTo(uploader.idOf(Trajectories.full("x").withTask(
                Trajectories.full("x").task().withId(""))));
        assertThat(result.delivered()).containsExactly(id);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.index()).isEqualTo(1);
            assertThat(failure.reason()).contains("repeats");
        });
        assertThat(result.failures().stream().map(UploadResult.Failure::trajectoryId).collect(Collectors.toList()))
                .containsExactly(id);
    }
}
