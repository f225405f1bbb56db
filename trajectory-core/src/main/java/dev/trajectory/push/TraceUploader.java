package dev.trajectory.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import dev.trajectory.event.EventIds;
import dev.trajectory.event.EventValidator;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.trajectory.Trajectory;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads a trajectory and its correlated events in one request, {@code POST {base-url}/v1/traces}, so both land or
 * neither does. Gzip, bearer token, retries and backoff as for event pushes; the Idempotency-Key is derived from the
 * trace id and the event ids, so a retried or repeated upload is recognised.
 */
public final class TraceUploader implements TraceSink {

    private static final Logger logger = LoggerFactory.getLogger(TraceUploader.class);

    private final WebClient webClient;

    private final IngestEndpoint endpoint;

    private final PushSettings settings;

    private final RetryPolicy retryPolicy;

    private final EventValidator validator;

    private final JsonMapper mapper;

    public TraceUploader(WebClient webClient, IngestEndpoint endpoint, PushSettings settings,
            EventValidator validator, JsonMapper mapper) {
        this.webClient = webClient;
        this.endpoint = endpoint;
        this.settings = settings;
        this.retryPolicy = new RetryPolicy(settings.initialBackoff(), settings.maxBackoff());
        this.validator = validator;
        this.mapper = mapper;
    }

    /** Uploads when subscribed to; the Mono never errors, a failure is described in the result. */
    @Override
    public Mono<TraceUploadResult> upload(String traceId, Trajectory trajectory, List<TelemetryEvent> events) {
        return Mono.defer(() -> {
            TraceBody encoded = TraceBody.encode(traceId, trajectory, events, validator, mapper);
            byte[] body = RequestCompression.gzip(encoded.json());
            Retry retry = retryPolicy.retry("trajectory-traces", settings.maxRetries());
            return Mono.defer(() -> attempt(body, idempotencyKey(traceId, encoded.eventIds())))
                    .transformDeferred(RetryOperator.of(retry))
                    .thenReturn(new TraceUploadResult(true, encoded.events(), encoded.skipped(), null))
                    .onErrorResume(failure -> Mono.just(TraceUploadResult.failed(encoded.events(), encoded.skipped(),
                            "trace " + traceId + " not uploaded: " + HttpChunkSender.describe(failure))));
        }).onErrorResume(unexpected -> Mono.just(TraceUploadResult.failed(events.size(), 0,
                "trace " + traceId + " not uploaded: " + unexpected)));
    }

    private Mono<Void> attempt(byte[] body, String idempotencyKey) {
        return webClient.post()
                .uri(endpoint.resolve("/v1/traces"))
                .headers(headers -> {
                    IngestHeaders.apply(headers, endpoint);
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
                    headers.set(HttpChunkSender.IDEMPOTENCY_KEY, idempotencyKey);
                })
                .bodyValue(body)
                .exchangeToMono(this::read)
                .timeout(settings.timeout());
    }

    private Mono<Void> read(ClientResponse response) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.releaseBody();
        }
        return HttpChunkSender.failure(response, Clock.systemUTC());
    }

    /** SHA-256 of the trace id and the event ids, one per line: the same for every retry of the same upload. */
    static String idempotencyKey(String traceId, List<String> eventIds) {
        MessageDigest digest = EventIds.sha256();
        digest.update(("trace:" + traceId + "\n").getBytes(StandardCharsets.UTF_8));
        for (String id : eventIds) {
            digest.update((id + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
