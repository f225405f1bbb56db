package dev.trajectory.trajectory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation.
 *
 * @param role            who wrote it
 * @param content         its text
 * @param toolCalls       tools the assistant asked to run, in order
 * @param toolResponse    for a {@link Role#TOOL} message, the tool's answer
 * @param toolDefinitions tools the model was offered when it wrote this message
 * @param usage           token counts such as {@code input_tokens}, {@code output_tokens}, {@code total_tokens}
 * @param finishReason    why the model stopped, such as {@code stop}, {@code tool_calls} or {@code length}
 * @param metadata        anything else the source recorded
 * @param reasoning       the model's reasoning, when the source kept it
 * @param trainableStatus whether it is a training target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(@JsonProperty("role") Role role, @JsonProperty("content") @Nullable String content,
        @JsonProperty("tool_calls") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls,
        @JsonProperty("tool_response") @Nullable ToolResponse toolResponse,
        @JsonProperty("tool_definitions") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolDefinition> toolDefinitions,
        @JsonProperty("usage") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> usage,
        @JsonProperty("finish_reason") @Nullable String finishReason,
        @JsonProperty("metadata") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, @Nullable Object> metadata,
        @JsonProperty("reasoning") @Nullable String reasoning,
        @JsonProperty("trainable_status") TrainableStatus trainableStatus) {

    public Message {
        toolCalls = Copies.list(toolCalls);
        toolDefinitions = Copies.list(toolDefinitions);
        usage = Copies.map(usage);
        metadata = Copies.map(metadata);
        if (trainableStatus == null) {
            trainableStatus = TrainableStatus.NOT_TRAINABLE;
        }
    }

    public static Builder builder(Role role) {
        return new Builder(role);
    }

    public static Message of(Role role, String content) {
        return builder(role).content(content).build();
    }

    /** A builder holding this message's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(role).content(content).toolCalls(toolCalls).toolResponse(toolResponse)
                .toolDefinitions(toolDefinitions).usage(usage).finishReason(finishReason).metadata(metadata)
                .reasoning(reasoning).trainableStatus(trainableStatus);
    }

    /** Builds a {@link Message}; unset lists and maps are empty, the status is not trainable. */
    public static final class Builder {

        private Role role;

        private @Nullable String content;

        private List<ToolCall> toolCalls = List.of();

        private @Nullable ToolResponse toolResponse;

        private List<ToolDefinition> toolDefinitions = List.of();

        private Map<String, Long> usage = Map.of();

        private @Nullable String finishReason;

        private Map<String, @Nullable Object> metadata = Map.of();

        private @Nullable String reasoning;

        private TrainableStatus trainableStatus = TrainableStatus.NOT_TRAINABLE;

        private Builder(Role role) {
            this.role = role;
        }

        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        public Builder content(@Nullable String content) {
            this.content = content;
            return this;
        }

        public Builder toolCalls(List<ToolCall> toolCalls) {
            this.toolCalls = toolCalls;
            return this;
        }

        public Builder toolResponse(@Nullable ToolResponse toolResponse) {
            this.toolResponse = toolResponse;
            return this;
        }

        public Builder toolDefinitions(List<ToolDefinition> toolDefinitions) {
            this.toolDefinitions = toolDefinitions;
            return this;
        }

        public Builder usage(Map<String, Long> usage) {
            this.usage = usage;
            return this;
        }

        public Builder finishReason(@Nullable String finishReason) {
            this.finishReason = finishReason;
            return this;
        }

        public Builder metadata(Map<String, @Nullable Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder reasoning(@Nullable String reasoning) {
            this.reasoning = reasoning;
            return this;
        }

        public Builder trainableStatus(TrainableStatus trainableStatus) {
            this.trainableStatus = trainableStatus;
            return this;
        }

        public Message build() {
            return new Message(role, content, toolCalls, toolResponse, toolDefinitions, usage, finishReason, metadata,
                    reasoning, trainableStatus);
        }
    }
}
