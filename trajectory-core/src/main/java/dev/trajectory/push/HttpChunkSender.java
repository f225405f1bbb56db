package dev.trajectory.push;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends chunks to {@code POST {base-url}/v1/events} as JSON (gzip-compressed unless configured otherwise), with a bearer token, an Idempotency-Key
 * derived from the chunk's event ids (the same on every attempt) and a Resilience4j retry around each chunk. A
 * server's Retry-After holds back every request of this sender until it has passed, not only the retried one, so
 * the next batch or a spool replay does not arrive early either.
 */
public final class HttpChunkSender implements ChunkSender {

    private static final Logger logger = LoggerFactory.getLogger(HttpChunkSender.class);

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final int MAX_ERROR_BODY_CHARS = 200;

    private final WebClient webClient;

    private final IngestEndpoint endpoint;

    private final URI eventsUri;

    private final Duration timeout;

    private final RetryPolicy retryPolicy;

    private final JsonMapper mapper;

    private final Clock clock;

    private final boolean debug;

    private final RetryListener retryListener;

    private final Duration maxBackoff;

    private final RequestCompression compression;

    private final AtomicLong notBeforeNanos = new AtomicLong(System.nanoTime());

    public HttpChunkSender(WebClient webClient, IngestEndpoint endpoint, PushSettings settings, JsonMapper mapper,
            boolean debug, RetryListener retryListener) {
        this(webClient, endpoint, settings, mapper, debug, retryListener, Clock.systemUTC());
    }

    HttpChunkSender(WebClient webClient, IngestEndpoint endpoint, PushSettings settings, JsonMapper mapper,
            boolean debug, RetryListener retryListener, Clock clock) {
        this.webClient = webClient;
        this.endpoint = endpoint;
        this.eventsUri = endpoint.resolve("/v1/events");
        this.timeout = settings.timeout();
        this.retryPolicy = new RetryPolicy(settings.initialBackoff(), settings.maxBackoff());
        this.mapper = mapper;
        this.debug = debug;
        this.retryListener = retryListener;
        this.clock = clock;
        this.maxBackoff = settings.maxBackoff();
        this.compression = settings.compression();
    }

    @Override
    public Mono<IngestResponse> send(EventChunk chunk, int maxRetries) {
        return send(eventsUri, chunk, chunk::body, chunk.idempotencyKey(), maxRetries);
    }

    /**
     * Posts a chunk of items to another ingest path with its own body and key, with the same compression, headers,
     * retries and answer handling as events.
     */
    Mono<IngestResponse> send(URI uri, EventChunk chunk, java.util.function.Supplier<byte[]> json, String idempotencyKey,
            int maxRetries) {
        return Mono.fromCallable(() -> compression.encode(json.get())).flatMap(body -> {
            Retry retry = retryPolicy.retry("trajectory-events", maxRetries);
            retry.getEventPublisher().onRetry(event -> {
                logger.debug("Retrying chunk {} ({} events), attempt {}: {}", idempotencyKey, chunk.size(),
                        event.getNumberOfRetryAttempts() + 1, describe(event.getLastThrowable()));
                retryListener.onRetry(event.getLastThrowable());
            });
            return Mono.defer(() -> attempt(uri, chunk, body, idempotencyKey)).transformDeferred(RetryOperator.of(retry));
        });
    }

    private Mono<IngestResponse> attempt(URI uri, EventChunk chunk, byte[] body, String idempotencyKey) {
        Mono<IngestResponse> request = Mono.defer(() -> post(uri, chunk, body, idempotencyKey))
                .doOnError(IngestHttpException.class, this::holdOffFor);
        long waitNanos = notBeforeNanos.get() - System.nanoTime();
        return waitNanos > 0 ? Mono.delay(Duration.ofNanos(waitNanos)).then(request) : request;
    }

    /** Remembers a server's Retry-After, capped by the maximum backoff, for every later request. */
    private void holdOffFor(IngestHttpException failure) {
        Duration retryAfter = failure.retryAfter();
        if (retryAfter != null) {
            long until = System.nanoTime() + (retryAfter.compareTo(maxBackoff) < 0 ? retryAfter : maxBackoff).toNanos();
            notBeforeNanos.accumulateAndGet(until, (current, next) -> next - current > 0 ? next : current);
        }
    }

    private Mono<IngestResponse> post(URI uri, EventChunk chunk, byte[] body, String idempotencyKey) {
        if (debug) {
            logger.info("POST {} with {} events ({} bytes, {}), Idempotency-Key {}", uri, chunk.size(),
                    body.length, compression, idempotencyKey);
        }
        return webClient.post()
                .uri(uri)
                .headers(headers -> {
                    IngestHeaders.apply(headers, endpoint);
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    if (compression.contentEncoding() != null) {
                        headers.set(HttpHeaders.CONTENT_ENCODING, compression.contentEncoding());
                    }
                    headers.set(IDEMPOTENCY_KEY, idempotencyKey);
                })
                .bodyValue(body)
                .exchangeToMono(response -> read(response, chunk))
                .timeout(timeout);
    }

    private Mono<IngestResponse> read(ClientResponse response, EventChunk chunk) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(byte[].class)
                    .map(bytes -> parse(bytes, chunk))
                    .defaultIfEmpty(IngestResponse.allAccepted(chunk.size()));
        }
        return failure(response, clock);
    }

    /** The error an ingest API answer with a failure status stands for, with its Retry-After and a short body. */
    static <T> Mono<T> failure(ClientResponse response, Clock clock) {
        int status = response.statusCode().value();
        Duration retryAfter = RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                clock);
        return response.bodyToMono(String.class).defaultIfEmpty("").flatMap(text -> Mono.error(
                new IngestHttpException(status, retryAfter, describeStatus(status, text))));
    }

    private IngestResponse parse(byte[] bytes, EventChunk chunk) {
        if (bytes.length == 0) {
            return IngestResponse.allAccepted(chunk.size());
        }
        try {
            return mapper.readValue(bytes, IngestResponse.class);
        }
        catch (JacksonException ex) {
            logger.debug("Ingest API answered 2xx with a body that is not the documented JSON; counting all {} events "
                    + "as accepted", chunk.size());
            return IngestResponse.allAccepted(chunk.size());
        }
    }

    static String describeStatus(int status, String body) {
        if (status == 401 || status == 403) {
            return "the API key was rejected (HTTP " + status + "); check trajectory.api-key";
        }
        String trimmed = body.strip();
        if (trimmed.length() > MAX_ERROR_BODY_CHARS) {
            trimmed = trimmed.substring(0, MAX_ERROR_BODY_CHARS) + "…";
        }
        return "HTTP " + status + (trimmed.isEmpty() ? "" : ": " + trimmed);
    }

    static String describe(Throwable failure) {
        if (failure instanceof IngestHttpException) {
            return failure.getMessage();
        }
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return "no answer within the request timeout";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
