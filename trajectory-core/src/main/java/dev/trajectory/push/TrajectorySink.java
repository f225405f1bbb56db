package dev.trajectory.push;

import java.util.List;

import dev.trajectory.trajectory.Trajectory;
import reactor.core.publisher.Mono;

/** Where trajectories uploaded to a dataset go: the ingest API, or the local folder. */
public interface TrajectorySink {

    /** Stores the trajectories in the dataset; the Mono never errors for delivery failures, see the result. */
    Mono<UploadResult> upload(List<Trajectory> trajectories, String dataset);
}
