package dev.trajectory.trajectory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A score for a step or a whole trajectory.
 *
 * @param aggregatedValue   the overall score
 * @param aggregationMethod how the components were combined, such as {@code weighted_mean}
 * @param components        the scored aspects
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reward(@JsonProperty("aggregated_value") @Nullable Double aggregatedValue,
        @JsonProperty("aggregation_method") @Nullable String aggregationMethod,
        @JsonProperty("components") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RewardComponent> components) {

    public Reward {
        components = Copies.list(components);
    }

    /** A reward that is just one number. */
    public static Reward of(double value) {
        return new Reward(value, null, List.of());
    }
}
