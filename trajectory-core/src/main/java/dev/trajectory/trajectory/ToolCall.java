package dev.trajectory.trajectory;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A tool the assistant asked to run.
 *
 * @param name      the tool's name
 * @param arguments the arguments as a JSON object
 * @param id        the call's id, which the tool response repeats
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(@JsonProperty("name") String name,
        @JsonProperty("arguments") Map<String, @Nullable Object> arguments,
        @JsonProperty("id") @Nullable String id) {

    public ToolCall {
        arguments = Copies.map(arguments);
    }
}
