package dev.trajectory.capture;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.RunTrajectories;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trajectory.ExecutionMetrics;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.MetricsCalculator;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.Task;
import dev.trajectory.trajectory.Telemetry;
import dev.trajectory.trajectory.TerminationReason;
import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The trajectory of a run that captured model calls: its steps, metrics over the whole conversation, the time spent
 * in the model and in tools, and token totals. Runs without captured calls get {@link RunTrajectories}' summary.
 */
public final class CapturedTrajectories {

    /** The {@code data_source} of a run's trajectory, as {@link RunTrajectories} names it. */
    static final String DATA_SOURCE = "agent_run";

    private static final Duration SETTLE_POLL = Duration.ofMillis(10);

    private CapturedTrajectories() {
    }

    /** Longest wait for model calls still in flight when the run ends. */
    public static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(2);

    /** Whether the run captured a model call, or has one in flight. */
    public static boolean hasSteps(TraceContext trace) {
        CapturedSteps captured = CapturedSteps.of(trace);
        return captured != null && (!captured.isEmpty() || captured.hasCallsInFlight());
    }

    /**
     * Completes once no model call of the run is in flight, or after {@link #SETTLE_TIMEOUT}: a streamed call can
     * end the caller's wait a moment before its response is recorded. Never errors; does not block.
     */
    public static Mono<Void> settled(TraceContext trace) {
        CapturedSteps captured = CapturedSteps.of(trace);
        if (captured == null || !captured.hasCallsInFlight()) {
            return Mono.empty();
        }
        return Flux.interval(SETTLE_POLL)
                .filter(tick -> !captured.hasCallsInFlight())
                .next()
                .then()
                .timeout(SETTLE_TIMEOUT, Mono.empty())
                .onErrorComplete();
    }

    /**
     * The method's result when it is a {@link Trajectory}; the captured steps as a trajectory when there are any;
     * otherwise {@link RunTrajectories#of}.
     */
    public static Trajectory of(TraceContext trace, RunOutcome outcome, @Nullable Object result) {
        CapturedSteps captured = CapturedSteps.of(trace);
        if (result instanceof Trajectory || captured == null || captured.isEmpty()) {
            return RunTrajectories.of(trace, outcome, result);
        }
        List<Step> steps = captured.steps();
        List<Message> conversation = RunConversation.of(steps, captured.toolRuns());
        Map<String, Long> usage = captured.usage();
        Task task = new Task(trace.traceId(), DATA_SOURCE, trace.sessionId(), 1, steps.size(),
                usage.get("total_tokens"), null);
        Duration llmTime = captured.llmTime();
        Duration toolTime = captured.toolTime();
        Duration runTime = runDuration(trace);
        ExecutionMetrics execution = new ExecutionMetrics(ExecutionMetrics.seconds(toolTime),
                ExecutionMetrics.seconds(llmTime), ExecutionMetrics.seconds(runTime != null ? runTime
                        : llmTime.plus(toolTime)), termination(outcome, conversation));
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("trace_id", trace.traceId());
        data.put("outcome", outcome.value());
        data.put("usage", usage);
        data.putAll(captured.counts());
        return new Trajectory(task, steps, null, MetricsCalculator.metrics(conversation, steps.size(), null),
                execution, null, new Telemetry("trajectory-java", data), null, null);
    }

    /** The outermost run's duration from its end event, when it has ended. */
    private static @Nullable Duration runDuration(TraceContext trace) {
        List<TelemetryEvent> events = trace.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            TelemetryEvent event = events.get(i);
            Map<String, @Nullable Object> properties = event.properties();
            if ("agent.run.end".equals(event.eventType()) && !properties.containsKey("nested")
                    && properties.get("duration_ms") instanceof Number millis) {
                return Duration.ofMillis(millis.longValue());
            }
        }
        return null;
    }

    private static TerminationReason termination(RunOutcome outcome, List<Message> conversation) {
        if (outcome == RunOutcome.ERROR) {
            return TerminationReason.ERROR;
        }
        if (outcome == RunOutcome.CANCELLED) {
            return TerminationReason.STALE;
        }
        for (int i = conversation.size() - 1; i >= 0; i--) {
            Message message = conversation.get(i);
            if (message.role() == Role.ASSISTANT) {
                return "length".equals(message.finishReason()) ? TerminationReason.TRUNCATION
                        : TerminationReason.ENV_DONE;
            }
        }
        return TerminationReason.ENV_DONE;
    }
}
