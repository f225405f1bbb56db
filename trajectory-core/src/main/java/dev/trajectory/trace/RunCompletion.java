package dev.trajectory.trace;

import org.jspecify.annotations.Nullable;

/** What happens to an outermost run's events when it ends; must not block or throw. */
public interface RunCompletion {

    /** Hands the run's events to the tracking pipeline. */
    void push(TraceContext trace);

    /** Like {@link #push(TraceContext)}, knowing how the run ended; an implementation may upload it instead. */
    default void push(TraceContext trace, RunOutcome outcome) {
        push(trace);
    }

    /** Uploads the run as a trajectory together with its events; {@code result} is what the method returned. */
    void upload(TraceContext trace, RunOutcome outcome, @Nullable Object result);
}
