package dev.trajectory.trace;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.trajectory.event.EventIds;
import dev.trajectory.event.TelemetryEvent;
import org.jspecify.annotations.Nullable;

/**
 * One agent run (trace): its correlation ids and the events recorded in it. Every event made here carries the
 * run's {@code trace_id}, so product telemetry joins the trajectory of the run.
 * <p>
 * The buffer is bounded: past {@code maxEvents} further events are dropped and counted in
 * {@link #droppedEvents()}. Thread-safe; a run's context may be current on several threads at once.
 * <p>
 * For manual use, {@code TelemetryClient.startTrace()} returns a context already current on the calling thread;
 * closing it restores what was current before:
 * <pre>{@code
 * try (TraceContext trace = telemetry.startTrace()) {
 *     trace.event("tool.call", Map.of("tool", "search"));
 *     telemetry.pushEvents(trace.events());
 * }
 * }</pre>
 */
public final class TraceContext implements AutoCloseable {

    /** Metadata key holding the W3C trace id of the distributed trace the run happened in. */
    public static final String DISTRIBUTED_TRACE_ID = "w3c_trace_id";

    private final String traceId;

    private final String sessionId;

    private final @Nullable String userId;

    private final @Nullable String distributedTraceId;

    private final String source;

    private final int maxEvents;

    private final boolean request;

    private final Clock clock;

    private final ConcurrentLinkedQueue<TelemetryEvent> events = new ConcurrentLinkedQueue<>();

    private final AtomicInteger size = new AtomicInteger();

    private final AtomicInteger dropped = new AtomicInteger();

    private final ConcurrentHashMap<Class<?>, Object> attachments = new ConcurrentHashMap<>();

    private volatile @Nullable Scope closeScope;

