package dev.trajectory.push;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.reactor.retry.RetryOperator;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Sends {@code POST {base-url}/v1/deletion-requests}, retried like event pushes. */
public final class HttpDeletionRequester implements DeletionRequester {

    private final WebClient webClient;

    private final IngestEndpoint endpoint;

    private final URI uri;

    private final Duration timeout;

    private final RetryPolicy retryPolicy;

    private final int maxRetries;

    public HttpDeletionRequester(WebClient webClient, IngestEndpoint endpoint, PushSettings settings) {
        this.webClient = webClient;
        this.endpoint = endpoint;
        this.uri = endpoint.resolve("/v1/deletion-requests");
        this.timeout = settings.timeout();
        this.retryPolicy = new RetryPolicy(settings.initialBackoff(), settings.maxBackoff());
        this.maxRetries = settings.maxRetries();
    }

    @Override
    public Mono<DeletionResult> requestDeletion(String clientId, List<String> userIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("user_ids", userIds);
        if (endpoint.projectId() != null) {
            body.put("project_id", endpoint.projectId());
        }
        return Mono.defer(() -> webClient.post()
                        .uri(uri)
                        .headers(headers -> IngestHeaders.apply(headers, endpoint))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.releaseBody().then(Mono.defer(() -> {
                            int status = response.statusCode().value();
                            if (response.statusCode().is2xxSuccessful()) {
                                return Mono.just(new DeletionResult(true, "deletion requested (HTTP " + status + ")"));
                            }
                            return Mono.error(new IngestHttpException(status, null, status == 401 || status == 403
                                    ? "the API key was rejected (HTTP " + status + "); check trajectory.api-key"
                                    : "HTTP " + status));
                        })))
                        .timeout(timeout))
                .transformDeferred(RetryOperator.of(retryPolicy.retry("trajectory-deletion", maxRetries)))
                .onErrorResume(failure -> Mono.just(new DeletionResult(false,
                        "deletion request failed: " + HttpChunkSender.describe(failure))));
    }
}
