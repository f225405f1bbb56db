package dev.trajectory.trace;

import org.jspecify.annotations.Nullable;

/**
 * Opens agent runs: a nested run that joins the current run's trace when one is in progress, otherwise a new trace
 * (inside a web request, one that keeps the request's trace id).
 */
public final class AgentRuns {

    private final TraceFactory traces;

    private final RunCompletion completion;

    private final int maxStackTraceChars;

    public AgentRuns(TraceFactory traces, RunCompletion completion, int maxStackTraceChars) {
        this.traces = traces;
        this.completion = completion;
        this.maxStackTraceChars = maxStackTraceChars;
    }

    /**
     * Begins a run and records {@code agent.run.start}. The run is not made current: the caller enters it with
     * {@link AgentRun#enter()} around the code that belongs to it.
     */
    public AgentRun begin(RunOptions options) {
        TraceContext outer = TraceContextHolder.get();
        boolean joins = outer != null && !outer.isRequest();
        TraceContext trace = joins ? outer : newTrace(outer, options);
        AgentRun run = new AgentRun(this, trace, options, !joins, traces.clock().millis());
        run.recordStart();
        return run;
    }

    /** A new trace for the run; inside a web request it keeps the request's ids unless the run names its own. */
    private TraceContext newTrace(@Nullable TraceContext request, RunOptions options) {
        TraceContext.Builder builder = traces.newTrace().sessionId(options.sessionId()).userId(options.userId());
        if (request != null) {
            builder.traceId(request.traceId());
            if (options.sessionId() == null) {
                builder.sessionId(request.sessionId());
            }
            if (options.userId() == null) {
                builder.userId(request.userId());
            }
        }
        return builder.build();
    }

    RunCompletion completion() {
        return completion;
    }

    int maxStackTraceChars() {
        return maxStackTraceChars;
    }

    long nowMillis() {
        return traces.clock().millis();
    }

    /**
     * What the caller knows about a run before it starts.
     *
     * @param name             the run's name
     * @param sessionId        session of a new trace; ignored when the run joins an outer one
     * @param userId           user of a new trace; ignored when the run joins an outer one
     * @param pushEvents       whether the outermost run hands its events to the tracking pipeline at the end
     * @param uploadTrajectory whether the outermost run is uploaded as a trajectory at the end
     */
    public record RunOptions(String name, @Nullable String sessionId, @Nullable String userId, boolean pushEvents,
            boolean uploadTrajectory) {
    }
}
