package dev.trajectory.trajectory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a trajectory is about and how big it is.
 *
 * @param id             the trajectory's stable id: the same conversation imported twice gets the same id
 * @param dataSource     where it came from, such as {@code langsmith}
 * @param conversationId the conversation (thread) in the source
 * @param numTurns       user turns (traces) in the conversation
 * @param numSteps       decision points
 * @param totalTokens    tokens used by all model calls
 * @param totalCost      cost of all model calls as the source computed it, in its currency (US dollars for LangSmith)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Task(@JsonProperty("id") @Nullable String id, @JsonProperty("data_source") @Nullable String dataSource,
        @JsonProperty("conversation_id") @Nullable String conversationId,
        @JsonProperty("num_turns") @Nullable Integer numTurns, @JsonProperty("num_steps") @Nullable Integer numSteps,
        @JsonProperty("total_tokens") @Nullable Long totalTokens,
        @JsonProperty("total_cost") @Nullable Double totalCost) {

    /** The same task with another id. */
    public Task withId(String id) {
        return new Task(id, dataSource, conversationId, numTurns, numSteps, totalTokens, totalCost);
    }
}
