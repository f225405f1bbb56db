package dev.trajectory.autoconfigure.capture.langchain4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.trajectory.capture.CaptureJson;
import dev.trajectory.capture.TokenCounts;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolDefinition;
import dev.trajectory.trajectory.ToolResponse;
import org.jspecify.annotations.Nullable;

/** Translates LangChain4j chat requests and responses into trajectory messages. */
final class LangChain4jMessages {

    private LangChain4jMessages() {
    }

    static List<Message> input(ChatRequest request) {
        List<Message> messages = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            if (message instanceof SystemMessage system) {
                messages.add(Message.builder(Role.SYSTEM).content(system.text()).build());
            }
            else if (message instanceof UserMessage user) {
                messages.add(Message.builder(Role.USER).content(text(user)).build());
            }
            else if (message instanceof AiMessage ai) {
                messages.add(assistant(ai).build());
            }
            else if (message instanceof ToolExecutionResultMessage result) {
                String error = Boolean.TRUE.equals(result.isError()) ? result.text() : null;
                messages.add(Message.builder(Role.TOOL)
                        .content(result.text())
                        .toolResponse(new ToolResponse(result.id(), result.toolName(), Map.of(), result.text(),
                                error, Map.of()))
                        .build());
            }
        }
        return messages;
    }

    static Message output(ChatResponse response) {
        Message.Builder builder = response.aiMessage() == null ? Message.builder(Role.ASSISTANT)
                : assistant(response.aiMessage());
        return builder.usage(usage(response.tokenUsage()))
                .finishReason(finishReason(response.finishReason()))
                .build();
    }

    static List<ToolDefinition> tools(ChatRequest request) {
        List<ToolDefinition> tools = new ArrayList<>();
        if (request.toolSpecifications() == null) {
            return tools;
        }
        for (ToolSpecification specification : request.toolSpecifications()) {
            Object parameters = CaptureJson.object(specification.toJson()).get("parameters");
            tools.add(new ToolDefinition(specification.name(), specification.description(),
                    parameters instanceof Map<?, ?> map ? schema(map) : Map.of()));
        }
        return tools;
    }

    static @Nullable String model(ChatRequest request, @Nullable ChatResponse response) {
        if (response != null && response.modelName() != null) {
            return response.modelName();
        }
        return request.modelName();
    }

    /** OpenAI's names for why the model stopped, which the trajectory format uses. */
    static @Nullable String finishReason(@Nullable FinishReason reason) {
        if (reason == null) {
            return null;
        }
        return reason == FinishReason.TOOL_EXECUTION ? "tool_calls" : reason.name().toLowerCase(Locale.ROOT);
    }

    private static Message.Builder assistant(AiMessage message) {
        List<ToolCall> calls = new ArrayList<>();
        if (message.toolExecutionRequests() != null) {
            for (ToolExecutionRequest request : message.toolExecutionRequests()) {
                calls.add(new ToolCall(request.name(), CaptureJson.object(request.arguments()), request.id()));
            }
        }
        return Message.builder(Role.ASSISTANT).content(message.text()).reasoning(message.thinking()).toolCalls(calls);
    }

    private static @Nullable String text(UserMessage user) {
        if (user.hasSingleText()) {
            return user.singleText();
        }
        StringBuilder text = new StringBuilder();
        user.contents().forEach(content -> {
            if (content instanceof TextContent part) {
                text.append(part.text());
            }
        });
        return text.isEmpty() ? null : text.toString();
    }

    private static Map<String, Long> usage(@Nullable TokenUsage usage) {
        return usage == null ? Map.of()
                : TokenCounts.of(usage.inputTokenCount(), usage.outputTokenCount(), usage.totalTokenCount());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> schema(Map<?, ?> map) {
        return (Map<String, @Nullable Object>) map;
    }
}
