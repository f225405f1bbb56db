package dev.trajectory.trace;

import org.jspecify.annotations.Nullable;

/** The thread-local slot holding the current {@link TraceContext}. */
final class TraceContextHolder {

    private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();

    private TraceContextHolder() {
    }

    static @Nullable TraceContext get() {
        return CURRENT.get();
    }

    static void set(@Nullable TraceContext context) {
        if (context == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(context);
        }
    }
}
