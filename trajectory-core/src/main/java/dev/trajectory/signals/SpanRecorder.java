package dev.trajectory.signals;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.trajectory.event.EventIds;
import dev.trajectory.trace.TraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spans backed by the Micrometer Observation API, so they reach the application's tracer when one is configured,
 * and recorded as {@code span.end} events in the current agent run. Spans started by id are held until ended, up to
 * a limit; never throws.
 */
public final class SpanRecorder {

    private static final Logger logger = LoggerFactory.getLogger(SpanRecorder.class);

    /** Most spans open by id at once; further ones are not started. */
    static final int MAX_OPEN_SPANS = 10_000;

    private final ObservationRegistry registry;

    private final SignalCounts counts;

    private final Clock clock;

    private final Map<String, OpenSpan> open = new ConcurrentHashMap<>();

    public SpanRecorder(ObservationRegistry registry, SignalCounts counts, Clock clock) {
        this.registry = registry;
        this.counts = counts;
        this.clock = clock;
    }

    /** Starts a span current on this thread until the returned scope is closed: use in try-with-resources. */
    public SpanScope span(String name, SpanKind kind, Map<String, ? extends @Nullable Object> attributes) {
        OpenSpan span = begin(name, kind, attributes);
        return new SpanScope(this, span, span.observation().openScope());
    }

    /** Starts a span to end later with {@link #endSpan}; returns its id. */
    public String startSpan(String name, SpanKind kind, Map<String, ? extends @Nullable Object> attributes) {
        OpenSpan span = begin(name, kind, attributes);
        if (open.size() >= MAX_OPEN_SPANS) {
            logger.debug("Not holding span {}: {} spans are open already", name, MAX_OPEN_SPANS);
            return span.id();
        }
        open.put(span.id(), span);
        return span.id();
    }

    /** Ends the span with this id, with the error when it failed; unknown ids are ignored. */
    public void endSpan(String id, @Nullable Throwable error) {
        OpenSpan span = open.remove(id);
        if (span != null) {
            end(span, error);
        }
    }

    /** Adds a named event to an open span. */
    public void addSpanEvent(String id, String name, Map<String, ? extends @Nullable Object> attributes) {
        OpenSpan span = open.get(id);
        if (span == null) {
            return;
        }
        try {
            span.observation().event(Observation.Event.of(name));
            Map<String, @Nullable Object> properties = new LinkedHashMap<>(attributes);
            properties.put("span_id", id);
            properties.put("name", name);
            span.trace().ifPresent(trace -> trace.event("span.event", properties));
        }
        catch (RuntimeException ex) {
            logger.debug("Could not add event {} to span {}: {}", name, id, ex.toString());
        }
    }

    private OpenSpan begin(String name, SpanKind kind, Map<String, ? extends @Nullable Object> attributes) {
        Observation observation = Observation.createNotStarted(name, registry)
                .lowCardinalityKeyValue("kind", kind.value());
        attributes.forEach((key, value) -> observation.highCardinalityKeyValue(key, String.valueOf(value)));
        return new OpenSpan(EventIds.newEventId().substring(0, 16), name, kind, Map.copyOf(nonNull(attributes)),
                observation.start(), TraceContext.current(), clock.millis());
    }

    void end(OpenSpan span, @Nullable Throwable error) {
        try {
            if (error != null) {
                span.observation().error(error);
            }
            span.observation().stop();
            Map<String, @Nullable Object> properties = new LinkedHashMap<>(span.attributes());
            properties.put("span_id", span.id());
            properties.put("name", span.name());
            properties.put("kind", span.kind().value());
            properties.put("duration_ms", Math.max(0, clock.millis() - span.startMillis()));
            if (error != null) {
                properties.put("error_type", error.getClass().getName());
            }
            span.trace().ifPresent(trace -> trace.event("span.end", properties));
            counts.spanEnded();
        }
        catch (RuntimeException ex) {
            logger.debug("Could not end span {}: {}", span.name(), ex.toString());
        }
    }

    private static Map<String, Object> nonNull(Map<String, ? extends @Nullable Object> attributes) {
        Map<String, Object> copy = new LinkedHashMap<>();
        attributes.forEach((key, value) -> copy.put(key, value == null ? "" : value));
        return copy;
    }

    record OpenSpan(String id, String name, SpanKind kind, Map<String, Object> attributes, Observation observation,
            Optional<TraceContext> trace, long startMillis) {
    }
}
