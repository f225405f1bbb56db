package dev.trajectory.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trajectory.trace.TraceContext;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records model and tool calls in an agent run: a step per model call, the tool executions that answer its tool
 * calls, and the events {@code llm.call}, {@code tool.call} (one per tool call the model asks for) and
 * {@code tool.result}. Events carry names, ids, counts and timings, never text. Never throws into the caller: a
 * call that cannot be recorded is logged and skipped.
 */
public final class RunCapture {

    private static final Logger logger = LoggerFactory.getLogger(RunCapture.class);

    private final CaptureSettings settings;

    public RunCapture(CaptureSettings settings) {
        this.settings = settings;
    }

    public CaptureSettings settings() {
        return settings;
    }

    /**
     * Notes that a model call started in the run, so a run ending before the call is recorded (a stream whose last
     * signal is still on its way) waits for it before it is uploaded. Each start is settled by
     * {@link #modelCall} or {@link #modelCallFailed}.
     */
    public void modelCallStarted(TraceContext trace) {
        CapturedSteps.in(trace, settings).callStarted();
    }

    /** Records a completed model call as a step of the run, with its events. */
    public void modelCall(TraceContext trace, ModelCall call) {
        CapturedSteps captured = CapturedSteps.in(trace, settings);
        try {
            ContentPolicy policy = new ContentPolicy(settings);
            List<Message> input = new ArrayList<>(call.input().size());
            for (Message message : call.input()) {
                input.add(message.toolResponse() != null ? toolMessage(trace, captured, message, policy)
                        : policy.message(message));
            }
            Message output = policy.message(call.output().toBuilder().toolDefinitions(call.tools()).build());
            captured.addTruncated(policy.truncated());
            int step = captured.addStep(input, output, stepInfo(call), call.latency());
            trace.event("llm.call", llmCallProperties(call, step));
            for (ToolCall toolCall : output.toolCalls()) {
                Map<String, @Nullable Object> properties = new LinkedHashMap<>();
                properties.put("tool", toolCall.name());
                properties.put("tool_call_id", toolCall.id());
                properties.put("step", step < 0 ? null : step);
                trace.event("tool.call", properties);
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Could not record a model call in agent run {}: {}", trace.traceId(), ex.toString());
        }
        finally {
            captured.callSettled();
        }
    }

    /** Records a model call that failed: an {@code llm.call} event with the error type, no step. */
    public void modelCallFailed(TraceContext trace, @Nullable String provider, @Nullable String model,
            Throwable error, Duration latency) {
        try {
            Map<String, @Nullable Object> properties = new LinkedHashMap<>();
            properties.put("provider", provider);
            properties.put("model", model);
            properties.put("latency_ms", latency.toMillis());
            properties.put("status", "error");
            properties.put("error_type", error.getClass().getName());
            trace.event("llm.call", properties);
        }
        catch (RuntimeException ex) {
            logger.warn("Could not record a failed model call in agent run {}: {}", trace.traceId(), ex.toString());
        }
        finally {
            CapturedSteps.in(trace, settings).callSettled();
        }
    }

    /** Records a completed tool execution and its {@code tool.result} event; a repeat for the same id is ignored. */
    public void toolRun(TraceContext trace, ToolRun run) {
        try {
            ContentPolicy policy = new ContentPolicy(settings);
            CapturedSteps captured = CapturedSteps.in(trace, settings);
            ToolRun kept = policy.toolRun(run);
            captured.addTruncated(policy.truncated());
            if (captured.addToolRun(kept)) {
                trace.event("tool.result", toolResultProperties(run.id(), run.name(), run.failed(),
                        run.errorType(), run.duration()));
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Could not record a tool execution in agent run {}: {}", trace.traceId(), ex.toString());
        }
    }

    /**
     * A tool message of the model's input, completed with what its execution recorded (failure, arguments,
     * duration). A result whose execution was not seen (the framework reports only the next model call) is
     * recorded here.
     */
    private Message toolMessage(TraceContext trace, CapturedSteps captured, Message message, ContentPolicy policy) {
        ToolResponse response = message.toolResponse();
        String id = response == null ? null : response.id();
        if (response == null || id == null) {
            return policy.message(message);
        }
        ToolRun run = captured.toolRun(id);
        if (run == null && !captured.hasToolRun(id)) {
            if (captured.addToolRun(policy.toolRun(new ToolRun(id, response.name(), response.arguments(),
                    message.content(), response.error(), null, Duration.ZERO)))) {
                trace.event("tool.result",
                        toolResultProperties(id, response.name(), response.error() != null, null, null));
            }
            return policy.message(message);
        }
        if (run == null) {
            return policy.message(message);
        }
        Map<String, @Nullable Object> metadata = new LinkedHashMap<>(response.metadata());
        metadata.put("duration_ms", run.duration().toMillis());
        if (run.errorType() != null) {
            metadata.put("error_type", run.errorType());
        }
        String error = run.failed() ? run.error() != null ? run.error() : ContentPolicy.TOOL_FAILED
                : response.error();
        ToolResponse completed = new ToolResponse(id, response.name(),
                run.arguments().isEmpty() ? response.arguments() : run.arguments(), response.response(), error,
                metadata);
        return policy.message(message.toBuilder().toolResponse(completed).build());
    }

    private static Map<String, @Nullable Object> stepInfo(ModelCall call) {
        Map<String, @Nullable Object> info = new LinkedHashMap<>();
        info.put("provider", call.provider());
        info.put("model", call.model());
        info.put("latency_ms", call.latency().toMillis());
        if (call.streamed()) {
            info.put("streamed", true);
        }
        return info;
    }

    private static Map<String, @Nullable Object> llmCallProperties(ModelCall call, int step) {
        Map<String, @Nullable Object> properties = new LinkedHashMap<>();
        properties.put("provider", call.provider());
        properties.put("model", call.model());
        properties.put("step", step < 0 ? null : step);
        properties.put("latency_ms", call.latency().toMillis());
        properties.put("streamed", call.streamed());
        properties.put("messages", call.input().size());
        properties.put("tools_offered", call.tools().size());
        properties.put("tool_calls", call.output().toolCalls().size());
        properties.put("finish_reason", call.output().finishReason());
        call.output().usage().forEach(properties::put);
        properties.put("status", "success");
        return properties;
    }

    private static Map<String, @Nullable Object> toolResultProperties(@Nullable String id, String name,
            boolean failed, @Nullable String errorType, @Nullable Duration duration) {
        Map<String, @Nullable Object> properties = new LinkedHashMap<>();
        properties.put("tool", name);
        properties.put("tool_call_id", id);
        properties.put("status", failed ? "error" : "success");
        if (errorType != null) {
            properties.put("error_type", errorType);
        }
        if (duration != null) {
            properties.put("duration_ms", duration.toMillis());
        }
        return properties;
    }
}
