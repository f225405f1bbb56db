package dev.trajectory.autoconfigure.capture.langchain4j;

import java.time.Duration;
import java.util.function.Consumer;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.ToolExecution;
import dev.trajectory.capture.CaptureJson;
import dev.trajectory.capture.RunCapture;
import dev.trajectory.capture.ToolRun;
import dev.trajectory.trace.TraceContext;

/**
 * Records an AI service's tool executions in the current agent run, with how long each took and whether it failed:
 * register it with {@code AiServices.builder(...).afterToolExecution(toolCapture)}. Without it, tool results are
 * still captured from the next model request, but without durations. Never throws into the AI service.
 */
public final class LangChain4jToolCapture implements Consumer<ToolExecution> {

    private final RunCapture capture;

    public LangChain4jToolCapture(RunCapture capture) {
        this.capture = capture;
    }

    @Override
    public void accept(ToolExecution execution) {
        TraceContext.current().ifPresent(trace -> {
            ToolExecutionRequest request = execution.request();
            boolean failed = execution.hasFailed();
            Duration duration = execution.duration() != null ? execution.duration() : Duration.ZERO;
            capture.toolRun(trace, new ToolRun(request.id(), request.name(), CaptureJson.object(request.arguments()),
                    execution.result(), failed ? execution.result() : null, null, duration));
        });
    }
}
