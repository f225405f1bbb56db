package dev.trajectory.push;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.trajectory.event.EventValidator;
import dev.trajectory.event.InvalidEventException;
import dev.trajectory.event.TelemetryEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pushes a list of events: validates each one (an invalid event is skipped and reported, never failing the others),
 * cuts the valid ones into chunks by count and by bytes, and sends the chunks one after another. A chunk the backend
 * finds too large (413) is split in half and sent again; once the key is rejected (401/403) the remaining chunks are
 * not sent. Whatever is not delivered is listed in the result's errors with its event id.
 */
public final class EventPushService {

    private static final Logger logger = LoggerFactory.getLogger(EventPushService.class);

    private static final int MAX_ERRORS_LOGGED = 10;

    private final ChunkSender sender;

    private final EventValidator validator;

    private final PushSettings settings;

    public EventPushService(ChunkSender sender, EventValidator validator, PushSettings settings) {
        this.sender = sender;
        this.validator = validator;
        this.settings = settings;
    }

    public PushSettings settings() {
        return settings;
    }

    /** Pushes the events; the returned Mono never errors, every failure is described in the result. */
    public Mono<PushResult> push(List<TelemetryEvent> events, PushOptions options) {
        return Mono.defer(() -> {
            if (options.organizationId() != null) {
                logger.debug("Pushing {} events for organization {}", events.size(), options.organizationId());
            }
            List<PushError> invalid = new ArrayList<>();
            List<EncodedEvent> valid = encode(events, invalid);
            PushResult skipped = new PushResult(0, 0, invalid.size(), 0, invalid);
            logErrors("Skipped {} of {} telemetry events as invalid: {}", invalid, events.size());
            if (valid.isEmpty()) {
                return Mono.just(skipped);
            }
            return deliverAll(valid, options, new AtomicBoolean())
                    .doOnNext(delivered -> logErrors("{} of {} telemetry events were not delivered: {}",
                            delivered.errors(), events.size()))
                    .map(skipped::plus);
        }).onErrorResume(unexpected -> {
            logger.error("Telemetry push failed unexpectedly; reporting all {} events as failed", events.size(),
                    unexpected);
            return Mono.just(PushResult.undelivered(events, "unexpected failure: " + unexpected));
        });
    }

    /**
     * Pushes events that are already serialised, such as those replayed from the disk spool: no validation, the
     * same chunking, retries and accounting as {@link #push}. The returned Mono never errors.
     *
     * @param keyRejected set when the backend refused the API key, so the caller can keep the events for later
     *                    rather than count them as refused for good
     */
    public Mono<PushResult> pushEncoded(List<EncodedEvent> events, PushOptions options, AtomicBoolean keyRejected) {
        if (events.isEmpty()) {
            return Mono.just(PushResult.empty());
        }
        return Mono.defer(() -> deliverAll(events, options, keyRejected)).onErrorResume(unexpected -> {
            logger.error("Telemetry push failed unexpectedly; reporting all {} events as failed", events.size(),
                    unexpected);
            List<PushError> errors = events.stream().map(event -> new PushError(event.index(), event.eventId(),
                    PushError.Cause.UNDELIVERED, "unexpected failure: " + unexpected)).toList();
            return Mono.just(new PushResult(0, 0, 0, errors.size(), errors));
        });
    }

    private Mono<PushResult> deliverAll(List<EncodedEvent> events, PushOptions options, AtomicBoolean keyRejected) {
        int maxRetries = options.maxRetriesOr(settings.maxRetries());
        return Flux.fromIterable(EventChunker.chunk(events, options.chunkSizeOr(settings.chunkSize()),
                        settings.maxRequestBytes()))
                .concatMap(chunk -> deliver(chunk, maxRetries, keyRejected))
                .reduce(PushResult.empty(), PushResult::plus);
    }

    private List<EncodedEvent> encode(List<TelemetryEvent> events, List<PushError> invalid) {
        List<EncodedEvent> valid = new ArrayList<>(events.size());
        Set<String> seenIds = new HashSet<>();
        for (int index = 0; index < events.size(); index++) {
            TelemetryEvent event = events.get(index);
            if (event == null) {
                invalid.add(new PushError(index, null, PushError.Cause.INVALID, "event is null"));
                continue;
            }
            try {
                byte[] json = validator.validate(event);
                if (!seenIds.add(event.eventId())) {
                    invalid.add(new PushError(index, event.eventId(), PushError.Cause.INVALID,
                            "event_id repeats an earlier event in this push"));
                    continue;
                }
                valid.add(new EncodedEvent(index, event.eventId(), json));
            }
            catch (InvalidEventException ex) {
                invalid.add(new PushError(index, event.eventId(), PushError.Cause.INVALID, ex.getMessage()));
            }
            catch (RuntimeException ex) {
                // A property's toString() or a map's iterator can throw; that is the event's fault, not the batch's.
                invalid.add(new PushError(index, event.eventId(), PushError.Cause.INVALID,
                        "could not be serialised: " + ex));
            }
        }
        return valid;
    }

