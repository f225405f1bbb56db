package dev.trajectory.autoconfigure.capture.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.trajectory.capture.CaptureJson;
import dev.trajectory.capture.TokenCounts;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolDefinition;
import dev.trajectory.trajectory.ToolResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/** Translates Spring AI prompts and responses into trajectory messages. */
final class SpringAiMessages {

    private SpringAiMessages() {
    }

    /** The prompt's messages in order; a tool response message becomes one tool message per response. */
    static List<Message> input(Prompt prompt) {
        List<Message> messages = new ArrayList<>();
        for (org.springframework.ai.chat.messages.Message message : prompt.getInstructions()) {
            switch (message.getMessageType()) {
                case SYSTEM -> messages.add(text(Role.SYSTEM, message.getText()));
                case USER -> messages.add(text(Role.USER, message.getText()));
                case ASSISTANT -> messages.add(assistant((AssistantMessage) message).build());
                case TOOL -> ((ToolResponseMessage) message).getResponses().forEach(response -> messages.add(
                        Message.builder(Role.TOOL)
                                .content(response.responseData())
                                .toolResponse(new ToolResponse(response.id(), response.name(), Map.of(),
                                        response.responseData(), null, Map.of()))
                                .build()));
            }
        }
        return messages;
    }

    /** The first generation of the response with its usage and finish reason; an empty answer when there is none. */
    static Message output(@Nullable ChatResponse response) {
        Generation generation = response == null ? null : response.getResult();
        Message.Builder builder = generation == null ? Message.builder(Role.ASSISTANT)
                : assistant(generation.getOutput());
        if (generation != null && generation.getMetadata().getFinishReason() != null) {
            builder.finishReason(generation.getMetadata().getFinishReason().toLowerCase(Locale.ROOT));
        }
        if (response != null) {
            builder.usage(usage(response.getMetadata().getUsage()));
        }
        return builder.build();
    }

    /** The tools the prompt offered, when its options carry tool callbacks. */
    static List<ToolDefinition> tools(Prompt prompt) {
        if (!(prompt.getOptions() instanceof ToolCallingChatOptions options) || options.getToolCallbacks() == null) {
            return List.of();
        }
        List<ToolDefinition> tools = new ArrayList<>();
        for (ToolCallback callback : options.getToolCallbacks()) {
            org.springframework.ai.tool.definition.ToolDefinition definition = callback.getToolDefinition();
            tools.add(new ToolDefinition(definition.name(), definition.description(),
                    CaptureJson.object(definition.inputSchema())));
        }
        return tools;
    }

    /** The model that answered, or the one the prompt asked for. */
    static @Nullable String model(Prompt prompt, @Nullable ChatResponse response) {
        ChatResponseMetadata metadata = response == null ? null : response.getMetadata();
        if (metadata != null && metadata.getModel() != null && !metadata.getModel().isBlank()) {
            return metadata.getModel();
        }
        ChatOptions options = prompt.getOptions();
        return options == null ? null : options.getModel();
    }

    private static Message.Builder assistant(AssistantMessage message) {
        List<ToolCall> calls = message.getToolCalls().stream()
                .map(call -> new ToolCall(call.name(), CaptureJson.object(call.arguments()), call.id()))
                .toList();
        return Message.builder(Role.ASSISTANT).content(message.getText()).toolCalls(calls);
    }

    private static Message text(Role role, @Nullable String text) {
        return Message.builder(role).content(text).build();
    }

    private static Map<String, Long> usage(@Nullable Usage usage) {
        return usage == null ? Map.of()
                : TokenCounts.of(usage.getPromptTokens(), usage.getCompletionTokens(), usage.getTotalTokens());
    }
}
