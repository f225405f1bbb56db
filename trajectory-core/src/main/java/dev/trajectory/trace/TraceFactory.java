package dev.trajectory.trace;

import java.time.Clock;
import java.util.function.Supplier;

import dev.trajectory.event.TelemetryEvent;
import org.jspecify.annotations.Nullable;

/**
 * Starts trace contexts with the application's settings: the events' source, the per-run event limit, the clock,
 * and where the current distributed (W3C) trace id comes from when a tracer is present.
 */
public final class TraceFactory {

    private final String source;

    private final int maxEvents;

    private final Supplier<@Nullable String> distributedTraceId;

    private final Clock clock;

    public TraceFactory(String source, int maxEvents, Supplier<@Nullable String> distributedTraceId, Clock clock) {
        if (maxEvents <= 0) {
            throw new IllegalArgumentException("maxEvents must be greater than 0 but was " + maxEvents);
        }
        this.source = source;
        this.maxEvents = maxEvents;
        this.distributedTraceId = distributedTraceId;
        this.clock = clock;
    }

    /** Default limits, the system clock and no tracer. */
    public static TraceFactory defaults(String source) {
        return new TraceFactory(source, TraceContext.Builder.DEFAULT_MAX_EVENTS, () -> null, Clock.systemUTC());
    }

    /** Default limits for events of the default source. */
    public static TraceFactory defaults() {
        return defaults(TelemetryEvent.DEFAULT_SOURCE);
    }

    public Clock clock() {
        return clock;
    }

    /** A builder with these settings and the current distributed trace id, for the caller to complete. */
    public TraceContext.Builder newTrace() {
        return TraceContext.builder()
                .source(source)
                .maxEvents(maxEvents)
                .clock(clock)
                .distributedTraceId(currentDistributedTraceId());
    }

    private @Nullable String currentDistributedTraceId() {
        try {
            return distributedTraceId.get();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }
}