    private Mono<PushResult> deliver(EventChunk chunk, int maxRetries, AtomicBoolean keyRejected) {
        if (keyRejected.get()) {
            return Mono.just(failed(chunk, PushError.Cause.KEY_REJECTED,
                    "not sent: the API key was rejected earlier in this push"));
        }
        return sender.send(chunk, maxRetries)
                .map(response -> accounted(chunk, response))
                .onErrorResume(failure -> {
                    if (failure instanceof IngestHttpException http && http.status() == 413) {
                        if (chunk.size() > 1) {
                            logger.debug("Ingest API found a chunk of {} events too large; sending it in halves",
                                    chunk.size());
                            return Flux.fromIterable(chunk.halves())
                                    .concatMap(half -> deliver(half, maxRetries, keyRejected))
                                    .reduce(PushResult::plus);
                        }
                        return Mono.just(failed(chunk, PushError.Cause.REJECTED,
                                "the backend refused the event as too large (HTTP 413)"));
                    }
                    if (failure instanceof IngestHttpException http && http.isCredentialsRejected()) {
                        if (keyRejected.compareAndSet(false, true)) {
                            logger.error("Trajectory ingest API rejected the API key (HTTP {}); check "
                                    + "trajectory.api-key. Events of this push are not delivered.", http.status());
                        }
                        return Mono.just(failed(chunk, PushError.Cause.KEY_REJECTED, failure.getMessage()));
                    }
                    if (RetryPolicy.isRetryable(failure)) {
                        int attempts = maxRetries + 1;
                        return Mono.just(failed(chunk, PushError.Cause.UNDELIVERED, "not delivered after " + attempts
                                + (attempts == 1 ? " attempt: " : " attempts: ") + HttpChunkSender.describe(failure)));
                    }
                    PushError.Cause cause = failure instanceof IngestHttpException ? PushError.Cause.REJECTED
                            : PushError.Cause.UNDELIVERED;
                    return Mono.just(failed(chunk, cause, "not delivered: " + HttpChunkSender.describe(failure)));
                });
    }

    private static PushResult accounted(EventChunk chunk, IngestResponse response) {
        if (response.rejected().isEmpty()) {
            return new PushResult(response.accepted(), response.duplicates(), 0, 0, List.of());
        }
        Map<String, Integer> indexById = new HashMap<>();
        chunk.events().forEach(event -> indexById.put(event.eventId(), event.index()));
        List<PushError> errors = new ArrayList<>();
        for (IngestResponse.Rejection rejection : response.rejected()) {
            Integer index = rejection.eventId() == null ? null : indexById.get(rejection.eventId());
            errors.add(new PushError(index == null ? -1 : index, rejection.eventId(), PushError.Cause.REJECTED,
                    "rejected by the backend: " + (rejection.reason() == null ? "no reason given" : rejection.reason())));
        }
        return new PushResult(response.accepted(), response.duplicates(), 0, errors.size(), errors);
    }

    private static PushResult failed(EventChunk chunk, PushError.Cause cause, @Nullable String reason) {
        String text = reason == null ? "not delivered" : reason;
        List<PushError> errors = chunk.events().stream()
                .map(event -> new PushError(event.index(), event.eventId(), cause, text))
                .toList();
        return new PushResult(0, 0, 0, errors.size(), errors);
    }

    private static void logErrors(String format, List<PushError> errors, int total) {
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder listed = new StringBuilder();
        errors.stream().limit(MAX_ERRORS_LOGGED).forEach(error -> listed.append(listed.isEmpty() ? "" : "; ")
                .append(error.message()));
        if (errors.size() > MAX_ERRORS_LOGGED) {
            listed.append("; and ").append(errors.size() - MAX_ERRORS_LOGGED).append(" more");
        }
        logger.warn(format, errors.size(), total, listed);
    }
}
