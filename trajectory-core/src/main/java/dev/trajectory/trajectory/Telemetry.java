package dev.trajectory.trajectory;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Where a trajectory came from and what the source said about it besides the messages.
 *
 * @param source the source, such as {@code langsmith}
 * @param data   source-specific details, such as run ids and steps skipped while importing
 */
public record Telemetry(@JsonProperty("source") String source, @JsonProperty("data") Map<String, @Nullable Object> data) {

    public Telemetry {
        data = Copies.map(data);
    }
}
