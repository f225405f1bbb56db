package dev.trajectory.push;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.testing.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.trajectory.push.IngestRequests.answerInTurn;
import static dev.trajectory.push.IngestRequests.body;
import static dev.trajectory.push.IngestRequests.eventIds;
import static dev.trajectory.push.IngestRequests.eventRequests;
import static org.assertj.core.api.Assertions.assertThat;

class HttpPushTest {

    private static final String API_KEY = "tk_live_secret_0123456789";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private PushSettings settings = new PushSettings(1000, 3, PushSettings.DEFAULT_MAX_REQUEST_BYTES,
            PushSettings.DEFAULT_MAX_EVENT_BYTES, Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(2));

    @TempDir
    Path configDir;

    private final List<TelemetryClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TelemetryClient::close);
    }

    private TelemetryClient client() {
        TelemetryClient client = TestClients.isolated(configDir).apiKey(API_KEY).baseUrl(server.baseUrl())
                .projectId("proj-1").pushSettings(settings).build();
        clients.add(client);
        return client;
    }

    private static List<TelemetryEvent> events(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> TelemetryEvent.builder("user.accept", "s-1").property("n", i).build())
                .toList();
    }

    private static void stubAccepted() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void sendsGzippedDocumentedJsonWithAuthenticationAndIdentityHeaders() {
        stubAccepted();
        TelemetryEvent event = TelemetryEvent.builder("user.accept", "s-1").property("plan", "pro").userId("u-1")
                .property("answer", "yes ".repeat(100)).build();

        PushResult result = client().pushEvents(List.of(event));

        assertThat(result.pushed()).isEqualTo(1);
        LoggedRequest request = eventRequests(server).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("User-Agent")).startsWith("trajectory-java/");
        assertThat(request.getHeader("X-Trajectory-Project")).isEqualTo("proj-1");
        assertThat(request.getHeader("Idempotency-Key")).matches("[0-9a-f]{64}");
        assertThat(Integer.parseInt(request.getHeader("Content-Length"))).as("compressed bytes on the wire")
                .isLessThan(request.getBody().length);
        JsonNode sent = body(request).get("events").get(0);
        assertThat(sent.get("event_type").asString()).isEqualTo("user.accept");
        assertThat(sent.get("session_id").asString()).isEqualTo("s-1");
        assertThat(sent.get("event_id").asString()).isEqualTo(event.eventId());
        assertThat(sent.get("timestamp").asString()).isEqualTo(event.timestamp().toString());
        assertThat(sent.get("user_id").asString()).isEqualTo("u-1");
        assertThat(sent.get("source").asString()).isEqualTo("sdk");
        assertThat(sent.get("properties").get("plan").asString()).isEqualTo("pro");
    }

    @Test
    void sendsPlainJsonWithoutContentEncodingWhenCompressionIsOff() {
        stubAccepted();
        settings = settings.withCompression(RequestCompression.NONE);
        TelemetryEvent event = TelemetryEvent.builder("user.accept", "s-1").property("answer", "yes ".repeat(100))
                .build();

        PushResult result = client().pushEvents(List.of(event));

        assertThat(result.pushed()).isEqualTo(1);
        LoggedRequest request = eventRequests(server).get(0);
        assertThat(request.containsHeader("Content-Encoding")).isFalse();
        assertThat(Integer.parseInt(request.getHeader("Content-Length"))).isEqualTo(request.getBody().length);
        assertThat(body(request).get("events").get(0).get("event_id").asString()).isEqualTo(event.eventId());
    }

    @Test
    void splitsIntoChunksOfTheRequestedSize() {
        stubAccepted();
        List<TelemetryEvent> events = events(2500);

        PushResult result = client().pushEvents(events, "org-7", 1000, 3);

        List<LoggedRequest> requests = eventRequests(server);
        assertThat(requests).extracting(request -> eventIds(request).size()).containsExactly(1000, 1000, 500);
        assertThat(requests.stream().flatMap(request -> eventIds(request).stream()))
                .containsExactlyElementsOf(events.stream().map(TelemetryEvent::eventId).toList());
        assertThat(result.pushed()).isEqualTo(2500);
        assertThat(result.isComplete()).isTrue();
    }

    @Test
    void splitsIntoChunksThatStayUnderTheRequestByteCap() {
        stubAccepted();
        settings = new PushSettings(1000, 3, 4096, 1024, Duration.ofSeconds(5), Duration.ofMillis(10),
                Duration.ofSeconds(2));
        List<TelemetryEvent> events = IntStream.range(0, 20)
                .mapToObj(i -> TelemetryEvent.builder("doc.read", "s").property("text", "x".repeat(500)).build())
                .toList();

        PushResult result = client().pushEvents(events);

        List<LoggedRequest> requests = eventRequests(server);
        assertThat(requests.size()).isGreaterThan(1);
        assertThat(requests).allSatisfy(request ->
                assertThat(request.getBody().length).isLessThanOrEqualTo(4096));
        assertThat(requests.stream().mapToInt(request -> eventIds(request).size()).sum()).isEqualTo(20);
        assertThat(result.pushed()).isEqualTo(20);
    }

    @Test
    void aChunkTheBackendFindsTooLargeIsSentAgainInHalves() {
        answerInTurn(server, aResponse().withStatus(413), aResponse().withStatus(200));
        List<TelemetryEvent> events = events(4);

        PushResult result = client().pushEvents(events);

        List<LoggedRequest> requests = eventRequests(server);
        assertThat(requests).extracting(request -> eventIds(request).size()).containsExactly(4, 2, 2);
        assertThat(requests.get(1).getHeader("Idempotency-Key"))
                .isNotEqualTo(requests.get(2).getHeader("Idempotency-Key"));
        assertThat(result.pushed()).isEqualTo(4);
    }

    @Test
    void transientFailuresAreRetriedWithTheSameIdempotencyKeyAndEventIds() {
        answerInTurn(server, aResponse().withStatus(503), aResponse().withStatus(502),
                okJson("{\"accepted\":3,\"duplicates\":0,\"rejected\":[]}"));

        PushResult result = client().pushEvents(events(3));

        List<LoggedRequest> requests = eventRequests(server);
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(
                requests.get(0).getHeader("Idempotency-Key"));
        assertThat(requests).extracting(IngestRequests::eventIds).containsOnly(eventIds(requests.get(0)));
        assertThat(result.pushed()).isEqualTo(3);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void retryAfterIsHonoured() {
        answerInTurn(server, aResponse().withStatus(429).withHeader("Retry-After", "1"), aResponse().withStatus(200));

        PushResult result = client().pushEvents(events(1));

        List<LoggedRequest> requests = eventRequests(server);
        assertThat(requests).hasSize(2);
        long waitedMillis = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).as("wait between attempts, in ms").isGreaterThanOrEqualTo(950);
        assertThat(result.pushed()).isEqualTo(1);
    }

    @Test
    void aConnectionResetIsRetried() {
        answerInTurn(server, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(200));

        PushResult result = client().pushEvents(events(2));

        assertThat(eventRequests(server)).hasSize(2);
        assertThat(result.pushed()).isEqualTo(2);
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        settings = new PushSettings(1000, 3, PushSettings.DEFAULT_MAX_REQUEST_BYTES,
                PushSettings.DEFAULT_MAX_EVENT_BYTES, Duration.ofMillis(300), Duration.ofMillis(10),
                Duration.ofSeconds(2));
        answerInTurn(server, aResponse().withStatus(200).withFixedDelay(1500), aResponse().withStatus(200));

        PushResult result = client().pushEvents(events(1));

        assertThat(eventRequests(server)).hasSize(2);
        assertThat(result.pushed()).isEqualTo(1);
    }

    @Test
    void aBadRequestIsNotRetriedAndIsReportedPerEvent() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(400).withBody("bad payload")));
        List<TelemetryEvent> events = events(2);

        PushResult result = client().pushEvents(events);

        assertThat(eventRequests(server)).hasSize(1);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.errors()).extracting(PushError::eventId)
                .containsExactly(events.get(0).eventId(), events.get(1).eventId());
        assertThat(result.errors().get(0).reason()).contains("HTTP 400: bad payload");
        assertThat(result.errors()).extracting(PushError::cause).containsOnly(PushError.Cause.REJECTED);
    }

    @Test
    void aRejectedKeyIsReportedOnceWithoutRevealingItAndStopsFurtherChunks() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(401)));
        ListAppender<ILoggingEvent> logs = captureLogs();

        PushResult result = client().pushEvents(events(5), null, 2, 3);

        assertThat(eventRequests(server)).as("not retried, and later chunks not sent").hasSize(1);
        assertThat(result.failed()).isEqualTo(5);
        assertThat(result.errors().get(0).reason()).contains("API key was rejected (HTTP 401)");
        assertThat(result.errors()).extracting(PushError::cause).containsOnly(PushError.Cause.KEY_REJECTED);
        assertThat(result.toString()).doesNotContain(API_KEY);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("rejected the API key"))
                .allSatisfy(line -> assertThat(line).doesNotContain(API_KEY));
    }

    @Test
    void exhaustedRetriesListEveryEventIdWithTheLastFailure() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(503)));
        List<TelemetryEvent> events = events(3);

        PushResult result = client().pushEvents(events, null, 1000, 1);

        assertThat(eventRequests(server)).hasSize(2);
        assertThat(result.failed()).isEqualTo(3);
        assertThat(result.errors()).extracting(PushError::eventId)
                .containsExactlyElementsOf(events.stream().map(TelemetryEvent::eventId).toList());
        assertThat(result.errors()).allSatisfy(error -> {
            assertThat(error.reason()).isEqualTo("not delivered after 2 attempts: HTTP 503");
            assertThat(error.cause()).isEqualTo(PushError.Cause.UNDELIVERED);
        });
    }

    @Test
    void invalidEventsAreSkippedWhileTheValidOnesArePushed() {
        stubAccepted();
        TelemetryEvent good = TelemetryEvent.builder("user.accept", "s").build();
        List<TelemetryEvent> events = new ArrayList<>();
        events.add(good);
        events.add(TelemetryEvent.builder("user.accept", "").build());
        events.add(TelemetryEvent.builder("user.accept", "s").property("score", Double.NaN).build());
        events.add(good);
        events.add(null);
        events.add(TelemetryEvent.builder("user.reject", "s").build());

        PushResult result = client().pushEvents(events);

        assertThat(eventIds(eventRequests(server).get(0))).containsExactly(good.eventId(), events.get(5).eventId());
        assertThat(result.pushed()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(4);
        assertThat(result.total()).isEqualTo(events.size());
        assertThat(result.errors()).extracting(PushError::index).containsExactly(1, 2, 3, 4);
        assertThat(result.errors()).extracting(PushError::cause).containsOnly(PushError.Cause.INVALID);
        assertThat(result.errors()).extracting(PushError::reason).containsExactly("session_id is blank",
                "properties.score is NaN, which JSON cannot represent", "event_id repeats an earlier event in this push",
                "event is null");
    }

    @Test
    void duplicatesAndRejectionsReportedByTheBackendAreAccountedPerEvent() {
        List<TelemetryEvent> events = events(3);
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(okJson("{\"accepted\":1,\"duplicates\":1,"
                + "\"rejected\":[{\"event_id\":\"" + events.get(2).eventId() + "\",\"reason\":\"too old\"}]}")));

        PushResult result = client().pushEvents(events);

        assertThat(result.pushed()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.index()).isEqualTo(2);
            assertThat(error.reason()).isEqualTo("rejected by the backend: too old");
        });
    }

    @Test
    void theReactiveVariantSendsOnlyWhenSubscribedAndNeverErrors() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        var mono = client().pushEventsReactive(events(2), new PushOptions(null, null, 0));
        assertThat(eventRequests(server)).isEmpty();

        StepVerifier.create(mono)
                .assertNext(result -> {
                    assertThat(result.failed()).isEqualTo(2);
                    assertThat(new HashSet<>(result.errors().stream().map(PushError::reason).toList())).hasSize(1);
                })
                .verifyComplete();
        assertThat(eventRequests(server)).hasSize(1);
    }

    @Test
    void aDisabledClientSendsNothingAndSaysWhy() {
        TelemetryClient disabled = TelemetryClient.disabled("DO_NOT_TRACK=1", "sdk");

        PushResult result = disabled.pushEvents(events(2));

        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.errors()).extracting(PushError::reason).containsOnly("telemetry is off (DO_NOT_TRACK=1)");
        assertThat(eventRequests(server)).isEmpty();
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger("dev.trajectory")).addAppender(appender);
        return appender;
    }
}
