package dev.trajectory.autoconfigure.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import dev.trajectory.event.TelemetryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.trajectory.autoconfigure.console.ConsoleFixtures.START;
import static dev.trajectory.autoconfigure.console.ConsoleFixtures.appendEvents;
import static dev.trajectory.autoconfigure.console.ConsoleFixtures.event;
import static dev.trajectory.autoconfigure.console.ConsoleFixtures.storeRun;
import static org.assertj.core.api.Assertions.assertThat;

class ConsoleRunsTests {

    @TempDir
    Path localDir;

    private ConsoleRuns runs() {
        return new ConsoleRuns(localDir, localDir.resolve("traces"), ConsoleFixtures.MAPPER);
    }

    @Test
    void aStoredRunIsSummarisedWithStatusDurationTokensAndToolErrors() {
        storeRun(localDir, "trace-1", "session-1", "user-1", "Where is order 9001?");

        RunSummary run = runs().recent(null, 10).get(0);

        assertThat(run.traceId()).isEqualTo("trace-1");
        assertThat(run.name()).isEqualTo("support-agent");
        assertThat(run.sessionId()).isEqualTo("session-1");
        assertThat(run.userId()).isEqualTo("user-1");
        assertThat(run.startedAt()).isEqualTo(START);
        assertThat(run.status()).isEqualTo("success");
        assertThat(run.durationMs()).isEqualTo(900);
        assertThat(run.tokens()).as("50 from total_tokens, 82 from input plus output").isEqualTo(132);
        assertThat(run.steps()).isEqualTo(2);
        assertThat(run.toolCalls()).isEqualTo(2);
        assertThat(run.toolErrors()).isEqualTo(1);
        assertThat(run.preview()).isEqualTo("Where is order 9001?");
    }

    @Test
    void runsAreListedNewestFirstUpToTheLimit() throws Exception {
        for (int i = 1; i <= 3; i++) {
            storeRun(localDir, "trace-" + i, "s", "u", "q");
            Files.setLastModifiedTime(localDir.resolve("traces/trace-" + i + ".json"),
                    FileTime.from(START.plusSeconds(i)));
        }

        assertThat(runs().recent(null, 2)).extracting(RunSummary::traceId).containsExactly("trace-3", "trace-2");
    }

    @Test
    void searchFindsRunsBySessionUserOrTraceIdIgnoringCase() {
        storeRun(localDir, "abc-trace", "checkout-session", "alice", "q");
        storeRun(localDir, "def-trace", "returns-session", "bob", "q");
        ConsoleRuns runs = runs();

        assertThat(runs.recent("CHECKOUT", 10)).extracting(RunSummary::traceId).containsExactly("abc-trace");
        assertThat(runs.recent("bob", 10)).extracting(RunSummary::traceId).containsExactly("def-trace");
        assertThat(runs.recent("def-tr", 10)).extracting(RunSummary::traceId).containsExactly("def-trace");
        assertThat(runs.recent("carol", 10)).isEmpty();
    }

    @Test
    void theTimelineShowsEachMessageOnceAndMarksTheFailedToolCall() {
        storeRun(localDir, "trace-1", "s", "u", "q");

        RunDetail run = runs().find("trace-1").orElseThrow();

        assertThat(run.timeline()).extracting(TimelineEntry::kind)
                .containsExactly("system", "user", "llm", "tool", "tool", "llm");
        assertThat(run.timeline()).extracting(TimelineEntry::step).containsExactly(0, 0, 0, 1, 1, 1);
        TimelineEntry failed = run.timeline().get(3);
        assertThat(failed.title()).isEqualTo("order_lookup");
        assertThat(failed.error()).isEqualTo("timed out");
        assertThat(failed.arguments()).isEqualTo(Map.of("order_id", "9001"));
        assertThat(run.timeline().get(4).failed()).isFalse();
        assertThat(run.timeline().get(2).title()).isEqualTo("LLM call · stand-in");
        assertThat(run.timeline().get(2).durationMs()).isEqualTo(150);
        assertThat(run.timeline().get(2).toolCalls()).hasSize(2);
    }

    @Test
    void aRunsEventsIncludeWhatWasTrackedWithItsTraceIdOnceAndInOrder() throws Exception {
        storeRun(localDir, "trace-1", "s", "u", "q");
        TelemetryEvent tracked = event("support.tool_failed", "trace-1", "s", "u", START.plusMillis(300), Map.of());
        TelemetryEvent request = event("http.request", "trace-1", "s", "u", START.plusMillis(950), Map.of());
        TelemetryEvent otherRun = event("http.request", "trace-2", "s", "u", START.plusMillis(10), Map.of());
        appendEvents(localDir, "2026-03-01", tracked, otherRun, request, tracked);

        RunDetail run = runs().find("trace-1").orElseThrow();

        assertThat(run.events()).extracting(TelemetryEvent::eventType).containsExactly("agent.run.start",
                "tool.call", "support.tool_failed", "agent.run.end", "http.request");
    }

    @Test
    void anUnknownTraceIdFindsNothing() {
        assertThat(runs().find("missing")).isEmpty();
        assertThat(runs().find("../../etc/passwd")).isEmpty();
    }
}
