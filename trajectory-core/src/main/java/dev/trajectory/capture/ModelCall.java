package dev.trajectory.capture;

import java.time.Duration;
import java.util.List;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.ToolDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One completed model call as an adapter translated it.
 *
 * @param provider who served it, such as {@code openai}
 * @param model    the model that answered, or the one asked for when the response does not say
 * @param input    the messages the model was sent, oldest first; tool messages carry a {@code ToolResponse} with
 *                 the id of the call they answer
 * @param output   the assistant's answer with its tool calls, usage and finish reason
 * @param tools    the tools the model was offered
 * @param latency  from the request to the complete answer (for a stream, to its last chunk)
 * @param streamed whether the answer was streamed and aggregated
 */
public record ModelCall(@Nullable String provider, @Nullable String model, List<Message> input, Message output,
        List<ToolDefinition> tools, Duration latency, boolean streamed) {

    public ModelCall {
        input = List.copyOf(input);
        tools = List.copyOf(tools);
    }
}
