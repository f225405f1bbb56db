package dev.trajectory.autoconfigure.trace;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.trace.RunCompletion;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.RunTrajectories;
import dev.trajectory.trace.TraceContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends runs through the {@link TelemetryClient} without waiting: events go to its tracking pipeline, or with the
 * run's trajectory to {@code POST /v1/traces}.
 */
final class ClientRunCompletion implements RunCompletion {

    private static final Logger logger = LoggerFactory.getLogger(ClientRunCompletion.class);

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
        client.uploadTraceReactive(trace, RunTrajectories.of(trace, outcome, result)).subscribe(uploaded -> {
            if (!uploaded.uploaded()) {
                logger.warn("Agent run {} was not uploaded: {}", trace.traceId(), uploaded.error());
            }
        });
    }
}
