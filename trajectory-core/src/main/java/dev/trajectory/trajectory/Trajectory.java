package dev.trajectory.trajectory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One conversation as a sequence of decision points, with its scores and metrics.
 *
 * @param task                what it is about, including its stable id
 * @param steps               the decision points in order
 * @param reward              the score of the whole trajectory
 * @param metrics             counts over it
 * @param executionMetrics    timings and how it ended
 * @param referenceTrajectory a reference solution to compare with, in any JSON shape
 * @param telemetry           where it came from
 * @param idx                 its position in a data set
 * @param error               why it could not be built completely; the other fields hold what could be
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trajectory(@JsonProperty("task") Task task, @JsonProperty("steps") List<Step> steps,
        @JsonProperty("reward") @Nullable Reward reward, @JsonProperty("metrics") @Nullable TrajectoryMetrics metrics,
        @JsonProperty("execution_metrics") @Nullable ExecutionMetrics executionMetrics,
        @JsonProperty("reference_trajectory") @Nullable Map<String, @Nullable Object> referenceTrajectory,
        @JsonProperty("telemetry") @Nullable Telemetry telemetry, @JsonProperty("idx") @Nullable Integer idx,
        @JsonProperty("error") @Nullable String error) {

    public Trajectory {
        steps = Copies.list(steps);
        if (referenceTrajectory != null) {
            referenceTrajectory = Copies.map(referenceTrajectory);
        }
    }

    /** A trajectory that could not be built, saying why. */
    public static Trajectory failed(Task task, String error, @Nullable Telemetry telemetry) {
        return new Trajectory(task, List.of(), null, null, null, null, telemetry, null, error);
    }

    /** Whether it was built without an error. */
    @JsonIgnore
    public boolean isComplete() {
        return error == null;
    }

    /** The same trajectory with other steps. */
    public Trajectory withSteps(List<Step> steps) {
        return new Trajectory(task, steps, reward, metrics, executionMetrics, referenceTrajectory, telemetry, idx, error);
    }

    /** The same trajectory with another task. */
    public Trajectory withTask(Task task) {
        return new Trajectory(task, steps, reward, metrics, executionMetrics, referenceTrajectory, telemetry, idx, error);
    }
}
