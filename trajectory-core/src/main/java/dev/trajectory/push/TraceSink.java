package dev.trajectory.push;

import java.util.List;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.trajectory.Trajectory;
import reactor.core.publisher.Mono;

/** Where an agent run goes as a trajectory with its events: the ingest API, or the local folder. */
public interface TraceSink {

    /** Stores the run when subscribed to; the Mono never errors, a failure is described in the result. */
    Mono<TraceUploadResult> upload(String traceId, Trajectory trajectory, List<TelemetryEvent> events);
}
