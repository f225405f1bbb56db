package dev.trajectory.trajectory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One decision point: the conversation as the model saw it plus what it answered.
 *
 * @param messages        every message up to and including this decision (cumulative, not just the new ones)
 * @param reward          the step's score, when scored
 * @param info            where the step came from, such as the source run's id and name
 * @param trainableStatus whether the step is a training target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(@JsonProperty("messages") List<Message> messages, @JsonProperty("reward") @Nullable Reward reward,
        @JsonProperty("info") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, @Nullable Object> info,
        @JsonProperty("trainable_status") TrainableStatus trainableStatus) {

    public Step {
        messages = Copies.list(messages);
        info = Copies.map(info);
        if (trainableStatus == null) {
            trainableStatus = TrainableStatus.NOT_TRAINABLE;
        }
    }

    /** The same step with other messages. */
    public Step withMessages(List<Message> messages) {
        return new Step(messages, reward, info, trainableStatus);
    }
}
