package dev.trajectory.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.trace.TraceAgentRun;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.Trajectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The support agent: a loop of model calls and tool calls until the model answers without asking for a tool.
 * Each call is one agent run ({@link TraceAgentRun}); it returns the run's trajectory, which the starter uploads
 * with the run's events when the run ends. In local mode that is {@code .trajectory/traces/{trace_id}.json}.
 */
@Component
public class SupportAgent {

    static final String RUN_NAME = "support-agent";

    private static final String SYSTEM_PROMPT = "You are the support agent of an online shop. Look orders up and "
            + "quote the refund policy; never promise what the tools did not say.";

    private static final int MAX_TURNS = 4;

    private final TelemetryClient telemetry;

    private final StandInModel model;

    private final OrderLookup orders = new OrderLookup();

    private final RefundPolicySearch policy = new RefundPolicySearch();

    public SupportAgent(TelemetryClient telemetry, @Value("${sample.model-latency:150ms}") Duration modelLatency) {
        this.telemetry = telemetry;
        this.model = new StandInModel(modelLatency);
    }

    /** Answers one message; the result is the run's trajectory, whose last message is the reply. */
    @TraceAgentRun(name = RUN_NAME, sessionId = "#request.sessionId", userId = "#request.userId",
            uploadTrajectory = true)
    public Trajectory answer(ChatRequest request) {
        long start = System.nanoTime();
        TraceContext trace = TraceContext.current().orElseGet(() -> TraceContext.builder()
                .sessionId(request.sessionId()).userId(request.userId()).build());
        RunRecorder run = new RunRecorder(trace, TrajectoryJson.mapper());
        run.said(Message.of(Role.SYSTEM, SYSTEM_PROMPT));
        run.said(Message.of(Role.USER, request.message() != null ? request.message() : ""));
        int toolErrors = 0;
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            long asked = System.nanoTime();
            Message answer = model.next(run.conversation());
            run.modelAnswered(answer, StandInModel.NAME, since(asked));
            if (answer.toolCalls().isEmpty()) {
                break;
            }
            for (ToolCall call : answer.toolCalls()) {
                toolErrors += callTool(call, run, trace) ? 0 : 1;
            }
        }
        telemetry.track("support.answered", Map.of("tool_errors", toolErrors, "escalated", toolErrors > 0),
                trace.userId(), trace.sessionId());
        return run.trajectory(RUN_NAME, since(start));
    }

    /** Runs a tool and records its answer or its failure; returns whether it succeeded. */
    private boolean callTool(ToolCall call, RunRecorder run, TraceContext trace) {
        long start = System.nanoTime();
        try {
            Object response = switch (call.name()) {
                case OrderLookup.NAME -> orders.lookup(String.valueOf(call.arguments().get("order_id")));
                case RefundPolicySearch.NAME -> policy.search(String.valueOf(call.arguments().get("query")));
                default -> throw new IllegalArgumentException("no tool named " + call.name());
            };
            run.toolAnswered(call, response, null, since(start));
            return true;
        }
        catch (RuntimeException failure) {
            run.toolAnswered(call, null, failure.getMessage(), since(start));
            telemetry.track("support.tool_failed", Map.of("tool", call.name(), "error", failure.getMessage()),
                    trace.userId(), trace.sessionId());
            return false;
        }
    }

    /** The reply in a trajectory this agent returned: the content of its last message. */
    static String reply(Trajectory trajectory) {
        List<Message> last = trajectory.steps().get(trajectory.steps().size() - 1).messages();
        String content = last.get(last.size() - 1).content();
        return content != null ? content : "";
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
