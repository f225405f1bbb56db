package dev.trajectory.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.client.TelemetryClientBuilder;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.push.DeletionResult;
import dev.trajectory.push.PushSettings;
import dev.trajectory.testing.MutableClock;
import dev.trajectory.testing.TestClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TrackingPipelineTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path configDir;

    private final List<TelemetryClient> clients = new ArrayList<>();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    @AfterEach
    void closeClients() {
        clients.forEach(client -> client.shutdown(Duration.ofSeconds(1)));
    }

    private TelemetryClientBuilder builder(TrackingSettings tracking) {
        return TestClients.isolated(configDir).apiKey("tk_test").baseUrl(server.baseUrl()).trackingSettings(tracking)
                .pushSettings(new PushSettings(100, 2, PushSettings.DEFAULT_MAX_REQUEST_BYTES,
                        PushSettings.DEFAULT_MAX_EVENT_BYTES, Duration.ofSeconds(10), Duration.ofMillis(10),
                        Duration.ofMillis(100)));
    }

    private TelemetryClient client(TrackingSettings tracking) {
        return keep(builder(tracking).build());
    }

    private TelemetryClient keep(TelemetryClient client) {
        clients.add(client);
        return client;
    }

    private static TrackingSettings settings(int maxQueue, int flushAt, Duration interval) {
        return new TrackingSettings(maxQueue, flushAt, interval, Duration.ofSeconds(10), Duration.ofMinutes(30), 1000);
    }

    private static void backendAccepts() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)));
    }

    private static List<JsonNode> sentEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo("/v1/events")))) {
            TrajectoryJson.mapper().readTree(request.getBody()).get("events").forEach(events::add);
        }
        return events;
    }

    private static List<String> sentEventIds() {
        return sentEvents().stream().map(event -> event.get("event_id").asString()).toList();
    }

    @Test
    void manyThreadsTrackingAtOnceDeliverEveryAcceptedEventExactlyOnce() throws Exception {
        backendAccepts();
        TelemetryClient client = client(settings(2_000, 100, Duration.ofMillis(200)));
        int threads = 8;
        int perThread = 2_000;
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    if (client.track("load.test", Map.of("thread", thread, "i", i), "u-" + thread)) {
                        accepted.incrementAndGet();
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(client.flush(Duration.ofSeconds(30))).isTrue();

        List<String> ids = sentEventIds();
        TrackingMetrics metrics = client.trackingMetrics();
        assertThat(ids).as("no event sent twice").hasSameSizeAs(new HashSet<>(ids));
        assertThat(ids).hasSize(accepted.get());
        assertThat(metrics.enqueuedCount()).isEqualTo(accepted.get());
        assertThat(metrics.sentCount()).isEqualTo(accepted.get());
        assertThat(accepted.get() + metrics.droppedCount(DropReason.QUEUE_FULL)).isEqualTo(threads * perThread);
    }

    @Test
    void sendsTheNextBatchWhileTheBackendAnswersOneUpToTheLimit() {
        int answerMillis = 600;
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(answerMillis)));
        TrackingSettings oneHour = settings(10_000, 10_000, Duration.ofHours(1));
        TelemetryClient pipelined = client(oneHour.withMaxRequestsInFlight(2));
        for (int i = 0; i < 400; i++) {
            pipelined.track("load.test", Map.of("i", i), "u-1");
        }
        assertThat(pipelined.flush(Duration.ofSeconds(30))).isTrue();
        List<Long> pipelinedArrivals = arrivalMillis();
        assertThat(sentEventIds()).hasSize(400).doesNotHaveDuplicates();
        assertThat(pipelinedArrivals).hasSize(4);
        assertThat(pipelinedArrivals.get(1) - pipelinedArrivals.get(0))
                .as("the second batch arrives while the first is still being answered").isLessThan(answerMillis);
        assertThat(pipelinedArrivals.get(2) - pipelinedArrivals.get(0))
                .as("the third waits for an answer: at most two in flight").isGreaterThanOrEqualTo(answerMillis - 50);

        server.resetRequests();
        TelemetryClient sequential = client(oneHour.withMaxRequestsInFlight(1));
        for (int i = 0; i < 200; i++) {
            sequential.track("load.test", Map.of("i", i), "u-1");
        }
        assertThat(sequential.flush(Duration.ofSeconds(30))).isTrue();
        List<Long> sequentialArrivals = arrivalMillis();
        assertThat(sequentialArrivals).hasSize(2);
        assertThat(sequentialArrivals.get(1) - sequentialArrivals.get(0)).isGreaterThanOrEqualTo(answerMillis - 50);
    }

    @Test
    void eventsArrivingWhileABatchIsSentWaitForFlushAtInsteadOfGoingOutAlone() {
        backendAccepts();
        TelemetryClient client = client(settings(10_000, 50, Duration.ofHours(1)));
        String text = "x".repeat(60_000);
        // 50 large events wake the worker; serialising them takes a while, and the few small ones tracked meanwhile
        // must wait for flush-at rather than be sent in a request of their own.
        for (int i = 0; i < 50; i++) {
            client.track("load.large", Map.of("text", text), "u-1");
        }
        for (int i = 0; i < 5; i++) {
            client.track("load.small", Map.of("i", i), "u-1");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !sentEventIds().isEmpty());
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(eventsPerRequest()).as("no request before the flush carries fewer than flush-at events")
                .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(50));

        assertThat(client.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sentEventIds()).hasSize(55).doesNotHaveDuplicates();
    }

    private static List<Integer> eventsPerRequest() {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/events"))).stream()
                .map(request -> TrajectoryJson.mapper().readTree(request.getBody()).get("events").size()).toList();
    }

    private static List<Long> arrivalMillis() {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/events"))).stream()
                .map(request -> request.getLoggedDate().getTime()).sorted().toList();
    }

    @Test
    void aFullQueueDropsNewEventsAndCountsThem() {
        backendAccepts();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TelemetryClient client = keep(builder(settings(10, 1_000, Duration.ofHours(1))).meterRegistry(registry)
                .build());

        int accepted = 0;
        for (int i = 0; i < 25; i++) {
            accepted += client.track("user.click", Map.of("i", i)) ? 1 : 0;
        }

        assertThat(accepted).isEqualTo(10);
        assertThat(client.trackingMetrics().droppedCount(DropReason.QUEUE_FULL)).isEqualTo(15);
        assertThat(registry.get("trajectory.events.dropped").tag("reason", "queue_full").counter().count())
                .isEqualTo(15);
        assertThat(registry.get("trajectory.queue.size").gauge().value()).isEqualTo(10);
        assertThat(client.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sentEventIds()).hasSize(10);
        assertThat(registry.get("trajectory.events.sent").counter().count()).isEqualTo(10);
        assertThat(registry.get("trajectory.events.enqueued").counter().count()).isEqualTo(10);
        assertThat(registry.get("trajectory.push.duration").timer().count()).isEqualTo(1);
    }

    @Test
    void aCallThatAFullQueueWouldDropIsRefusedBeforeItsEventIsBuilt() {
        backendAccepts();
        AtomicInteger built = new AtomicInteger();
        TelemetryClient client = keep(builder(settings(5, 1_000, Duration.ofHours(1)))
                .enricher(event -> built.incrementAndGet()).build());

        for (int i = 0; i < 12; i++) {
            client.track("user.click", Map.of("i", i), "user-" + i);
        }

        assertThat(built).as("events built: only those the queue had room for").hasValue(5);
        assertThat(client.trackingMetrics().droppedCount(DropReason.QUEUE_FULL)).isEqualTo(7);
        assertThat(client.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sentEvents()).extracting(event -> event.get("user_id").asString())
                .containsExactly("user-0", "user-1", "user-2", "user-3", "user-4");
        assertThat(client.track("user.click", Map.of("i", 12), "user-12")).as("room again after the flush").isTrue();
        assertThat(built).hasValue(6);
    }

    @Test
    void flushesAsSoonAsFlushAtEventsAreQueued() {
        backendAccepts();
        TelemetryClient client = client(settings(1_000, 5, Duration.ofHours(1)));

        for (int i = 0; i < 4; i++) {
            client.track("user.click", Map.of("i", i));
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> sentEventIds().isEmpty());
        client.track("user.click", Map.of("i", 4));

        await().atMost(Duration.ofSeconds(5)).until(() -> sentEventIds().size() == 5);
    }

    @Test
    void flushesOnTheIntervalWhenFewerEventsAreQueued() {
        backendAccepts();
        TelemetryClient client = client(settings(1_000, 1_000, Duration.ofMillis(200)));

        client.track("user.click", Map.of());

        await().atMost(Duration.ofSeconds(5)).until(() -> sentEventIds().size() == 1);
    }

    @Test
    void shutdownKeepsItsDeadlineWhileTheBackendIsSlowAndReportsWhatIsPending() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        TelemetryClient client = client(settings(1_000, 1_000, Duration.ofHours(1)));
        for (int i = 0; i < 3; i++) {
            client.track("user.click", Map.of("i", i));
        }

        long started = System.nanoTime();
        ShutdownReport report = client.shutdown(Duration.ofMillis(500));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofMillis(2_500));
        assertThat(report.pending()).isEqualTo(3);
        assertThat(report.delivered()).isZero();
        assertThat(client.track("user.click", Map.of())).as("no events accepted after shutdown").isFalse();
        assertThat(workerThreads()).isZero();
    }

    @Test
    void shutdownDeliversWhatIsQueuedWhenTheBackendAnswers() {
        backendAccepts();
        TelemetryClient client = client(settings(1_000, 1_000, Duration.ofHours(1)));
        client.track("user.click", Map.of());
        client.track("user.click", Map.of());

        ShutdownReport report = client.shutdown(Duration.ofSeconds(5));

        assertThat(report).isEqualTo(new ShutdownReport(2, 0, 0, 0));
        assertThat(sentEventIds()).hasSize(2);
        assertThat(workerThreads()).isZero();
    }

    @Test
    void optingOutOpensNoConnection() throws Exception {
        backendAccepts();
        List<TelemetryClient> optedOut = List.of(
                keep(builder(TrackingSettings.defaults()).environment(Map.of("DO_NOT_TRACK", "1")::get).build()),
                keep(builder(TrackingSettings.defaults()).environment(Map.of("TRAJECTORY_TELEMETRY", "0")::get)
                        .build()),
                keep(builder(TrackingSettings.defaults()).enabled(false).build()));
        Path withConfigFile = Files.createDirectories(configDir.resolve("opted-out"));
        Files.writeString(withConfigFile.resolve("config.json"), "{\"telemetry\": false}");
        TelemetryClient byFile = keep(builder(TrackingSettings.defaults()).configDirectory(withConfigFile).build());

        for (TelemetryClient client : List.of(optedOut.get(0), optedOut.get(1), optedOut.get(2), byFile)) {
            assertThat(client.isEnabled()).isFalse();
            assertThat(client.track("user.click", Map.of())).isFalse();
            client.trackLlm("u", "hi", "model", "hello", Map.of(), Duration.ofSeconds(1));
            client.error(new IllegalStateException("x"), "boom", Map.of());
            assertThat(client.flush()).isTrue();
            assertThat(client.requestDeletion().success()).isFalse();
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(workerThreads()).isZero();
    }

    @Test
    void deletionNamesTheClientIdAndKnownUsersThenStartsANewClientId() {
        server.stubFor(post(urlEqualTo("/v1/deletion-requests")).willReturn(aResponse().withStatus(202)));
        TelemetryClient client = client(TrackingSettings.defaults());
        client.identify("u-1");
        client.track("user.click", Map.of(), "u-2");
        String clientId = client.clientId();

        DeletionResult result = client.requestDeletion();

        assertThat(result.success()).isTrue();
        JsonNode body = TrajectoryJson.mapper().readTree(
                server.findAll(postRequestedFor(urlEqualTo("/v1/deletion-requests"))).get(0).getBody());
        assertThat(body.get("client_id").asString()).isEqualTo(clientId);
        assertThat(body.get("user_ids").toString()).isEqualTo("[\"u-1\",\"u-2\"]");
        assertThat(client.clientId()).isNotEqualTo(clientId);
    }

    @Test
    void aFailedDeletionRequestIsReportedNotThrown() {
        server.stubFor(post(urlEqualTo("/v1/deletion-requests")).willReturn(aResponse().withStatus(500)));
        TelemetryClient client = client(TrackingSettings.defaults());
        String clientId = client.clientId();

        DeletionResult result = client.requestDeletion();

        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("HTTP 500");
        assertThat(client.clientId()).as("kept until the backend confirms").isEqualTo(clientId);
    }

    @Test
    void theAnonymousClientIdSurvivesARestart() {
        String first = client(TrackingSettings.defaults()).clientId();
        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(client(TrackingSettings.defaults()).clientId()).isEqualTo(first);
    }

    @Test
    void identifiedUsersAndGeneratedSessionsAreFilledIn() {
        backendAccepts();
        TelemetryClient client = client(settings(1_000, 1_000, Duration.ofHours(1)));

        client.identify("u-7");
        client.track("user.click", Map.of("n", 1));
        client.track("user.click", Map.of("n", 2));
        client.track("user.click", Map.of("n", 3), "u-8", "explicit-session", Instant.parse("2026-01-01T00:00:00Z"),
                EventKind.LIFECYCLE);
        client.flush();

        List<JsonNode> events = sentEvents();
        assertThat(events.get(0).get("user_id").asString()).isEqualTo("u-7");
        assertThat(events.get(0).get("session_id").asString()).isEqualTo(events.get(1).get("session_id").asString())
                .matches("[0-9a-f]{32}");
        assertThat(events.get(0).get("metadata").get("client_id").asString()).isEqualTo(client.clientId());
        JsonNode explicit = events.get(2);
        assertThat(explicit.get("user_id").asString()).isEqualTo("u-8");
        assertThat(explicit.get("session_id").asString()).isEqualTo("explicit-session");
        assertThat(explicit.get("timestamp").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(explicit.get("metadata").get("kind").asString()).isEqualTo("lifecycle");
    }

    @Test
    void anLlmTurnBecomesAPromptBackdatedByTheLatencyAndAGeneration() {
        backendAccepts();
        TelemetryClient client = keep(builder(settings(1_000, 1_000, Duration.ofHours(1))).clock(clock).build());

        client.trackLlm(new LlmTurn("u-1", "Where is my order?", "gpt-test", "It ships today.",
                Map.of(LlmTurn.THREAD_ID, "thread-9"), Duration.ofMillis(1500), 12, 5));
        client.flush();

        List<JsonNode> events = sentEvents();
        JsonNode prompt = events.get(0);
        JsonNode generation = events.get(1);
        assertThat(prompt.get("event_type").asString()).isEqualTo("llm.prompt");
        assertThat(prompt.get("timestamp").asString()).isEqualTo("2026-11-21T09:59:58.500Z");
        assertThat(prompt.get("properties").get("prompt").asString()).isEqualTo("Where is my order?");
        assertThat(generation.get("event_type").asString()).isEqualTo("llm.generation");
        assertThat(generation.get("timestamp").asString()).isEqualTo("2026-11-21T10:00:00Z");
        JsonNode properties = generation.get("properties");
        assertThat(properties.get("generation").asString()).isEqualTo("It ships today.");
        assertThat(properties.get("latency_s").asDouble()).isEqualTo(1.5);
        assertThat(properties.get("assistant_id").asString()).isEqualTo("gpt-test");
        assertThat(properties.get("$thread_id").asString()).isEqualTo("thread-9");
        assertThat(properties.get("total_tokens").asInt()).isEqualTo(17);
        assertThat(properties.get("llm_call_id").asString())
                .isEqualTo(prompt.get("properties").get("llm_call_id").asString());
    }

    @Test
    void anErrorEventCarriesTypeMessageBoundedStackAndCauses() {
        backendAccepts();
        TelemetryClient client = client(settings(1_000, 1_000, Duration.ofHours(1)));
        RuntimeException error = new IllegalStateException("refund failed",
                new java.io.UncheckedIOException("socket closed", new java.io.IOException("reset")));

        client.error(error, "while refunding", Map.of("order", "1234"));
        client.flush();

        JsonNode event = sentEvents().get(0);
        JsonNode properties = event.get("properties");
        assertThat(event.get("event_type").asString()).isEqualTo("error.exception");
        assertThat(event.get("metadata").get("kind").asString()).isEqualTo("error");
        assertThat(properties.get("error_type").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(properties.get("error_message").asString()).isEqualTo("refund failed");
        assertThat(properties.get("message").asString()).isEqualTo("while refunding");
        assertThat(properties.get("order").asString()).isEqualTo("1234");
        assertThat(properties.get("stack_trace").asString()).startsWith("java.lang.IllegalStateException: refund failed")
                .contains("\tat dev.trajectory.tracking.TrackingPipelineTest")
                .hasSizeLessThanOrEqualTo(ErrorDetails.DEFAULT_MAX_STACK_TRACE_CHARS);
        assertThat(properties.get("causes").toString())
                .isEqualTo("[{\"type\":\"java.io.UncheckedIOException\",\"message\":\"socket closed\"},"
                        + "{\"type\":\"java.io.IOException\",\"message\":\"reset\"}]");
    }

    @Test
    void invalidTrackedEventsAreDroppedAndCountedWhileTheOthersArrive() {
        backendAccepts();
        TelemetryClient client = client(settings(1_000, 1_000, Duration.ofHours(1)));

        assertThat(client.track("no-dot", Map.of())).as("queued; validated on the worker").isTrue();
        client.track("user.click", Map.of("score", Double.NaN));
        client.track("user.click", Map.of());
        client.flush();

        TrackingMetrics metrics = client.trackingMetrics();
        assertThat(metrics.droppedCount(DropReason.INVALID)).isEqualTo(2);
        assertThat(metrics.sentCount()).isEqualTo(1);
        assertThat(metrics.enqueuedCount()).isEqualTo(metrics.sentCount() + metrics.droppedCount());
    }

    @Test
    void retriesAreCounted() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(503)));
        TelemetryClient client = client(settings(1_000, 1_000, Duration.ofHours(1)));

        client.track("user.click", Map.of());
        client.flush();

        TrackingMetrics metrics = client.trackingMetrics();
        assertThat(metrics.retriedCount()).isEqualTo(2);
        assertThat(metrics.droppedCount(DropReason.RETRIES_EXHAUSTED)).isEqualTo(1);
    }

    static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("trajectory-tracking") && thread.isAlive())
                .count();
    }
}
