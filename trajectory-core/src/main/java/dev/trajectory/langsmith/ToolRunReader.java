package dev.trajectory.langsmith;

import java.util.Map;

import dev.trajectory.trajectory.ToolResponse;
import tools.jackson.databind.JsonNode;

/**
 * Reads a tool run as the response to a call: its output (plain, or a serialised ToolMessage that names the call),
 * the arguments it ran with, and its error. The call id is left {@code null} when the run does not say it; the
 * assembler then matches the run to a call by name.
 */
final class ToolRunReader {

    private final MessageParser parser;

    ToolRunReader(MessageParser parser) {
        this.parser = parser;
    }

    ToolResponse read(LangSmithRun run) {
        if (run.problem() != null) {
            throw new MalformedRunException(run.label() + ": " + run.problem());
        }
        JsonNode output = run.outputs().has("output") ? run.outputs().get("output") : run.outputs();
        JsonNode message = output.has("kwargs") ? output.get("kwargs") : output;
        Object response;
        String callId = MessageParser.firstText(message, "tool_call_id");
        String error = run.error();
        if (callId != null) {
            response = message.path("content").isString() ? message.get("content").asString()
                    : parser.toValue(message.path("content"));
            if (error == null && "error".equals(MessageParser.firstText(message, "status"))) {
                error = String.valueOf(response);
            }
        }
        else {
            response = parser.toValue(output);
            callId = MessageParser.firstText(run.inputs(), "tool_call_id");
            if (callId == null) {
                callId = MessageParser.firstText(run.metadata(), "tool_call_id");
            }
        }
        JsonNode input = run.inputs().has("input") ? run.inputs().get("input") : run.inputs();
        Map<String, Object> arguments = parser.arguments(input);
        return new ToolResponse(callId, run.name(), arguments, response,
                error == null ? null : LlmRunReader.firstLine(error), Map.of("run_id", run.id()));
    }
}
