package dev.trajectory.autoconfigure.trace;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.trace.RunCompletion;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.TraceContext;
import org.jspecify.annotations.Nullable;

/** Ends runs through the {@link TelemetryClient}: events go to its tracking pipeline without waiting. */
final class ClientRunCompletion implements RunCompletion {

    private final TelemetryClient client;

    ClientRunCompletion(TelemetryClient client) {
        this.client = client;
    }

    @Override
    public void push(TraceContext trace) {
        trace.events().forEach(client::track);
    }

    @Override
    public void upload(TraceContext trace, RunOutcome outcome, @Nullable Object result) {
        push(trace);
    }
}
