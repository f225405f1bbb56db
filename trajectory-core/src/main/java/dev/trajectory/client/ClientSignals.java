package dev.trajectory.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.trajectory.push.SdkVersion;
import dev.trajectory.push.TraceSink;
import dev.trajectory.signals.LogRecorder;
import dev.trajectory.signals.MetricRecorder;
import dev.trajectory.signals.SignalCounts;
import dev.trajectory.signals.SpanRecorder;
import dev.trajectory.trace.TraceFactory;
import dev.trajectory.tracking.QueueFigures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The collaborators behind {@link TelemetryClient}'s trace, upload, metric, log, span and status methods, held
 * apart from the client's constructor so either can change alone. Set with
 * {@link TelemetryClient#setSignals(ClientSignals)}; a client without one uses {@link #builder()}'s defaults (the
 * global Micrometer registry, no observation registry, no trace upload).
 */
public final class ClientSignals {

    private final TraceFactory traces;

    private final @Nullable TraceSink uploader;

    private final SignalCounts counts = new SignalCounts();

    private final MetricRecorder metrics;

    private final LogRecorder logs;

    private final SpanRecorder spans;

    private final String serviceName;

    private final @Nullable String endpoint;

    private final boolean observing;

    private final Clock clock;

    private final Instant startedAt;

    private final AtomicLong eventsSent = new AtomicLong();

    private final AtomicBoolean credentialsRejected = new AtomicBoolean();

    private volatile @Nullable QueueFigures queue;

    private ClientSignals(Builder builder) {
        this.traces = builder.traces != null ? builder.traces : TraceFactory.defaults(builder.serviceName);
        this.uploader = builder.uploader;
        this.metrics = new MetricRecorder(builder.meterRegistry, counts);
        this.logs = new LogRecorder(counts);
        this.spans = new SpanRecorder(builder.observationRegistry, counts, builder.clock);
        this.serviceName = builder.serviceName;
        this.endpoint = builder.endpoint;
        this.observing = !builder.observationRegistry.isNoop();
        this.clock = builder.clock;
        this.startedAt = builder.clock.instant();
    }

    public static Builder builder() {
        return new Builder();
    }

    public TraceFactory traces() {
        return traces;
    }

    public @Nullable TraceSink uploader() {
        return uploader;
    }

    public MetricRecorder metrics() {
        return metrics;
    }

    public LogRecorder logs() {
        return logs;
    }

    public SpanRecorder spans() {
        return spans;
    }

    /** Counts events the backend took; the tracking pipeline calls this after each delivery. */
    public void eventsSent(long count) {
        eventsSent.addAndGet(count);
    }

    /** Notes that the backend refused the API key (HTTP 401 or 403), for status and health. */
    public void credentialsRejected() {
        credentialsRejected.set(true);
    }

    /** Lets status and health show the tracking queue's figures; the tracking pipeline sets this. */
    public void setQueueFigures(QueueFigures queue) {
        this.queue = queue;
    }

    /** The tracking queue's figures, when the pipeline has reported them. */
    public @Nullable QueueFigures queueFigures() {
        return queue;
    }

    ClientStatus status(boolean initialized) {
        Map<String, Boolean> signals = new LinkedHashMap<>();
        signals.put("events", initialized);
        signals.put("traces", initialized && uploader != null);
        signals.put("metrics", true);
        signals.put("logs", true);
        signals.put("spans", observing);
        QueueFigures figures = queue;
        long sent = eventsSent.get() + (figures == null ? 0 : figures.sent());
        boolean keyRejected = credentialsRejected.get() || figures != null && figures.credentialsRejected();
        return new ClientStatus(initialized, SdkVersion.version(), serviceName, endpoint, signals,
                Duration.between(startedAt, clock.instant()), sent, counts.metrics(), counts.spans(), keyRejected);
    }

    /** The URL with only scheme, host, port and path, so no credentials or tokens in it are ever shown. */
    static String masked(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getPath() == null ? "" : url.getPath());
    }

    /** Builds {@link ClientSignals}; every value is optional. */
    public static final class Builder {

        private @Nullable TraceFactory traces;

        private @Nullable TraceSink uploader;

        private MeterRegistry meterRegistry = Metrics.globalRegistry;

        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

        private String serviceName = "sdk";

        private @Nullable String endpoint;

        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder traces(TraceFactory traces) {
            this.traces = traces;
            return this;
        }

        public Builder uploader(@Nullable TraceSink uploader) {
            this.uploader = uploader;
            return this;
        }

        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            this.observationRegistry = observationRegistry;
            return this;
        }

        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        /** The ingest base URL; only its scheme, host, port and path are ever shown. */
        public Builder endpoint(@Nullable URI endpoint) {
            this.endpoint = endpoint == null ? null : masked(endpoint);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ClientSignals build() {
            return new ClientSignals(this);
        }
    }
}
