package dev.trajectory.langsmith;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dev.trajectory.push.IngestHttpException;
import dev.trajectory.push.RetryAfter;
import dev.trajectory.push.RetryPolicy;
import dev.trajectory.push.SdkVersion;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * LangSmith's HTTP API, as far as importing needs it: resolving a project, and the runs query with its cursor
 * pagination. Every request is throttled on the client side (LangSmith limits the runs query per key), sent with
 * {@code x-api-key} and, when set, {@code X-Tenant-Id}, and retried on 408, 429, 5xx and I/O errors with backoff that
 * honours {@code Retry-After}.
 */
public final class LangSmithClient {

    private static final Logger logger = LoggerFactory.getLogger(LangSmithClient.class);

    /** Pages of runs with their inputs and outputs can be large; WebClient's default of 256 KiB is too small. */
    private static final int MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

    private static final int MAX_ERROR_BODY_CHARS = 200;

    private final WebClient webClient;

    private final LangSmithSettings settings;

    private final JsonMapper mapper;

    private final Clock clock;

    private final RequestThrottle throttle;

    private final RetryPolicy retryPolicy;

    private final Mono<String> projectId;

    public LangSmithClient(WebClient.Builder webClientBuilder, LangSmithSettings settings, JsonMapper mapper) {
        this(webClientBuilder, settings, mapper, Clock.systemUTC());
    }

    LangSmithClient(WebClient.Builder webClientBuilder, LangSmithSettings settings, JsonMapper mapper, Clock clock) {
        this.webClient = webClientBuilder.clone()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
                .build();
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
        this.throttle = new RequestThrottle(settings.requestsPerWindow(), settings.throttleWindow(), clock);
        this.retryPolicy = new RetryPolicy(settings.initialBackoff(), settings.maxBackoff());
        this.projectId = Mono.defer(this::resolveProjectId).cache(id -> Duration.ofDays(365), failure -> Duration.ZERO,
                () -> Duration.ZERO);
    }

    public LangSmithSettings settings() {
        return settings;
    }

    /** The configured project's id: the setting itself when it is a UUID, else looked up by name once. */
    public Mono<String> projectId() {
        return projectId;
    }

    /**
     * Every run the query matches, following {@code cursors.next} from page to page until it is absent or a page is
     * empty. The body's {@code limit} is set to the page size unless given, and {@code cursor} is managed here.
     */
    public Flux<JsonNode> queryRuns(ObjectNode query) {
        ObjectNode first = query.deepCopy();
        if (!first.has("limit")) {
            first.put("limit", settings.pageSize());
        }
        return fetchPage(first)
                .expand(page -> {
                    String next = page.path("cursors").path("next").asString(null);
                    if (next == null || next.isBlank() || page.path("runs").isEmpty()) {
                        return Mono.empty();
                    }
                    ObjectNode following = first.deepCopy();
                    following.put("cursor", next);
                    return fetchPage(following);
                })
                .concatMapIterable(page -> page.path("runs"));
    }

    /** Any API request, throttled, authenticated and retried like the runs query; for the bulk-export API. */
    Mono<JsonNode> send(HttpMethod method, String path, @Nullable JsonNode body) {
        return exchange(method, settings.resolve(path), body);
    }

    private Mono<JsonNode> fetchPage(ObjectNode body) {
        return exchange(HttpMethod.POST, settings.resolve("/runs/query"), body);
    }

    private Mono<String> resolveProjectId() {
        String project = settings.requireProject();
        if (isUuid(project)) {
            return Mono.just(project);
        }
        URI uri = settings.resolve("/sessions?limit=1&name=" + URLEncoder.encode(project, StandardCharsets.UTF_8));
        return exchange(HttpMethod.GET, uri, null).flatMap(sessions -> {
            for (JsonNode session : sessions.isArray() ? sessions : sessions.path("sessions")) {
                if (project.equals(session.path("name").asString(null)) && session.hasNonNull("id")) {
                    logger.debug("LangSmith project '{}' has id {}", project, session.get("id").asString());
                    return Mono.just(session.get("id").asString());
                }
            }
            return Mono.error(new IllegalStateException("LangSmith has no project named '" + project
                    + "' visible to this API key; check trajectory.langsmith.project"));
        });
    }

    private Mono<JsonNode> exchange(HttpMethod method, URI uri, @Nullable JsonNode body) {
        Retry retry = retryPolicy.retry("langsmith", settings.maxRetries());
        retry.getEventPublisher().onRetry(event -> logger.debug("Retrying LangSmith {} {} (retry {}): {}", method,
                uri.getPath(), event.getNumberOfRetryAttempts(), event.getLastThrowable().getMessage()));
        return Mono.defer(() -> Mono.delay(throttle.reserve()).then(attempt(method, uri, body)))
                .transformDeferred(RetryOperator.of(retry));
    }

    private Mono<JsonNode> attempt(HttpMethod method, URI uri, @Nullable JsonNode body) {
        WebClient.RequestBodySpec request = webClient.method(method).uri(uri).headers(this::authenticate);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(mapper.writeValueAsBytes(body));
        }
        return request.exchangeToMono(this::read).timeout(settings.timeout());
    }

    private void authenticate(HttpHeaders headers) {
        headers.set("x-api-key", settings.requireApiKey().reveal());
        if (settings.workspaceId() != null) {
            headers.set("X-Tenant-Id", settings.workspaceId());
        }
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        headers.set(HttpHeaders.USER_AGENT, SdkVersion.userAgent());
    }

    private Mono<JsonNode> read(ClientResponse response) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(byte[].class)
                    .map(bytes -> mapper.readTree(bytes))
                    .defaultIfEmpty(mapper.nullNode());
        }
        Duration retryAfter = RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                clock);
        return response.bodyToMono(String.class).defaultIfEmpty("").flatMap(text -> Mono.error(
                new IngestHttpException(status, retryAfter, describeStatus(status, text))));
    }

    private static String describeStatus(int status, String body) {
        if (status == 401 || status == 403) {
            return "LangSmith rejected the API key (HTTP " + status + "); check trajectory.langsmith.api-key "
                    + "and trajectory.langsmith.workspace-id";
        }
        String trimmed = body.strip();
        if (trimmed.length() > MAX_ERROR_BODY_CHARS) {
            trimmed = trimmed.substring(0, MAX_ERROR_BODY_CHARS) + "…";
        }
        return "LangSmith answered HTTP " + status + (trimmed.isEmpty() ? "" : ": " + trimmed);
    }

    static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
