package dev.trajectory.capture;

import java.util.List;
import java.util.Map;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@link CaptureSettings} to what is captured before it is kept: without content, texts, tool arguments
 * and tool results are dropped (a failure keeps only its error type); with content, long texts are cut.
 */
final class ContentPolicy {

    /** The error of a failed tool whose exception type is unknown, when content is not kept. */
    static final String TOOL_FAILED = "tool failed";

    private final CaptureSettings settings;

    private int truncated;

    ContentPolicy(CaptureSettings settings) {
        this.settings = settings;
    }

    /** Texts cut so far. */
    int truncated() {
        return truncated;
    }

    List<Message> messages(List<Message> messages) {
        return messages.stream().map(this::message).toList();
    }

    Message message(Message message) {
        List<ToolCall> calls = settings.content() ? message.toolCalls() : message.toolCalls().stream()
                .map(call -> new ToolCall(call.name(), Map.of(), call.id()))
                .toList();
        ToolResponse response = message.toolResponse();
        return message.toBuilder()
                .content(text(message.content()))
                .reasoning(text(message.reasoning()))
                .toolCalls(calls)
                .toolResponse(response == null ? null : toolResponse(response))
                .build();
    }

    /** The tool response as kept; without content a failure keeps its {@code error_type} metadata as the error. */
    ToolResponse toolResponse(ToolResponse response) {
        if (!settings.content()) {
            Object errorType = response.metadata().get("error_type");
            String error = response.error() == null ? null
                    : errorType instanceof String type ? type : TOOL_FAILED;
            return new ToolResponse(response.id(), response.name(), Map.of(), null, error, response.metadata());
        }
        Object value = response.response() instanceof String text ? text(text) : response.response();
        return new ToolResponse(response.id(), response.name(), response.arguments(), value, text(response.error()),
                response.metadata());
    }

    ToolRun toolRun(ToolRun run) {
        if (!settings.content()) {
            String error = run.failed() ? run.errorType() != null ? run.errorType() : TOOL_FAILED : null;
            return new ToolRun(run.id(), run.name(), Map.of(), null, error, run.errorType(), run.duration());
        }
        return new ToolRun(run.id(), run.name(), run.arguments(), text(run.result()), text(run.error()),
                run.errorType(), run.duration());
    }

    private @Nullable String text(@Nullable String text) {
        if (text == null || !settings.content()) {
            return null;
        }
        if (text.length() <= settings.maxContentLength()) {
            return text;
        }
        truncated++;
        return text.substring(0, settings.maxContentLength());
    }
}