    private TraceContext(Builder builder) {
        this.traceId = builder.traceId != null ? builder.traceId : EventIds.newEventId();
        this.sessionId = builder.sessionId != null ? builder.sessionId : this.traceId;
        this.userId = builder.userId;
        this.distributedTraceId = builder.distributedTraceId;
        this.source = builder.source;
        this.maxEvents = builder.maxEvents;
        this.request = builder.request;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The context of the agent run in progress on this thread, if any. */
    public static Optional<TraceContext> current() {
        return Optional.ofNullable(TraceContextHolder.get());
    }

    /** The caller-owned correlation key of the run; generated when none was given. */
    public String traceId() {
        return traceId;
    }

    /** The session events of the run belong to; the trace id unless one was given. */
    public String sessionId() {
        return sessionId;
    }

    public @Nullable String userId() {
        return userId;
    }

    /** The W3C trace id of the distributed trace the run started in, when a tracer was active. */
    public @Nullable String distributedTraceId() {
        return distributedTraceId;
    }

    /**
     * Whether this context belongs to a web request rather than an agent run: an agent run started inside the request
     * keeps the request's trace id and session but records into, and ends with, its own buffer.
     */
    public boolean isRequest() {
        return request;
    }

    /** Records an event of the given type in this run, with the run's session and user, and returns it. */
    public TelemetryEvent event(String eventType, Map<String, ? extends @Nullable Object> properties) {
        return event(eventType, properties, userId, sessionId);
    }

    /** Records an event of the given type in this run for another user or session, and returns it. */
    public TelemetryEvent event(String eventType, Map<String, ? extends @Nullable Object> properties,
            @Nullable String userId, @Nullable String sessionId) {
        TelemetryEvent event = newEvent(eventType, properties, userId, sessionId);
        record(event, false);
        return event;
    }

    /** Records the event that closes a run or request even when the buffer is full, so its end is never lost. */
    public TelemetryEvent finalEvent(String eventType, Map<String, ? extends @Nullable Object> properties) {
        TelemetryEvent event = newEvent(eventType, properties, userId, sessionId);
        record(event, true);
        return event;
    }

    /**
     * An event of this run stamped like those it records (trace id, session, user, distributed trace id) but not
     * recorded, for a caller that hands it on itself: a request's closing event goes straight to the pipeline.
     */
    public TelemetryEvent unrecordedEvent(String eventType, Map<String, ? extends @Nullable Object> properties) {
        return newEvent(eventType, properties, userId, sessionId);
    }

    private TelemetryEvent newEvent(String eventType, Map<String, ? extends @Nullable Object> properties,
            @Nullable String userId, @Nullable String sessionId) {
        // stamped while it is built: a draft to stamp afterwards would be a second event with a second random id
        String session = isBlank(sessionId) ? this.sessionId : sessionId;
        TelemetryEvent.Builder builder = TelemetryEvent.builder(eventType, session)
                .properties(properties)
                .userId(userId != null ? userId : this.userId)
                .timestamp(clock.instant())
                .source(source)
                .traceId(traceId);
        if (distributedTraceId != null) {
            builder.metadata(Map.of(DISTRIBUTED_TRACE_ID, distributedTraceId));
        }
        return builder.build();
    }

    /**
     * Records an event made elsewhere, setting this run's trace id (and session and user when it has none).
     *
     * @return whether the event was kept; {@code false} when the buffer was full and it was dropped
     */
    public boolean record(TelemetryEvent event) {
        return record(event, false);
    }

    private boolean record(TelemetryEvent event, boolean force) {
        TelemetryEvent stamped = event.traceId() != null ? event : stamp(event);
        if (size.incrementAndGet() > maxEvents && !force) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        events.add(stamped);
        return true;
    }

    private TelemetryEvent stamp(TelemetryEvent event) {
        TelemetryEvent.Builder builder = event.toBuilder().traceId(traceId);
        if (isBlank(event.sessionId())) {
            builder.sessionId(sessionId);
        }
        if (event.userId() == null) {
            builder.userId(userId);
        }
        if (distributedTraceId != null) {
            Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
            if (event.metadata() != null) {
                metadata.putAll(event.metadata());
            }
            metadata.putIfAbsent(DISTRIBUTED_TRACE_ID, distributedTraceId);
            builder.metadata(metadata);
        }
        return builder.build();
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** The events recorded so far, in the order they were recorded. */
    public List<TelemetryEvent> events() {
        return new ArrayList<>(events);
    }

    /** Events not kept because the buffer was full. */
    public int droppedEvents() {
        return dropped.get();
    }

    /**
     * The value of the given type kept with this run, created on first use: how other packages attach state that
     * lives and ends with the run, such as the model calls captured in it. Creation happens at most once per type.
     */
    public <T> T attachment(Class<T> type, Supplier<? extends T> create) {
        return type.cast(attachments.computeIfAbsent(type, key -> create.get()));
    }

    /** The value of the given type kept with this run, if one was attached. */
    public <T> @Nullable T attachment(Class<T> type) {
        return type.cast(attachments.get(type));
    }

    /** Makes this the current context on the calling thread until the returned scope is closed. */
    public Scope makeCurrent() {
        TraceContext previous = TraceContextHolder.get();
        TraceContextHolder.set(this);
        return new Scope(previous);
    }

    /** Makes this context current and remembers to restore the previous one on {@link #close()}. */
    TraceContext open() {
        this.closeScope = makeCurrent();
        return this;
    }

    /** Ends the scope opened by {@code startTrace()}: the previously current context is current again. */
    @Override
    public void close() {
        Scope scope = closeScope;
        closeScope = null;
        if (scope != null) {
            scope.close();
        }
    }

    @Override
    public String toString() {
        return "TraceContext[traceId=" + traceId + ", sessionId=" + sessionId + ", events=" + size.get()
                + ", dropped=" + dropped.get() + "]";
    }

    /** While open, a context is current on one thread; closing restores the one current before. */
    public static final class Scope implements AutoCloseable {

        private final @Nullable TraceContext previous;

        private Scope(@Nullable TraceContext previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            TraceContextHolder.set(previous);
        }
    }

    /** Builds a {@link TraceContext}; every value is optional. */
    public static final class Builder {

        /** Events kept per run when no limit is given. */
        public static final int DEFAULT_MAX_EVENTS = 1000;

        private @Nullable String traceId;

        private @Nullable String sessionId;

        private @Nullable String userId;

        private @Nullable String distributedTraceId;

        private String source = TelemetryEvent.DEFAULT_SOURCE;

        private int maxEvents = DEFAULT_MAX_EVENTS;

        private boolean request;

        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The correlation key; a random one is generated when blank or unset. */
        public Builder traceId(@Nullable String traceId) {
            this.traceId = blankToNull(traceId);
            return this;
        }

        /** The session; the trace id when blank or unset. */
        public Builder sessionId(@Nullable String sessionId) {
            this.sessionId = blankToNull(sessionId);
            return this;
        }

        public Builder userId(@Nullable String userId) {
            this.userId = blankToNull(userId);
            return this;
        }

        public Builder distributedTraceId(@Nullable String distributedTraceId) {
            this.distributedTraceId = blankToNull(distributedTraceId);
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Most events the run keeps; later ones are dropped and counted. */
        public Builder maxEvents(int maxEvents) {
            if (maxEvents <= 0) {
                throw new IllegalArgumentException("maxEvents must be greater than 0 but was " + maxEvents);
            }
            this.maxEvents = maxEvents;
            return this;
        }

        /** Marks the context as a web request's; see {@link TraceContext#isRequest()}. */
        public Builder request(boolean request) {
            this.request = request;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public TraceContext build() {
            return new TraceContext(this);
        }

        /** Builds the context and makes it current on this thread until it is closed. */
        public TraceContext start() {
            return build().open();
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
