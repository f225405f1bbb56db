package dev.trajectory.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.testing.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentRunsTests {

    private final MutableClock clock = new MutableClock();

    private final List<TelemetryEvent> pushed = new ArrayList<>();

    private final AgentRuns runs = new AgentRuns(new TraceFactory("test", 4, () -> null, clock), new RunCompletion() {
        @Override
        public void push(TraceContext trace) {
            pushed.addAll(trace.events());
        }

        @Override
        public void upload(TraceContext trace, RunOutcome outcome, @Nullable Object result) {
        }
    }, 4000);

    @Test
    void aRunRecordsStartAndEndWithDurationAndOutcome() {
        AgentRun run = runs.begin(options("Agent.answer"));
        clock.advance(Duration.ofMillis(250));
        run.succeeded("done");

        assertThat(pushed).extracting(TelemetryEvent::eventType).containsExactly("agent.run.start", "agent.run.end");
        assertThat(pushed.get(1).properties()).containsEntry("duration_ms", 250L).containsEntry("outcome", "success")
                .containsEntry("run_name", "Agent.answer");
    }

    @Test
    void theEndIsRecordedOnceWhateverHappensAfter() {
        AgentRun run = runs.begin(options("Agent.answer"));
        run.cancelled();
        run.failed(new IllegalStateException("late"));

        assertThat(pushed).extracting(TelemetryEvent::eventType).containsExactly("agent.run.start", "agent.run.end");
        assertThat(pushed.get(1).properties()).containsEntry("outcome", "cancelled");
    }

    @Test
    void theEndEventIsKeptWhenTheBufferIsFull() {
        AgentRun run = runs.begin(options("Agent.answer"));
        try (TraceContext.Scope ignored = run.enter()) {
            for (int i = 0; i < 10; i++) {
                run.trace().event("step.done", java.util.Map.of());
            }
        }
        run.succeeded(null);

        assertThat(pushed).hasSize(5).last().satisfies(end -> {
            assertThat(end.eventType()).isEqualTo("agent.run.end");
            assertThat(end.properties()).containsEntry("dropped_events", 7);
        });
    }

    private static AgentRuns.RunOptions options(String name) {
        return new AgentRuns.RunOptions(name, null, null, true, false);
    }
}
