package dev.trajectory.autoconfigure.console;

import java.util.List;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;

/**
 * One agent run as the console's run page shows it.
 *
 * @param summary    the run's figures
 * @param timeline   its messages in order: LLM calls, tool calls with their arguments and answers
 * @param events     the events recorded in the run and the events tracked with its trace id, oldest first
 * @param trajectory the stored trajectory, as uploaded
 */
public record RunDetail(RunSummary summary, List<TimelineEntry> timeline, List<TelemetryEvent> events,
        @Nullable Trajectory trajectory) {
}
