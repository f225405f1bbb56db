package dev.trajectory.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.trajectory.tracking.ErrorDetails;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of an agent-running method, from {@code agent.run.start} to {@code agent.run.end}. Ends once, whichever
 * of {@link #succeeded}, {@link #failed} or {@link #cancelled} comes first; never throws.
 */
public final class AgentRun {

    private static final Logger logger = LoggerFactory.getLogger(AgentRun.class);

    private final AgentRuns runs;

    private final TraceContext trace;

    private final AgentRuns.RunOptions options;

    private final boolean outermost;

    private final long startMillis;

    private final AtomicBoolean ended = new AtomicBoolean();

    AgentRun(AgentRuns runs, TraceContext trace, AgentRuns.RunOptions options, boolean outermost, long startMillis) {
        this.runs = runs;
        this.trace = trace;
        this.options = options;
        this.outermost = outermost;
        this.startMillis = startMillis;
    }

    public TraceContext trace() {
        return trace;
    }

    /** Whether this run opened its trace rather than joining one already in progress. */
    public boolean isOutermost() {
        return outermost;
    }

    /** Makes the run's trace current on this thread until the scope is closed. */
    public TraceContext.Scope enter() {
        return trace.makeCurrent();
    }

    public void succeeded(@Nullable Object result) {
        end(RunOutcome.SUCCESS, null, result);
    }

    /** Records an {@code agent.run.error} event for the exception and ends the run. */
    public void failed(Throwable error) {
        end(RunOutcome.ERROR, error, null);
    }

    public void cancelled() {
        end(RunOutcome.CANCELLED, null, null);
    }

    void recordStart() {
        trace.event("agent.run.start", runProperties());
    }

    private void end(RunOutcome outcome, @Nullable Throwable error, @Nullable Object result) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            if (error != null) {
                Map<String, @Nullable Object> properties = runProperties();
                properties.putAll(ErrorDetails.of(error, runs.maxStackTraceChars()));
                trace.event("agent.run.error", properties);
            }
            Map<String, @Nullable Object> properties = runProperties();
            properties.put("duration_ms", Math.max(0, runs.nowMillis() - startMillis));
            properties.put("outcome", outcome.value());
            if (outermost && trace.droppedEvents() > 0) {
                properties.put("dropped_events", trace.droppedEvents());
            }
            if (outermost) {
                trace.finalEvent("agent.run.end", properties);
            }
            else {
                trace.event("agent.run.end", properties);
            }
            if (outermost) {
                complete(outcome, result);
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Could not record the end of agent run '{}'; its events may be lost: {}", options.name(),
                    ex.toString());
        }
    }

    private void complete(RunOutcome outcome, @Nullable Object result) {
        if (options.uploadTrajectory()) {
            runs.completion().upload(trace, outcome, result);
        }
        else if (options.pushEvents()) {
            runs.completion().push(trace, outcome);
        }
    }

    private Map<String, @Nullable Object> runProperties() {
        Map<String, @Nullable Object> properties = new LinkedHashMap<>();
        properties.put("run_name", options.name());
        if (!outermost) {
            properties.put("nested", true);
        }
        return properties;
    }
}
