package dev.trajectory.client;

import java.util.List;
import java.util.Map;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.EventPushService;
import dev.trajectory.push.PushOptions;
import dev.trajectory.push.PushResult;
import dev.trajectory.push.TraceUploadResult;
import dev.trajectory.push.TraceUploader;
import dev.trajectory.signals.MetricType;
import dev.trajectory.signals.Severity;
import dev.trajectory.signals.SpanKind;
import dev.trajectory.signals.SpanScope;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trajectory.Trajectory;
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
    // Agent runs, trace upload, metrics, logs, spans and status. Their collaborators live in ClientSignals, set
    // after construction (setSignals) so the constructors above stay as they are.

    private volatile @Nullable ClientSignals signals;

    /** Replaces the collaborators behind the methods below; the Spring Boot starter sets them at start-up. */
    public void setSignals(ClientSignals signals) {
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
        TraceUploader uploader = current.uploader();
        if (uploader == null || !isEnabled()) {
            return Mono.just(new TraceUploadResult(false, 0, 0, offReason != null ? offReason
                    : "trace upload needs an API key; local mode does not upload traces"));
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
