package dev.trajectory.client;

import java.util.List;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.EventPushService;
import dev.trajectory.push.PushOptions;
import dev.trajectory.push.PushResult;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The application's entry point to Trajectory. Thread-safe; one instance per application.
 * <p>
 * In Spring Boot the starter provides it as a bean; elsewhere build one with {@link #builder()}.
 */
public class TelemetryClient {

    private final @Nullable EventPushService pushService;

    private final @Nullable String offReason;

    private final String source;

    public TelemetryClient(EventPushService pushService, String source) {
        this(pushService, null, source);
    }

    private TelemetryClient(@Nullable EventPushService pushService, @Nullable String offReason, String source) {
        this.pushService = pushService;
        this.offReason = offReason;
        this.source = source;
    }

    /**
     * A client that sends nothing and opens no connection: every event pushed is reported as skipped with the
     * given reason.
     */
    public static TelemetryClient disabled(String reason, String source) {
        return new TelemetryClient(null, reason, source);
    }

    /** Whether this client sends events (or writes them locally); {@code false} when telemetry is off. */
    public boolean isEnabled() {
        return pushService != null;
    }

    /** Builds a client without Spring. */
    public static TelemetryClientBuilder builder() {
        return new TelemetryClientBuilder();
    }

    /**
     * Starts an event of the given type in the given session, with this client's configured source.
     */
    public TelemetryEvent.Builder event(String eventType, String sessionId) {
        return TelemetryEvent.builder(eventType, sessionId).source(source);
    }

    /**
     * Sends the events now, in chunks, and waits for the outcome. Invalid events are skipped and listed in the
     * result; delivery failures are retried and, when retries run out, listed too. Never throws for a bad event or
     * an unreachable backend. Blocks the calling thread: from reactive code use {@link #pushEventsReactive(List)}.
     */
    public PushResult pushEvents(List<TelemetryEvent> events) {
        return pushEvents(events, PushOptions.defaults());
    }

    /**
     * Like {@link #pushEvents(List)} with per-call settings.
     *
     * @param organizationId organisation the events are attributed to in the log
     * @param chunkSize      most events per request
     * @param maxRetries     retries per request after the first attempt
     */
    public PushResult pushEvents(List<TelemetryEvent> events, String organizationId, int chunkSize, int maxRetries) {
        return pushEvents(events, new PushOptions(organizationId, chunkSize, maxRetries));
    }

    /** Like {@link #pushEvents(List)} with per-call settings. */
    public PushResult pushEvents(List<TelemetryEvent> events, PushOptions options) {
        return pushEventsReactive(events, options).block();
    }

    /** Sends the events when the returned Mono is subscribed to; the Mono never errors. */
    public Mono<PushResult> pushEventsReactive(List<TelemetryEvent> events) {
        return pushEventsReactive(events, PushOptions.defaults());
    }

    /** Like {@link #pushEventsReactive(List)} with per-call settings. */
    public Mono<PushResult> pushEventsReactive(List<TelemetryEvent> events, PushOptions options) {
        if (pushService == null) {
            return Mono.fromSupplier(() -> PushResult.notSent(events, String.valueOf(offReason)));
        }
        return pushService.push(events, options);
    }

    /**
     * Temporary: hands one event to the backend without waiting. Replaced by the tracking pipeline's
     * {@code track(TelemetryEvent)} (bounded queue, background flush) when that lands.
     */
    public void track(TelemetryEvent event) {
        pushEventsReactive(List.of(event)).subscribe();
    }
}
