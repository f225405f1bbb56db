package dev.trajectory.trajectory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One scored aspect of a reward.
 *
 * @param name        what was scored
 * @param value       the raw score
 * @param scaledValue the score after scaling to the reward's range
 * @param explanation why it scored so
 * @param weight      its weight in the aggregate
 * @param range       lowest and highest possible score, two numbers
 * @param metadata    anything else the scorer recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RewardComponent(@JsonProperty("name") String name, @JsonProperty("value") double value,
        @JsonProperty("scaled_value") @Nullable Double scaledValue,
        @JsonProperty("explanation") @Nullable String explanation, @JsonProperty("weight") double weight,
        @JsonProperty("range") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> range,
        @JsonProperty("metadata") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, @Nullable Object> metadata) {

    public RewardComponent {
        range = Copies.list(range);
        metadata = Copies.map(metadata);
    }
}
