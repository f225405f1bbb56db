package dev.trajectory.local;

import java.time.Instant;
import java.util.List;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.trajectory.Trajectory;

/**
 * An agent run kept in local mode.
 *
 * @param traceId    the run's trace id
 * @param savedAt    when it was stored
 * @param trajectory the run as a trajectory
 * @param events     the events recorded in the run
 */
public record StoredTrace(String traceId, Instant savedAt, Trajectory trajectory, List<TelemetryEvent> events) {
}
