package dev.trajectory.trajectory;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A tool offered to the model.
 *
 * @param name        the tool's name
 * @param description what the model was told it does
 * @param parameters  its arguments as a JSON Schema object
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolDefinition(@JsonProperty("name") String name, @JsonProperty("description") @Nullable String description,
        @JsonProperty("parameters") Map<String, @Nullable Object> parameters) {

    public ToolDefinition {
        parameters = Copies.map(parameters);
    }
}
