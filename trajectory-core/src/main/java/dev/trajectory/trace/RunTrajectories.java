package dev.trajectory.trace;

import java.util.List;
import java.util.Map;

import dev.trajectory.trajectory.ExecutionMetrics;
import dev.trajectory.trajectory.Task;
import dev.trajectory.trajectory.Telemetry;
import dev.trajectory.trajectory.TerminationReason;
import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;

/** The trajectory uploaded for a run marked {@code uploadTrajectory}: the one the method returned, or a summary. */
public final class RunTrajectories {

    private RunTrajectories() {
    }

    /**
     * The method's result when it is a {@link Trajectory}; otherwise one without steps whose task is the run (id =
     * trace id, conversation = session) and whose termination reason follows the outcome.
     */
    public static Trajectory of(TraceContext trace, RunOutcome outcome, @Nullable Object result) {
        if (result instanceof Trajectory trajectory) {
            return trajectory;
        }
        Task task = new Task(trace.traceId(), "agent_run", trace.sessionId(), null, 0, null, null);
        TerminationReason reason = outcome == RunOutcome.SUCCESS ? TerminationReason.ENV_DONE
                : outcome == RunOutcome.ERROR ? TerminationReason.ERROR : TerminationReason.STALE;
        return new Trajectory(task, List.of(), null, null, new ExecutionMetrics(null, null, null, reason), null,
                new Telemetry("trajectory-java", Map.of("trace_id", trace.traceId(), "outcome", outcome.value())),
                null, null);
    }
}
