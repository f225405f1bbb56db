package dev.trajectory.autoconfigure.trace;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/** The W3C trace id of the span current in Micrometer Tracing, if any. */
final class MicrometerTracingTraceIds implements Supplier<@Nullable String> {

    private final Tracer tracer;

    MicrometerTracingTraceIds(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public @Nullable String get() {
        Span span = tracer.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
