package dev.trajectory.langsmith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.trajectory.client.TrajectoryClient;
import dev.trajectory.json.TrajectoryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkExportClientTests {

    private static final String PROJECT_ID = "9a1c2b3d-0000-4000-8000-000000000001";

    private static final String EXPORT = "/api/v1/bulk-exports/e-1";

    private static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @RegisterExtension
    static WireMockExtension langsmith = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final JsonMapper mapper = TrajectoryJson.mapper();

    private LangSmithSettings settings(String destinationId) {
        return LangSmithSettings.builder()
                .environment(Map.of())
                .endpoint(langsmith.baseUrl() + "/api/v1")
                .apiKey("lsv2_pt_secret")
                .workspaceId("ws-7")
                .project(PROJECT_ID)
                .destinationId(destinationId)
                .throttle(1000, Duration.ofSeconds(1))
                .retries(2, Duration.ofMillis(5), Duration.ofMillis(20))
                .build();
    }

    private BulkExportClient exports(String destinationId) {
        return new BulkExportClient(new LangSmithClient(WebClient.builder(), settings(destinationId), mapper), mapper,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private BulkImportRequest request() {
        return BulkImportRequest.liveExport(SINCE).withPolling(Duration.ofMillis(10), Duration.ofSeconds(5));
    }

    @Test
    void aLiveExportIsStartedPolledWhateverTheStatusCaseAndReportsWhereTheFilesAre() {
        stubStart("Created");
        stubStatuses("RUNNING", "Running", "completed");
        langsmith.stubFor(get("/api/v1/bulk-exports/destinations/dest-1").willReturn(okJson("""
                {"id": "dest-1", "destination_type": "s3",
                 "config": {"bucket_name": "agent-traces", "prefix": "/langsmith/exports/"}}""")));
        TrajectoryClient client = TrajectoryClient.builder().langSmith(settings("dest-1")).build();

        BulkImportResult result = client.importBulk(request(), ImportProgress.none());

        assertThat(result.trajectories()).isEmpty();
        BulkExport export = result.export();
        assertThat(export.isCompleted()).isTrue();
        assertThat(export.location()).isEqualTo("s3://agent-traces/langsmith/exports/export_id=e-1/tenant_id=ws-7/"
                + "session_id=" + PROJECT_ID + "/");
        langsmith.verify(postRequestedFor(urlPathEqualTo("/api/v1/bulk-exports"))
                .withHeader("x-api-key", equalTo("lsv2_pt_secret"))
                .withHeader("X-Tenant-Id", equalTo("ws-7"))
                .withRequestBody(matchingJsonPath("$.bulk_export_destination_id", equalTo("dest-1")))
                .withRequestBody(matchingJsonPath("$.session_id", equalTo(PROJECT_ID)))
                .withRequestBody(matchingJsonPath("$.start_time", equalTo("2026-11-01T00:00:00Z"))));
        langsmith.verify(3, getRequestedFor(urlPathEqualTo(EXPORT)));
    }

    @Test
    void theEndTimeIsNowUnlessGiven() {
        stubStart("CREATED");

        exports("dest-1").start(SINCE, null).block();
        exports("dest-1").start(SINCE, Instant.parse("2026-11-02T00:00:00Z")).block();

        langsmith.verify(postRequestedFor(urlPathEqualTo("/api/v1/bulk-exports"))
                .withRequestBody(matchingJsonPath("$.end_time", equalTo("2026-11-21T12:00:00Z"))));
        langsmith.verify(postRequestedFor(urlPathEqualTo("/api/v1/bulk-exports"))
                .withRequestBody(matchingJsonPath("$.end_time", equalTo("2026-11-02T00:00:00Z"))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "FAILED", "Failed", "cancelled", "TIMEDOUT", "timed_out" })
    void anExportThatEndsWithoutItsFilesFailsNamingTheExportTheStatusAndTheReason(String status) {
        stubStart("CREATED");
        stubStatuses("running", status);

        assertThatThrownBy(() -> new BulkImporter(exports("dest-1"), new ConversationTransformer(mapper), mapper)
                .export(request()).block())
                .isInstanceOf(BulkImportException.class)
                .hasMessage("LangSmith bulk export e-1 ended with status " + status + ": destination bucket not found");
    }

    @Test
    void anExportStillRunningAtTheTimeoutFailsNamingItsLastStatus() {
        stubStart("CREATED");
        stubStatuses("RUNNING");

        assertThatThrownBy(() -> new BulkImporter(exports("dest-1"), new ConversationTransformer(mapper), mapper)
                .export(request().withPolling(Duration.ofMillis(10), Duration.ofSeconds(1))).block())
                .isInstanceOf(BulkImportException.class)
                .hasMessageContaining("LangSmith bulk export e-1 did not finish within PT1S (last status RUNNING)")
                .hasMessageContaining("it may still complete");
        assertThat(langsmith.findAll(getRequestedFor(urlPathEqualTo(EXPORT)))).isNotEmpty();
    }

    @Test
    void aDestinationThatCannotBeReadStillReportsThePathUnderIt() {
        stubStart("CREATED");
        stubStatuses("COMPLETED");
        langsmith.stubFor(get("/api/v1/bulk-exports/destinations/dest-1").willReturn(notFound()));

        BulkExport export = new BulkImporter(exports("dest-1"), new ConversationTransformer(mapper), mapper)
                .export(request()).block();

        assertThat(export.location()).isEqualTo("bucket of destination dest-1, under export_id=e-1/tenant_id=ws-7/"
                + "session_id=" + PROJECT_ID + "/");
    }

    @Test
    void aLiveExportNeedsADestinationAndAStartTime() {
        BulkImporter importer = new BulkImporter(exports(null), new ConversationTransformer(mapper), mapper);

        assertThatThrownBy(() -> importer.export(request()).block())
                .hasMessageContaining("trajectory.langsmith.destination-id");
        assertThatThrownBy(() -> importer.export(request().withSince(null)).block())
                .hasMessageContaining("needs since");
        assertThat(langsmith.findAll(postRequestedFor(urlPathEqualTo("/api/v1/bulk-exports")))).isEmpty();
    }

    private void stubStart(String status) {
        langsmith.stubFor(post("/api/v1/bulk-exports").willReturn(okJson(export(status, null))));
    }

    /** Answers the status requests with these statuses in turn, the last one from then on. */
    private void stubStatuses(String... statuses) {
        List<String> list = List.of(statuses);
        for (int i = 0; i < list.size(); i++) {
            String state = i == 0 ? Scenario.STARTED : "poll-" + i;
            String error = list.get(i).toUpperCase().matches("FAILED|CANCELLED|TIMEDOUT|TIMED_OUT")
                    ? "destination bucket not found" : null;
            var stub = get(EXPORT).inScenario("export").whenScenarioStateIs(state)
                    .willReturn(okJson(export(list.get(i), error)));
            langsmith.stubFor(i + 1 < list.size() ? stub.willSetStateTo("poll-" + (i + 1)) : stub);
        }
    }

    private static String export(String status, String error) {
        return """
                {"id": "e-1", "status": "%s", "session_id": "%s", "tenant_id": "ws-7",
                 "bulk_export_destination_id": "dest-1", "start_time": "2026-11-01T00:00:00Z", "error": %s}"""
                .formatted(status, PROJECT_ID, error == null ? "null" : "\"" + error + "\"");
    }
}
