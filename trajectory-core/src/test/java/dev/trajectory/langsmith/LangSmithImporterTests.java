package dev.trajectory.langsmith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class LangSmithImporterTests {

    private static final String PROJECT_ID = "9a1c2b3d-0000-4000-8000-000000000001";

    @RegisterExtension
    static WireMockExtension langsmith = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final JsonMapper mapper = TrajectoryJson.mapper();

    private LangSmithImporter importer(String project) {
        LangSmithSettings settings = LangSmithSettings.builder()
                .environment(Map.of())
                .endpoint(langsmith.baseUrl() + "/api/v1")
                .apiKey("lsv2_pt_secret")
                .workspaceId("ws-7")
                .project(project)
                .retries(3, Duration.ofMillis(5), Duration.ofMillis(20))
                .build();
        LangSmithClient client = new LangSmithClient(WebClient.builder(), settings, mapper);
        return new LangSmithImporter(client, new ConversationTransformer(mapper), mapper);
    }

    @Test
    void listConversationsFollowsCursorsOverThreePagesAndGroupsRootRunsByThread() {
        stubPage(null, "c2", root("r1", "thread-a", "2025-03-01T10:05:00"), root("r2", null, "2025-03-01T10:04:00"));
        stubPage("c2", "c3", root("r3", "thread-a", "2025-03-01T10:03:00"), root("r4", "thread-b", "2025-03-01T10:02:00"));
        stubPage("c3", null, root("r5", "thread-b", "2025-03-01T10:01:00"));

        List<ConversationSummary> conversations = importer(PROJECT_ID).listConversations(50).block();

        assertThat(conversations).extracting(ConversationSummary::conversationId).containsExactly("thread-a", "r2",
                "thread-b");
        ConversationSummary threadA = conversations.get(0);
        assertThat(threadA.numTurns()).isEqualTo(2);
        assertThat(threadA.traceIds()).containsExactly("r1", "r3");
        assertThat(threadA.firstSeen()).hasToString("2025-03-01T10:03:00Z");
        assertThat(threadA.lastSeen()).hasToString("2025-03-01T10:05:00Z");
        assertThat(threadA.rootRunNames()).containsExactly("agent");
        langsmith.verify(3, postRequestedFor(urlPathEqualTo("/api/v1/runs/query"))
                .withHeader("x-api-key", equalTo("lsv2_pt_secret"))
                .withHeader("X-Tenant-Id", equalTo("ws-7"))
                .withRequestBody(matchingJsonPath("$.is_root", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.session[0]", equalTo(PROJECT_ID))));
    }

    @Test
    void listConversationsStopsReadingOnceTheLimitIsReached() {
        stubPage(null, "c2", root("r1", "thread-a", "2025-03-01T10:05:00"), root("r2", "thread-b", "2025-03-01T10:04:00"));
        stubPage("c2", null, root("r3", "thread-c", "2025-03-01T10:03:00"));

        List<ConversationSummary> conversations = importer(PROJECT_ID).listConversations(1).block();

        assertThat(conversations).extracting(ConversationSummary::conversationId).containsExactly("thread-a");
    }

    @Test
    void aProjectNameIsResolvedToItsIdOnce() {
        langsmith.stubFor(get(urlPathEqualTo("/api/v1/sessions")).withQueryParam("name", equalTo("support bot"))
                .willReturn(okJson("[{\"id\":\"" + PROJECT_ID + "\",\"name\":\"support bot\"}]")));
        stubPage(null, null, root("r1", "thread-a", "2025-03-01T10:05:00"));
        LangSmithImporter importer = importer("support bot");

        importer.listConversations(10).block();
        importer.listConversations(10).block();

        langsmith.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sessions")).withQueryParam("limit", equalTo("1")));
        langsmith.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/runs/query"))
                .withRequestBody(matchingJsonPath("$.session[0]", equalTo(PROJECT_ID))));
    }

    @Test
    void anUnknownProjectNameFailsWithAMessageNamingIt() {
        langsmith.stubFor(get(urlPathEqualTo("/api/v1/sessions")).willReturn(okJson("[]")));

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> importer("nope").listConversations(10).block()))
                .hasMessageContaining("no project named 'nope'");
    }

    @Test
    void a429IsRetriedAfterTheServersWaitAndThenSucceeds() {
        langsmith.stubFor(post(urlPathEqualTo("/api/v1/runs/query")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0").withBody("rate limited"))
                .willSetStateTo("open"));
        langsmith.stubFor(post(urlPathEqualTo("/api/v1/runs/query")).inScenario("limited")
                .whenScenarioStateIs("open")
                .willReturn(okJson(page(null, root("r1", "thread-a", "2025-03-01T10:05:00")).toString())));

        List<ConversationSummary> conversations = importer(PROJECT_ID).listConversations(5).block();

        assertThat(conversations).hasSize(1);
        langsmith.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/runs/query")));
    }

    @Test
    void importByIdReadsEveryTraceOfTheThreadAndBuildsTheTrajectory() {
        List<JsonNode> runs = Fixtures.runs("langchain-thread.json");
        langsmith.stubFor(post(urlPathEqualTo("/api/v1/runs/query"))
                .withRequestBody(matchingJsonPath("$.filter", equalTo("and(in(metadata_key, "
                        + "[\"session_id\",\"conversation_id\",\"thread_id\"]), eq(metadata_value, \"thread-lc-1\"))")))
                .willReturn(okJson(page(null, runs.get(5), runs.get(0)).toString())));
        for (String trace : List.of("11111111-0000-0000-0000-000000000001", "11111111-0000-0000-0000-000000000002")) {
            langsmith.stubFor(post(urlPathEqualTo("/api/v1/runs/query"))
                    .withRequestBody(matchingJsonPath("$.trace", equalTo(trace)))
                    .willReturn(okJson(page(null, runs.stream().filter(run -> run.get("trace_id").asString()
                            .equals(trace)).toArray(JsonNode[]::new)).toString())));
        }
        List<int[]> progress = new ArrayList<>();

        List<Trajectory> trajectories = importer(PROJECT_ID)
                .importConversationIds(List.of("thread-lc-1"), (done, total) -> progress.add(new int[] {done, total}))
                .collectList().block();

        Trajectory expected = new ConversationTransformer(mapper).transformAll(runs).get(0);
        assertThat(trajectories).hasSize(1);
        assertThat(trajectories.get(0).steps()).isEqualTo(expected.steps());
        assertThat(trajectories.get(0).task()).isEqualTo(expected.task());
        assertThat(progress).containsExactly(new int[] {1, 1});
    }

    @Test
    void aConversationThatCannotBeFetchedGetsAnErrorAndTheOthersAreStillImported() {
        List<JsonNode> runs = Fixtures.runs("openai-thread.json");
        langsmith.stubFor(post(urlPathEqualTo("/api/v1/runs/query"))
                .withRequestBody(matchingJsonPath("$.trace", equalTo("broken-trace")))
                .willReturn(aResponse().withStatus(503).withBody("upstream down")));
        langsmith.stubFor(post(urlPathEqualTo("/api/v1/runs/query"))
                .withRequestBody(matchingJsonPath("$.trace", equalTo("33333333-0000-0000-0000-000000000001")))
                .willReturn(okJson(page(null, runs.toArray(JsonNode[]::new)).toString())));
        List<ConversationSummary> conversations = List.of(
                new ConversationSummary("broken", 1, null, null, List.of("bot"), List.of("broken-trace")),
                new ConversationSummary("conv-oa-1", 1, null, null, List.of("support_bot"),
                        List.of("33333333-0000-0000-0000-000000000001")));
        List<Integer> done = new ArrayList<>();

        List<Trajectory> trajectories = importer(PROJECT_ID)
                .importConversations(conversations, (count, total) -> done.add(count)).collectList().block();

        assertThat(trajectories).hasSize(2);
        assertThat(trajectories.get(0).error()).contains("import failed", "HTTP 503", "upstream down")
                .doesNotContain("lsv2_pt_secret");
        assertThat(trajectories.get(0).task().conversationId()).isEqualTo("broken");
        assertThat(trajectories.get(1).error()).isNull();
        assertThat(trajectories.get(1).steps()).hasSize(2);
        assertThat(done).containsExactly(1, 2);
        // 503 is retried: one attempt and three retries for the broken trace.
        langsmith.verify(4, postRequestedFor(urlPathEqualTo("/api/v1/runs/query"))
                .withRequestBody(matchingJsonPath("$.trace", equalTo("broken-trace"))));
    }

    private void stubPage(String cursor, String next, JsonNode... runs) {
        langsmith.stubFor(post(urlPathEqualTo("/api/v1/runs/query"))
                .withRequestBody(cursor == null ? matchingJsonPath("$.cursor", absent())
                        : matchingJsonPath("$.cursor", equalTo(cursor)))
                .willReturn(okJson(page(next, runs).toString())));
    }

    private ObjectNode page(String next, JsonNode... runs) {
        ObjectNode page = mapper.createObjectNode();
        ArrayNode list = page.putArray("runs");
        for (JsonNode run : runs) {
            list.add(run);
        }
        page.putObject("cursors").put("next", next);
        return page;
    }

    private JsonNode root(String id, String thread, String start) {
        ObjectNode run = mapper.createObjectNode();
        run.put("id", id).put("trace_id", id).put("name", "agent").put("run_type", "chain").put("start_time", start);
        run.putObject("extra").putObject("metadata");
        if (thread != null) {
            run.put("thread_id", thread);
        }
        return run;
    }

}
