package dev.trajectory.autoconfigure.trace;

import dev.trajectory.capture.CapturedTrajectories;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.redact.TrajectoryTransform;
import dev.trajectory.trace.RunCompletion;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends runs through the {@link TelemetryClient} without waiting: events go to its tracking pipeline, or with the
 * run's trajectory to {@code POST /v1/traces}. The trajectory passes the transforms (PII redaction) first. A run
 * that captured model calls is uploaded even when it would only have pushed its events, unless switched off; if
 * that upload fails, its events are pushed as they would have been.
 */
final class ClientRunCompletion implements RunCompletion {

    private static final Logger logger = LoggerFactory.getLogger(ClientRunCompletion.class);

    private final TelemetryClient client;

    private final TrajectoryTransform transform;

    private final boolean uploadCapturedRuns;

    ClientRunCompletion(TelemetryClient client, TrajectoryTransform transform, boolean uploadCapturedRuns) {
        this.client = client;
        this.transform = transform;
        this.uploadCapturedRuns = uploadCapturedRuns;
    }

    @Override
    public void push(TraceContext trace) {
        trace.events().forEach(client::track);
    }

    @Override
    public void push(TraceContext trace, RunOutcome outcome) {
        if (uploadCapturedRuns && CapturedTrajectories.hasSteps(trace)) {
            send(trace, outcome, null, true);
        }
        else {
            push(trace);
        }
    }

    @Override
    public void upload(TraceContext trace, RunOutcome outcome, @Nullable Object result) {
        send(trace, outcome, result, false);
    }

    private void send(TraceContext trace, RunOutcome outcome, @Nullable Object result, boolean pushOnFailure) {
        // a stream can hand back its answer a moment before its model call is recorded
        CapturedTrajectories.settled(trace)
                .subscribe(null, null, () -> uploadNow(trace, outcome, result, pushOnFailure));
    }

    private void uploadNow(TraceContext trace, RunOutcome outcome, @Nullable Object result, boolean pushOnFailure) {
        Trajectory trajectory;
        try {
            trajectory = transform.apply(CapturedTrajectories.of(trace, outcome, result));
        }
        catch (RuntimeException ex) {
            logger.warn("Agent run {} was not uploaded: its trajectory could not be built or transformed: {}",
                    trace.traceId(), ex.toString());
            if (pushOnFailure) {
                push(trace);
            }
            return;
        }
        client.uploadTraceReactive(trace, trajectory).subscribe(uploaded -> {
            if (uploaded.uploaded()) {
                return;
            }
            if (pushOnFailure) {
                logger.debug("Agent run {} was not uploaded ({}); pushing its events instead", trace.traceId(),
                        uploaded.error());
                push(trace);
            }
            else {
                logger.warn("Agent run {} was not uploaded: {}", trace.traceId(), uploaded.error());
            }
        });
    }
}
