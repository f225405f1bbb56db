package dev.trajectory.redact;

import java.util.List;

import dev.trajectory.trajectory.Trajectory;

/**
 * Changes a trajectory after it is built and before it is saved or uploaded, such as redacting PII. Transforms are
 * applied in order; each must return a trajectory (the same one when it has nothing to change) and not throw.
 */
@FunctionalInterface
public interface TrajectoryTransform {

    Trajectory apply(Trajectory trajectory);

    /** The transforms applied one after another, in list order. */
    static TrajectoryTransform chain(List<? extends TrajectoryTransform> transforms) {
        List<TrajectoryTransform> ordered = List.copyOf(transforms);
        return trajectory -> {
            Trajectory result = trajectory;
            for (TrajectoryTransform transform : ordered) {
                result = transform.apply(result);
            }
            return result;
        };
    }
}
