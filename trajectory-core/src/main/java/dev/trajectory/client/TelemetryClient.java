package dev.trajectory.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.trajectory.event.EventIds;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.DeletionRequester;
import dev.trajectory.push.DeletionResult;
import dev.trajectory.push.EventPushService;
import dev.trajectory.push.PushOptions;
import dev.trajectory.push.PushResult;
import dev.trajectory.push.TraceSink;
import dev.trajectory.push.TraceUploadResult;
import dev.trajectory.signals.MetricType;
import dev.trajectory.signals.Severity;
import dev.trajectory.signals.SpanKind;
import dev.trajectory.signals.SpanScope;
import dev.trajectory.spool.SpoolHealth;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.tracking.ClientIdentity;
import dev.trajectory.tracking.ErrorDetails;
import dev.trajectory.tracking.EventEnricher;
import dev.trajectory.tracking.EventKind;
import dev.trajectory.tracking.LlmTurn;
import dev.trajectory.tracking.SessionTracker;
import dev.trajectory.tracking.ShutdownReport;
import dev.trajectory.tracking.TrackingPipeline;
import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The application's entry point to Trajectory. Thread-safe; one instance per application.
 * <p>
 * {@code track...} methods queue events and return at once: they never block, never throw and never open a
 * connection on the caller's thread; a background worker delivers them. {@code pushEvents} sends a list now and
 * reports the outcome. In Spring Boot the starter provides the client as a bean; elsewhere build one with
 * {@link #builder()} and {@link #close()} it when done (a JVM shutdown hook closes it otherwise).
 */
public class TelemetryClient implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(TelemetryClient.class);

    private final @Nullable Tracking tracking;

    private final @Nullable String offReason;

    private final String source;

    private volatile @Nullable EventMetadata metadata;

    /** The parts that exist only while telemetry is on. */
    record Tracking(EventPushService pushService, TrackingPipeline pipeline, ClientIdentity identity,
            SessionTracker sessions, DeletionRequester deletion, List<EventEnricher> enrichers,
            Duration defaultTimeout, Clock clock) {
    }

    TelemetryClient(Tracking tracking, String source) {
        this.tracking = tracking;
        this.offReason = null;
        this.source = source;
    }

    private TelemetryClient(String offReason, String source) {
        this.tracking = null;
        this.offReason = offReason;
        this.source = source;
    }

    /** Builds a client without Spring. */
    public static TelemetryClientBuilder builder() {
        return new TelemetryClientBuilder();
    }

    /**
     * A client that sends nothing and opens no connection: tracked events are discarded and every event pushed is
     * reported as skipped with the given reason.
     */
    public static TelemetryClient disabled(String reason, String source) {
        return new TelemetryClient(reason, source);
    }

    /** Whether this client delivers events (to the backend or the local folder); {@code false} when opted out. */
    public boolean isEnabled() {
        return tracking != null;
    }

    /** Why telemetry is off, when it is. */
    public @Nullable String offReason() {
        return offReason;
    }

    /** Starts an event of the given type in the given session, with this client's configured source. */
    public TelemetryEvent.Builder event(String eventType, String sessionId) {
        return TelemetryEvent.builder(eventType, sessionId).source(source);
    }

    // ---- tracking: non-blocking ----

    /**
     * Queues a complete event for background delivery. Returns whether it was queued ({@code false} when telemetry
     * is off, the queue is full or the client is shut down; such drops are counted).
     */
    public boolean track(TelemetryEvent event) {
        if (tracking == null || event == null) {
            return false;
        }
        if (event.traceId() == null) {
            Optional<TraceContext> run = TraceContext.current();
            if (run.isPresent()) {
                event = event.toBuilder().traceId(run.get().traceId()).build();
            }
        }
        return enqueue(tracking, event);
    }

    /** Queues an event that already carries the current run's trace id, if any. */
    private static boolean enqueue(Tracking tracking, TelemetryEvent event) {
        if (event.userId() != null) {
            tracking.identity().remember(event.userId());
        }
        return tracking.pipeline().enqueue(event);
    }

    /** Tracks an event for the identified user (or anonymously) in a generated session. */
    public boolean track(String eventType, @Nullable Map<String, ?> properties) {
        return track(eventType, properties, null, null, null, null);
    }

    /** Tracks an event for a user in the user's generated session. */
    public boolean track(String eventType, @Nullable Map<String, ?> properties, @Nullable String userId) {
        return track(eventType, properties, userId, null, null, null);
    }

    /** Tracks an event for a user in a given session. */
    public boolean track(String eventType, @Nullable Map<String, ?> properties, @Nullable String userId,
            @Nullable String sessionId) {
        return track(eventType, properties, userId, sessionId, null, null);
    }

    /**
     * Tracks an event. Every argument but the type may be {@code null}: the user defaults to the identified one,
     * the session to the user's generated session (rotated after inactivity), the timestamp to now.
     */
    public boolean track(String eventType, @Nullable Map<String, ?> properties, @Nullable String userId,
            @Nullable String sessionId, @Nullable Instant timestamp, @Nullable EventKind kind) {
        if (tracking == null) {
            return false;
        }
        try {
            if (tracking.pipeline().refuseWhenFull()) {
                return false;
            }
            return enqueue(tracking, newEvent(tracking, eventType, properties, userId, sessionId, timestamp, kind));
        }
        catch (RuntimeException ex) {
            logger.debug("Could not record the Trajectory event {}", eventType, ex);
            return false;
        }
    }

    /**
     * Records an LLM call as two events, {@code llm.prompt} stamped now minus the latency and {@code llm.generation}
     * stamped now, sharing an {@code llm_call_id}.
     */
    public boolean trackLlm(@Nullable String userId, String prompt, @Nullable String assistantId, String generation,
            @Nullable Map<String, ?> properties, Duration latency) {
        return trackLlm(new LlmTurn(userId, prompt, assistantId, generation, properties, latency, null, null));
    }

    /** Records an LLM call, with token counts when known; see {@link #trackLlm(String, String, String, String, Map, Duration)}. */
    public boolean trackLlm(LlmTurn turn) {
        if (tracking == null) {
            return false;
        }
        try {
            Instant now = tracking.clock().instant();
            Map<String, Object> shared = new LinkedHashMap<>(turn.properties());
            shared.put("llm_call_id", EventIds.newEventId());
            if (turn.assistantId() != null) {
                shared.put("assistant_id", turn.assistantId());
            }
            Map<String, Object> prompt = new LinkedHashMap<>(shared);
            prompt.put("prompt", turn.prompt());
            if (turn.promptTokens() != null) {
                prompt.put("prompt_tokens", turn.promptTokens());
            }
            Map<String, Object> generation = new LinkedHashMap<>(shared);
            generation.put("generation", turn.generation());
            generation.put("latency_s", turn.latency().toNanos() / 1e9);
            if (turn.promptTokens() != null) {
                generation.put("prompt_tokens", turn.promptTokens());
            }
            if (turn.completionTokens() != null) {
                generation.put("completion_tokens", turn.completionTokens());
            }
            if (turn.promptTokens() != null && turn.completionTokens() != null) {
                generation.put("total_tokens", turn.promptTokens() + turn.completionTokens());
            }
            boolean promptQueued = track("llm.prompt", prompt, turn.userId(), null, now.minus(turn.latency()),
                    EventKind.USAGE);
            boolean generationQueued = track("llm.generation", generation, turn.userId(), null, now, EventKind.USAGE);
            return promptQueued && generationQueued;
        }
        catch (RuntimeException ex) {
            logger.debug("Could not record a Trajectory LLM turn", ex);
            return false;
        }
    }

    /**
     * Records an {@code error.exception} event: the error's type, message, a bounded stack trace and its causes,
     * plus the caller's message and properties.
     */
    public boolean error(Throwable error, @Nullable String message, @Nullable Map<String, ?> properties) {
        if (tracking == null || error == null) {
            return false;
        }
        try {
            Map<String, Object> details = new HashMap<>();
            if (properties != null) {
                details.putAll(properties);
            }
            details.putAll(ErrorDetails.of(error));
            if (message != null) {
                details.put("message", message);
            }
            return track("error.exception", details, null, null, null, EventKind.ERROR);
        }
        catch (RuntimeException ex) {
            logger.debug("Could not record a Trajectory error event", ex);
            return false;
        }
    }

    /** Links later events without a user id to this user. */
    public void identify(String userId) {
        if (tracking != null && userId != null && !userId.isBlank()) {
            tracking.identity().identify(userId);
        }
    }

    /** The anonymous id of this installation, kept across restarts; {@code null} when telemetry is off. */
    public @Nullable String clientId() {
        return tracking == null ? null : tracking.identity().clientId();
    }

    /** Number of tracked events waiting to be sent. */
    public int queueSize() {
        return tracking == null ? 0 : tracking.pipeline().queueSize();
    }

    /** The pipeline's counts (enqueued, sent, dropped by reason); {@code null} when telemetry is off. */
    public dev.trajectory.tracking.@Nullable TrackingMetrics trackingMetrics() {
        return tracking == null ? null : tracking.pipeline().metrics();
    }

    /** Whether the disk spool works and how full it is; {@link SpoolHealth.Status#OFF} without one. */
    public SpoolHealth spoolHealth() {
        return tracking == null ? SpoolHealth.off() : tracking.pipeline().spool().health();
    }

    /** Delivers everything tracked so far, waiting at most the shutdown timeout; returns whether it finished. */
    public boolean flush() {
        return tracking == null || flush(tracking.defaultTimeout());
    }

    /** Delivers everything tracked so far, waiting at most {@code timeout}; returns whether it finished in time. */
    public boolean flush(Duration timeout) {
        return tracking == null || tracking.pipeline().flush(timeout);
    }

    /**
     * Stops accepting events, delivers what is queued within the deadline and stops the background worker.
     * Returns what became of the events tracked since the start.
     */
    public ShutdownReport shutdown(Duration deadline) {
        return tracking == null ? new ShutdownReport(0, 0, 0, 0) : tracking.pipeline().shutdown(deadline);
    }

    /** Shuts down within the configured shutdown timeout. */
    @Override
    public void close() {
        if (tracking != null) {
            shutdown(tracking.defaultTimeout());
        }
    }

    /**
     * Asks the backend to delete everything recorded for this installation's client id and the user ids it has
     * seen, then forgets them locally and starts a new client id. Events still queued are sent first and events
     * kept in the disk spool are discarded, so none arrives after the request. Blocks; never throws.
     */
    public DeletionResult requestDeletion() {
        if (tracking == null) {
            return new DeletionResult(false, "telemetry is off (" + offReason + "); nothing was sent");
        }
        try {
            // What was tracked before the request goes out first (the backend then deletes it too), and what could
            // not be delivered is discarded, so nothing recorded before the request reaches the backend after it.
            tracking.pipeline().flush(tracking.defaultTimeout());
            tracking.pipeline().spool().purge();
            ClientIdentity identity = tracking.identity();
            DeletionResult result = tracking.deletion()
                    .requestDeletion(identity.clientId(), identity.knownUsers())
                    .block();
            if (result != null && result.success()) {
                identity.reset();
            }
            return result != null ? result : new DeletionResult(false, "no answer");
        }
        catch (RuntimeException ex) {
            return new DeletionResult(false, "deletion request failed: " + ex);
        }
    }

    // ---- pushing: explicit, reports the outcome ----

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
    public PushResult pushEvents(List<TelemetryEvent> events, @Nullable String organizationId, int chunkSize,
            int maxRetries) {
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
        if (tracking == null) {
            return Mono.fromSupplier(() -> PushResult.notSent(events, "telemetry is off (" + offReason + ")"));
        }
        return tracking.pushService().push(events, options);
    }

    private TelemetryEvent newEvent(Tracking tracking, String eventType, @Nullable Map<String, ?> properties,
            @Nullable String userId, @Nullable String sessionId, @Nullable Instant timestamp,
            @Nullable EventKind kind) {
        ClientIdentity identity = tracking.identity();
        String user = userId != null ? userId : identity.identifiedUser();
        Instant at = timestamp != null ? timestamp : tracking.clock().instant();
        String session = sessionId != null ? sessionId
                : tracking.sessions().sessionFor(user != null ? user : identity.clientId(),
                        timestamp != null ? tracking.clock().millis() : at.toEpochMilli());
        Map<String, Object> metadata = metadataFor(identity.clientId()).of(kind);
        TraceContext run = TraceContext.current().orElse(null);
        String traceId = run != null ? run.traceId() : null;
        if (tracking.enrichers().isEmpty()) {
            return new TelemetryEvent(eventType, session, asObjects(properties), null, at, user, null, traceId, source,
                    metadata);
        }
        TelemetryEvent.Builder builder = TelemetryEvent.builder(eventType, session).properties(properties)
                .userId(user).timestamp(at).source(source).metadata(metadata).traceId(traceId);
        for (EventEnricher enricher : tracking.enrichers()) {
            enricher.enrich(builder);
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, @Nullable Object> asObjects(@Nullable Map<String, ?> properties) {
        // The event copies the map into its own immutable form; the cast only widens the value type for that copy.
        return (Map<String, @Nullable Object>) properties;
    }

    private EventMetadata metadataFor(String clientId) {
        EventMetadata current = metadata;
        if (current == null || !current.clientId().equals(clientId)) {
            current = new EventMetadata(clientId);
            metadata = current;
        }
        return current;
    }

    // Agent runs, trace upload, metrics, logs, spans and status. Their collaborators live in ClientSignals, set
    // after construction (setSignals) so the constructors above stay as they are.

    private volatile @Nullable ClientSignals signals;

    /** Replaces the collaborators behind the methods below; the Spring Boot starter sets them at start-up. */
    public void setSignals(ClientSignals signals) {
        if (tracking != null) {
            signals.setQueueFigures(tracking.pipeline().figures());
        }
        this.signals = signals;
    }

    /** The collaborators behind the methods below; defaults when none were set. */
    public ClientSignals signals() {
        ClientSignals current = signals;
        if (current == null) {
            current = ClientSignals.builder().serviceName(source).build();
            signals = current;
        }
        return current;
    }

    /**
     * Starts a trace, current on this thread until closed: use it in try-with-resources, and push its events with
     * {@code pushEvents(trace.events())}.
     */
    public TraceContext startTrace() {
        return startTrace(null, null);
    }

    /** Like {@link #startTrace()} for a session and user; the session defaults to the trace id. */
    public TraceContext startTrace(@Nullable String sessionId, @Nullable String userId) {
        return signals().traces().newTrace().sessionId(sessionId).userId(userId).start();
    }

    /**
     * Uploads a trajectory together with the trace's events in one request ({@code POST /v1/traces}): both land or
     * neither does. Retried like pushes; blocks until done. Never throws.
     */
    public TraceUploadResult uploadTrace(TraceContext trace, Trajectory trajectory) {
        TraceUploadResult result = uploadTraceReactive(trace, trajectory).block();
        return result != null ? result : new TraceUploadResult(false, 0, 0, "no result");
    }

    /** Like {@link #uploadTrace} when the returned Mono is subscribed to; the Mono never errors. */
    public Mono<TraceUploadResult> uploadTraceReactive(TraceContext trace, Trajectory trajectory) {
        ClientSignals current = signals();
        TraceSink uploader = current.uploader();
        if (uploader == null || !isEnabled()) {
            return Mono.just(new TraceUploadResult(false, 0, 0, offReason != null ? "telemetry is off (" + offReason + ")"
                    : "no trace upload is configured"));
        }
        return uploader.upload(trace.traceId(), trajectory, trace.events()).doOnNext(result -> {
            if (result.uploaded()) {
                current.eventsSent(result.events());
            }
            else if (result.error() != null && result.error().contains("API key was rejected")) {
                current.credentialsRejected();
            }
        });
    }

    /** Adds the value to a Micrometer counter in the application's registry. */
    public void incrementCounter(String name, double value, Map<String, ? extends @Nullable Object> attributes) {
        signals().metrics().incrementCounter(name, value, attributes);
    }

    /** Sets a Micrometer gauge in the application's registry to the value. */
    public void recordGauge(String name, double value, Map<String, ? extends @Nullable Object> attributes) {
        signals().metrics().recordGauge(name, value, attributes);
    }

    /** Records the value in a Micrometer distribution summary with the given base unit. */
    public void recordHistogram(String name, double value, @Nullable String unit,
            Map<String, ? extends @Nullable Object> attributes) {
        signals().metrics().recordHistogram(name, value, unit, attributes);
    }

    /** Records the value as a counter, gauge or histogram. */
    public void recordMetric(String name, double value, MetricType type, @Nullable String unit,
            Map<String, ? extends @Nullable Object> attributes) {
        signals().metrics().recordMetric(name, value, type, unit, attributes);
    }

    /** Writes the message through SLF4J and records it in the current agent run, if any. */
    public void log(String message, Severity severity, Map<String, ? extends @Nullable Object> attributes) {
        signals().logs().log(message, severity, attributes);
    }

    public void logDebug(String message) {
        log(message, Severity.DEBUG, Map.of());
    }

    public void logInfo(String message) {
        log(message, Severity.INFO, Map.of());
    }

    public void logWarn(String message) {
        log(message, Severity.WARN, Map.of());
    }

    public void logError(String message) {
        log(message, Severity.ERROR, Map.of());
    }

    /** Starts a span (a Micrometer observation) current until closed: use it in try-with-resources. */
    public SpanScope span(String name, SpanKind kind, Map<String, ? extends @Nullable Object> attributes) {
        return signals().spans().span(name, kind, attributes);
    }

    /** Starts a span to end later with {@link #endSpan}; returns its id. */
    public String startSpan(String name, SpanKind kind, Map<String, ? extends @Nullable Object> attributes) {
        return signals().spans().startSpan(name, kind, attributes);
    }

    /** Ends a span started with {@link #startSpan}; {@code error} marks it failed. */
    public void endSpan(String spanId, @Nullable Throwable error) {
        signals().spans().endSpan(spanId, error);
    }

    /** Adds a named event to a span started with {@link #startSpan}. */
    public void addSpanEvent(String spanId, String name, Map<String, ? extends @Nullable Object> attributes) {
        signals().spans().addSpanEvent(spanId, name, attributes);
    }

    /** What the client is doing; never shows the API key. */
    public ClientStatus getStatus() {
        return signals().status(isEnabled());
    }
}
