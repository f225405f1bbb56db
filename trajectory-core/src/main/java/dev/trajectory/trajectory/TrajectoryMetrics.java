package dev.trajectory.trajectory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Counts over a whole trajectory.
 *
 * @param steps               decision points
 * @param tokensGenerated     tokens the model wrote (output tokens)
 * @param aggregatedReward    the trajectory's reward, when scored
 * @param numToolCalls        tool calls the assistant made
 * @param numToolFailures     tool calls that ended in an error
 * @param numToolResponseNone tool calls that got no answer, or an empty one
 * @param toolErrorRate       failures divided by calls; absent without calls
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrajectoryMetrics(@JsonProperty("steps") @Nullable Integer steps,
        @JsonProperty("tokens_generated") @Nullable Long tokensGenerated,
        @JsonProperty("aggregated_reward") @Nullable Double aggregatedReward,
        @JsonProperty("num_tool_calls") @Nullable Integer numToolCalls,
        @JsonProperty("num_tool_failures") @Nullable Integer numToolFailures,
        @JsonProperty("num_tool_response_none") @Nullable Integer numToolResponseNone,
        @JsonProperty("tool_error_rate") @Nullable Double toolErrorRate) {
}
