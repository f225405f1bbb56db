package dev.trajectory.tracking;

import dev.trajectory.event.TelemetryEvent;

/**
 * Adds context to every event the client creates before it is queued, such as the id of the agent run it happens
 * in. Runs on the caller's thread: it must be fast and must not block.
 */
@FunctionalInterface
public interface EventEnricher {

    void enrich(TelemetryEvent.Builder event);
}
