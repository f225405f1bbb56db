package dev.trajectory.trajectory;

import java.util.HexFormat;

import dev.trajectory.event.EventIds;
import tools.jackson.databind.json.JsonMapper;

/** The id a trajectory is stored and uploaded under. */
public final class TrajectoryIds {

    private TrajectoryIds() {
    }

    /** Its task id, else the SHA-256 of its JSON, so the same trajectory always gets the same id. */
    public static String of(Trajectory trajectory, JsonMapper mapper) {
        String id = trajectory.task().id();
        return id != null && !id.isBlank() ? id
                : HexFormat.of().formatHex(EventIds.sha256().digest(mapper.writeValueAsBytes(trajectory)));
    }
}
