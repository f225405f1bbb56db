package dev.trajectory.trajectory;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a tool returned for one call.
 *
 * @param id        the id of the call answered
 * @param name      the tool's name
 * @param arguments the arguments it ran with
 * @param response  what it returned: any JSON value, {@code null} when it returned nothing
 * @param error     why it failed, when it did
 * @param metadata  anything else the source recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResponse(@JsonProperty("id") @Nullable String id, @JsonProperty("name") String name,
        @JsonProperty("arguments") Map<String, @Nullable Object> arguments,
        @JsonProperty("response") @Nullable Object response,
        @JsonProperty("error") @Nullable String error,
        @JsonProperty("metadata") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, @Nullable Object> metadata) {

    public ToolResponse {
        arguments = Copies.map(arguments);
        metadata = Copies.map(metadata);
    }

    /** Whether the tool failed. */
    @JsonIgnore
    public boolean isFailure() {
        return error != null;
    }
}
