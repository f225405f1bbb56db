package dev.trajectory.trajectory;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Where the time went and how the trajectory ended. Times are seconds, as in the JSON.
 *
 * @param envTime           seconds spent in tools
 * @param llmTime           seconds spent waiting for the model
 * @param totalTime         seconds from the start to the end of each turn, added over the turns
 * @param terminationReason why it ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionMetrics(@JsonProperty("env_time") @Nullable Double envTime,
        @JsonProperty("llm_time") @Nullable Double llmTime, @JsonProperty("total_time") @Nullable Double totalTime,
        @JsonProperty("termination_reason") @Nullable TerminationReason terminationReason) {

    /** Seconds with millisecond precision, as the JSON holds times. */
    public static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
