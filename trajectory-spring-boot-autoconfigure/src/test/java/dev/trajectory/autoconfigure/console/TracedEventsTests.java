package dev.trajectory.autoconfigure.console;

import java.nio.file.Path;
import java.util.Map;

import dev.trajectory.event.TelemetryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.trajectory.autoconfigure.console.ConsoleFixtures.START;
import static dev.trajectory.autoconfigure.console.ConsoleFixtures.appendEvents;
import static dev.trajectory.autoconfigure.console.ConsoleFixtures.appendRaw;
import static dev.trajectory.autoconfigure.console.ConsoleFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

class TracedEventsTests {

    @TempDir
    Path localDir;

    private TracedEvents events(TracedEvents.Limits limits) {
        return new TracedEvents(localDir, ConsoleFixtures.MAPPER, limits);
    }

    private static TelemetryEvent tracked(String type, String traceId) {
        return event(type, traceId, "s", "u", START, Map.of("padding", "x".repeat(100)));
    }

    @Test
    void linesAppendedAfterAReadAreFoundByTheNextRead() throws Exception {
        TracedEvents events = events(TracedEvents.Limits.defaults());
        appendEvents(localDir, "2026-03-01", tracked("first", "t-1"));
        assertThat(events.forTrace("t-1")).extracting(TelemetryEvent::eventType).containsExactly("first");

        appendEvents(localDir, "2026-03-01", tracked("second", "t-1"));
        appendEvents(localDir, "2026-03-02", tracked("third", "t-1"));

        assertThat(events.forTrace("t-1")).extracting(TelemetryEvent::eventType)
                .containsExactly("first", "second", "third");
    }

    @Test
    void aLineStillBeingWrittenIsReadOnceItIsComplete() throws Exception {
        TracedEvents events = events(TracedEvents.Limits.defaults());
        String line = ConsoleFixtures.MAPPER.writeValueAsString(tracked("partial", "t-1"));
        appendRaw(localDir, "2026-03-01", line.substring(0, 40));
        assertThat(events.forTrace("t-1")).isEmpty();

        appendRaw(localDir, "2026-03-01", line.substring(40) + "\n");

        assertThat(events.forTrace("t-1")).extracting(TelemetryEvent::eventType).containsExactly("partial");
    }

    @Test
    void eventsWithoutATraceIdAndUnreadableLinesAreSkipped() throws Exception {
        appendRaw(localDir, "2026-03-01", "{\"trace_id\": not json}\n");
        appendEvents(localDir, "2026-03-01", TelemetryEvent.builder("untraced", "s").build(), tracked("kept", "t-1"));

        assertThat(events(TracedEvents.Limits.defaults()).forTrace("t-1")).extracting(TelemetryEvent::eventType)
                .containsExactly("kept");
    }

    @Test
    void aLargeFileIsReadOnlyFromItsTailWhenFirstSeen() throws Exception {
        for (int i = 0; i < 100; i++) {
            appendEvents(localDir, "2026-03-01", tracked("old-" + i, "t-1"));
        }
        appendEvents(localDir, "2026-03-01", tracked("newest", "t-1"));

        TracedEvents events = events(new TracedEvents.Limits(2, 1000, 1 << 20, 1000, 1000));

        assertThat(events.forTrace("t-1")).extracting(TelemetryEvent::eventType).hasSizeLessThan(10)
                .endsWith("newest").doesNotContain("old-0");
    }

    @Test
    void eachRefreshReadsAtMostItsBudgetAndContinuesNextTime() throws Exception {
        for (int i = 0; i < 20; i++) {
            appendEvents(localDir, "2026-03-01", tracked("e-" + i, "t-1"));
        }
        TracedEvents events = events(new TracedEvents.Limits(2, 1 << 20, 1200, 1000, 1000));

        int first = events.forTrace("t-1").size();
        int second = events.forTrace("t-1").size();

        assertThat(first).isBetween(1, 19);
        assertThat(second).isGreaterThan(first);
        for (int i = 0; i < 20; i++) {
            events.forTrace("t-1");
        }
        assertThat(events.forTrace("t-1")).hasSize(20);
    }

    @Test
    void onlyTheNewestFilesAreRead() throws Exception {
        appendEvents(localDir, "2026-02-27", tracked("too-old", "t-1"));
        appendEvents(localDir, "2026-02-28", tracked("yesterday", "t-1"));
        appendEvents(localDir, "2026-03-01", tracked("today", "t-1"));

        assertThat(events(TracedEvents.Limits.defaults()).forTrace("t-1")).extracting(TelemetryEvent::eventType)
                .containsExactly("yesterday", "today");
    }

    @Test
    void theIndexKeepsTheNewestTracesAndABoundedNumberOfEventsEach() throws Exception {
        for (int i = 0; i < 5; i++) {
            appendEvents(localDir, "2026-03-01", tracked("e", "t-" + i));
        }
        for (int i = 0; i < 5; i++) {
            appendEvents(localDir, "2026-03-01", tracked("more-" + i, "t-4"));
        }
        TracedEvents events = events(new TracedEvents.Limits(2, 1 << 20, 1 << 20, 3, 4));

        assertThat(events.forTrace("t-0")).as("forgotten, the oldest trace").isEmpty();
        assertThat(events.forTrace("t-2")).hasSize(1);
        assertThat(events.forTrace("t-4")).hasSize(4);
    }
}
