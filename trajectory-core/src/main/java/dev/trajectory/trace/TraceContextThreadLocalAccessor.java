package dev.trajectory.trace;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer context-propagation carry the current {@link TraceContext} to other threads: executors decorated
 * with a context-propagating task decorator, Reactor operators with automatic propagation, and anything else that
 * captures a {@code ContextSnapshot}. Registered through {@code META-INF/services}.
 */
public final class TraceContextThreadLocalAccessor implements ThreadLocalAccessor<TraceContext> {

    /** The key the context is stored under in a Reactor {@code Context} or a context snapshot. */
    public static final String KEY = "dev.trajectory.trace";

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public @Nullable TraceContext getValue() {
        return TraceContextHolder.get();
    }

    @Override
    public void setValue(TraceContext value) {
        TraceContextHolder.set(value);
    }

    @Override
    public void setValue() {
        TraceContextHolder.set(null);
    }
}
