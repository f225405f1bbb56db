package dev.trajectory.autoconfigure.capture.springai;

import java.time.Duration;

import dev.trajectory.capture.CaptureJson;
import dev.trajectory.capture.ModelCall;
import dev.trajectory.capture.RunCapture;
import dev.trajectory.capture.ToolRun;
import dev.trajectory.trace.TraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Turns Spring AI's chat-model and tool-calling observations into steps and tool runs of the agent run current when
 * they start. The run is remembered on the observation, so a stream that completes on another thread still lands
 * in it; a tool call observed on a thread without the run finds it on its parent chat-model observation. Never
 * throws into the observed call.
 */
public final class SpringAiCaptureHandler implements ObservationHandler<Observation.Context> {

    private static final Logger logger = LoggerFactory.getLogger(SpringAiCaptureHandler.class);

    private final RunCapture capture;

    public SpringAiCaptureHandler(RunCapture capture) {
        this.capture = capture;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ChatModelObservationContext || context instanceof ToolCallingObservationContext;
    }

    @Override
    public void onStart(Observation.Context context) {
        TraceContext trace = TraceContext.current().orElseGet(() -> parentRun(context));
        if (trace != null) {
            context.put(Started.class, new Started(trace, System.nanoTime()));
            if (context instanceof ChatModelObservationContext) {
                capture.modelCallStarted(trace);
            }
        }
    }

    @Override
    public void onStop(Observation.Context context) {
        Started started = context.get(Started.class);
        if (started == null) {
            return;
        }
        try {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started.nanos());
            if (context instanceof ChatModelObservationContext chat) {
                modelCall(started.trace(), chat, elapsed);
            }
            else if (context instanceof ToolCallingObservationContext tool) {
                toolRun(started.trace(), tool, elapsed);
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Could not capture a Spring AI call in agent run {}: {}", started.trace().traceId(),
                    ex.toString());
        }
    }

    private void modelCall(TraceContext trace, ChatModelObservationContext chat, Duration elapsed) {
        Prompt prompt = chat.getRequest();
        ChatResponse response = chat.getResponse();
        String provider = chat.getOperationMetadata().provider();
        if (chat.getError() != null || response == null) {
            Throwable error = chat.getError() != null ? chat.getError()
                    : new IllegalStateException("no response");
            capture.modelCallFailed(trace, provider, SpringAiMessages.model(prompt, null), error, elapsed);
            return;
        }
        capture.modelCall(trace, new ModelCall(provider, SpringAiMessages.model(prompt, response),
                SpringAiMessages.input(prompt), SpringAiMessages.output(response), SpringAiMessages.tools(prompt),
                elapsed, chat.isStreaming()));
    }

    private void toolRun(TraceContext trace, ToolCallingObservationContext tool, Duration elapsed) {
        ToolFailure recorded = tool.get(ToolFailure.class);
        Throwable failure = tool.getError() != null ? tool.getError() : recorded != null ? recorded.error() : null;
        Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
        capture.toolRun(trace, new ToolRun(tool.getToolCallId(), tool.getToolDefinition().name(),
                CaptureJson.object(tool.getToolCallArguments()), tool.getToolCallResult(),
                cause == null ? null : String.valueOf(cause.getMessage()),
                cause == null ? null : cause.getClass().getName(), elapsed));
    }

    private static @Nullable TraceContext parentRun(Observation.Context context) {
        ObservationView parent = context.getParentObservation();
        while (parent != null) {
            Started started = parent.getContextView().get(Started.class);
            if (started != null) {
                return started.trace();
            }
            parent = parent.getContextView().getParentObservation();
        }
        return null;
    }

    /** The run an observation belongs to and when it started. */
    private record Started(TraceContext trace, long nanos) {
    }

    /** A tool failure the tool-calling manager handled itself, recorded on its observation. */
    record ToolFailure(Throwable error) {
    }
}
