package dev.trajectory.signals;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/** A span current on one thread: close it (try-with-resources) to end it; mark a failure with {@link #error}. */
public final class SpanScope implements AutoCloseable {

    private final SpanRecorder recorder;

    private final SpanRecorder.OpenSpan span;

    private final Observation.Scope scope;

    private @Nullable Throwable error;

    SpanScope(SpanRecorder recorder, SpanRecorder.OpenSpan span, Observation.Scope scope) {
        this.recorder = recorder;
        this.span = span;
        this.scope = scope;
    }

    /** The span's id. */
    public String id() {
        return span.id();
    }

    /** Marks the span as failed with this error; recorded when it closes. */
    public void error(Throwable error) {
        this.error = error;
    }

    @Override
    public void close() {
        scope.close();
        recorder.end(span, error);
    }
}
